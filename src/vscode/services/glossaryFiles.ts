/**
 * The user's and the workspace's glossary files: finds the configured ones, reads and watches them,
 * shows their problems as diagnostics, and writes them (one write at a time per file). Their
 * states live in glossaryFileStates.ts; the lexicon built from them is GlossaryService's.
 */
import * as vscode from 'vscode';
import type { SourcedGlossary } from '../../core/glossary/entry';
import type { Edit } from '../../core/glossary/jsonEdit';
import { decodeUtf8, LocatedError } from '../../core/text/text';
import { affectsHanziGloss, readConfig } from './config';
import { GlossaryFileWriter } from './fileWriter';
import { GlossaryFileStates, type EditableLayer, type GlossaryFileState } from './glossaryFileStates';
import { LABELS } from './userLabels';

export class GlossaryFiles implements vscode.Disposable {
  private readonly states = new GlossaryFileStates(LABELS.glossary);
  private readonly writer = new GlossaryFileWriter();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('hanzi-gloss-glossary');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  /** Set once the files were first found; until then nothing is watched and settings need no re-read. */
  private found = false;
  /** Fires when a file changed on disk or the configured files changed (not after our own writes). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: Pick<vscode.ExtensionContext, 'globalStorageUri'>) {
    const refind = () => {
      if (this.found) void this.refresh().then(() => this.changed.fire());
    };
    this.disposables.push(
      this.changed,
      this.diagnostics,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsHanziGloss(e)) refind();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(refind),
      // Trust lets the workspace's own glossary settings count (see configValues.ts).
      vscode.workspace.onDidGrantWorkspaceTrust(refind),
    );
  }

  /** The user's glossary file: the setting, or a file in the extension's global storage. */
  userGlossaryUri(): vscode.Uri {
    const setting = readConfig().userGlossary.trim();
    if (setting) return vscode.Uri.file(setting.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~'));
    return vscode.Uri.joinPath(this.context.globalStorageUri, 'user-glossary.json');
  }

  /** The workspace glossary files configured for each folder (existing or not). */
  workspaceGlossaryUris(): vscode.Uri[] {
    const out: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const path of readConfig(folder.uri).workspaceGlossaries) {
        if (!/[*?{[]/.test(path)) out.push(vscode.Uri.joinPath(folder.uri, path));
      }
    }
    return out;
  }

  /** States of the user and workspace glossary files that are loaded. */
  get editable(): readonly GlossaryFileState[] {
    return this.states.all();
  }

  /** The good versions of one layer's files. */
  goodOf(layer: EditableLayer): SourcedGlossary[] {
    return this.states.goodOf(layer);
  }

  /** Problems of user/workspace glossary files, for the status bar. */
  get problemCount(): number {
    return this.states.problemCount;
  }

  /** Finds the configured user and workspace glossary files, (re)reads them and watches them. */
  async refresh(): Promise<void> {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const wanted: { uri: vscode.Uri; layer: EditableLayer }[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of readConfig(folder.uri).workspaceGlossaries) {
        const relative = new vscode.RelativePattern(folder, pattern);
        for (const uri of await vscode.workspace.findFiles(relative, null, 200))
          wanted.push({ uri, layer: 'workspace' });
        this.watch(relative, 'workspace');
      }
    }
    const user = this.userGlossaryUri();
    wanted.push({ uri: user, layer: 'user' });
    this.watch(new vscode.RelativePattern(vscode.Uri.joinPath(user, '..'), user.path.replace(/^.*\//, '')), 'user');
    const keep = new Set(wanted.map((w) => w.uri.toString()));
    for (const key of this.states.keys()) {
      if (!keep.has(key)) this.forget(vscode.Uri.parse(key));
    }
    await Promise.all(wanted.map((w) => this.read(w.uri, w.layer)));
    this.found = true;
  }

  /**
   * Applies the edits that `compute` makes from the file's current text (the editor's, if open)
   * and takes the text after them as the file's new version.
   */
  async write(uri: vscode.Uri, layer: EditableLayer, compute: (text: string) => Edit[]): Promise<void> {
    const text = await this.writer.edit(uri, compute);
    this.take(uri, layer, text);
  }

  private watch(pattern: vscode.RelativePattern, layer: EditableLayer): void {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const reread = (uri: vscode.Uri) => void this.read(uri, layer).then(() => this.changed.fire());
    watcher.onDidChange(reread);
    watcher.onDidCreate(reread);
    watcher.onDidDelete((uri) => {
      this.forget(uri);
      this.changed.fire();
    });
    this.watchers.push(watcher);
  }

  private forget(uri: vscode.Uri): void {
    this.states.delete(uri);
    this.diagnostics.delete(uri);
  }

  /** Reads one user/workspace glossary from disk; a missing file is an empty layer, not an error. */
  private async read(uri: vscode.Uri, layer: EditableLayer): Promise<void> {
    // An open editor holds the newest text (our own edits go there first): a late watcher event
    // for an earlier write must not bring back what is on disk.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      this.take(uri, layer, open.getText());
      return;
    }
    const stale = this.states.startRead(uri);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      if (!stale()) this.forget(uri);
      return;
    }
    if (stale()) return;
    let text: string;
    try {
      text = decodeUtf8(bytes, pathOf(uri), LABELS.glossary.text);
    } catch (e) {
      // Not UTF-8 text (GBK, UTF-16, binary): a diagnostic, and the last good entries stay in use.
      if (!(e instanceof LocatedError)) throw e;
      this.diagnose(this.states.refuse(uri, layer, [e]));
      return;
    }
    this.take(uri, layer, text);
  }

  private take(uri: vscode.Uri, layer: EditableLayer, text: string): void {
    const label = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    this.diagnose(this.states.take(uri, layer, text, pathOf(uri), label));
  }

  private diagnose(state: GlossaryFileState): void {
    this.diagnostics.set(
      state.uri,
      state.problems.map((p) => {
        const pos = new vscode.Position(p.line - 1, p.column - 1);
        const d = new vscode.Diagnostic(
          new vscode.Range(pos, pos.translate(0, 1)),
          p.reason,
          vscode.DiagnosticSeverity.Error,
        );
        d.source = 'Hanzi Gloss';
        return d;
      }),
    );
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function pathOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}
