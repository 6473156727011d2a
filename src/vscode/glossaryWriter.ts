/**
 * Safe writes to glossary files. Edits for one file run one after another (two quick additions
 * both survive). If the file is open in an editor the change is a WorkspaceEdit — undoable, and any
 * unsaved changes stay — otherwise the new text is written beside the file and renamed over it, so
 * the file is never half-written. Nothing else is touched.
 */
import * as vscode from 'vscode';
import { applyTextEdits, type Edit } from '../core/glossary/jsonEdit';
import { decodeUtf8 } from '../core/text';

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier write to the same file has finished. */
function serialized<T>(uri: vscode.Uri, task: () => Promise<T>): Promise<T> {
  const key = uri.toString();
  const run = (queues.get(key) ?? Promise.resolve()).then(task, task);
  queues.set(key, run.catch(() => undefined));
  return run;
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    // Not UTF-8 is refused (with the position), never rewritten with U+FFFD in place of the text.
    return decodeUtf8(await vscode.workspace.fs.readFile(uri), uri.scheme === 'file' ? uri.fsPath : uri.toString());
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return '';
    throw e;
  }
}

/**
 * Writes `text` beside `uri` and renames it over the file: a stopped process never leaves half a
 * file. Every file the extension writes (glossaries, exports, sidecar notes) goes through here.
 */
export async function writeAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const dir = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(dir);
  const temp = vscode.Uri.joinPath(dir, `.${uri.path.replace(/^.*\//, '')}.${Date.now()}.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}

/**
 * Applies the edits that `compute` makes from the file's current text (the editor's, if open).
 * Returns the text after the edit.
 */
export function editGlossaryFile(uri: vscode.Uri, compute: (text: string) => Edit[]): Promise<string> {
  return serialized(uri, async () => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) {
      const before = document.getText();
      const edits = compute(before);
      const edit = new vscode.WorkspaceEdit();
      for (const e of edits) edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code refused the edit to ${uri.toString()}`);
      return document.getText();
    }
    const before = await readText(uri);
    const text = applyTextEdits(before, compute(before));
    await writeAtomically(uri, text);
    return text;
  });
}
