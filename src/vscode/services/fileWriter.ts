/**
 * Safe writes to glossary files. Edits for one file run one after another (two quick additions
 * both survive): the queue is the writer's own, owned by the glossary files (glossaryFiles.ts). If
 * the file is open in an editor the change is a WorkspaceEdit — undoable, and any unsaved changes
 * stay — otherwise the file is replaced atomically (writeAtomically below), so it is never
 * half-written. Nothing else is touched.
 */
import * as vscode from 'vscode';
import { applyTextEdits, type Edit } from '../../core/glossary/jsonEdit';
import { decodeUtf8 } from '../../core/text/text';
import { writeFileAtomic } from '../../node/atomicWrite';
import { WriteQueue } from './writeQueue';

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
 * Replaces the file at `uri` by `text` without ever leaving half a file. Every file the extension
 * writes (glossaries, exports, sidecar notes) goes through here. Local files go through the one
 * atomic writer that the CLI uses too (modes, owners and symbolic links kept, read-only files
 * refused, temporary files of killed writers removed). Other schemes (remote, virtual file systems)
 * have only `workspace.fs`: write beside the file and rename over it there.
 */
export async function writeAtomically(uri: vscode.Uri, text: string): Promise<void> {
  if (uri.scheme === 'file') {
    // Throws AtomicWriteError, whose one-line message ("path: the file is read-only; …") is shown.
    writeFileAtomic(uri.fsPath, text);
    return;
  }
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

/** Edits glossary files, one write at a time per file. */
export class GlossaryFileWriter {
  private readonly queue = new WriteQueue();

  /**
   * Applies the edits that `compute` makes from the file's current text (the editor's, if open).
   * Returns the text after the edit.
   */
  edit(uri: vscode.Uri, compute: (text: string) => Edit[]): Promise<string> {
    return this.queue.run(uri.toString(), async () => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (document) {
        const before = document.getText();
        const edits = compute(before);
        const edit = new vscode.WorkspaceEdit();
        for (const e of edits)
          edit.replace(
            uri,
            new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)),
            e.content,
          );
        if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code refused the edit to ${uri.toString()}`);
        return document.getText();
      }
      const before = await readText(uri);
      const text = applyTextEdits(before, compute(before));
      await writeAtomically(uri, text);
      return text;
    });
  }
}
