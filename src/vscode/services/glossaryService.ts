/**
 * Owns the layered lexicon: workspace glossaries, the user's glossary, the curated glossaries and
 * CC-CEDICT, highest first. Everything loads on first use, never during activation. Each file keeps
 * its last good version: a file that stops parsing gets diagnostics, and its previous entries stay
 * in use until it is fixed.
 */
import * as vscode from 'vscode';
import { loadCedictLayer } from '../../core/lexicon/cedictAsset';
import { isGlossaryFileName, loadGlossaries, parseGlossaryFile } from '../../core/glossary/load';
import type { GlossarySource } from '../../core/glossary/entry';
import type { SourcedGlossary } from '../../core/glossary/entry';
import { Lexicon, type LexiconLayer } from '../../core/lexicon/lexicon';
import { composeLexicon } from '../../core/lexicon/compose';
import { decodeUtf8, LocatedError } from '../../core/text/text';
import { coreLabels } from './coreLabels';
import { affectsHanziGloss, readConfig } from './config';

/** The core's messages (glossary problems) in the user's language. */
const LABELS = coreLabels(vscode.l10n);

/** A glossary file of the user or workspace layer. */
export interface GlossaryFileState {
  readonly uri: vscode.Uri;
  readonly layer: 'workspace' | 'user';
  /** Last good parse (undefined until the file has parsed once). */
  good?: SourcedGlossary;
  problems: readonly LocatedError[];
}

export class GlossaryService implements vscode.Disposable {
  private loading: Promise<Lexicon> | undefined;
  private current: Lexicon | undefined;
  private curated: SourcedGlossary[] | undefined;
  private cedict: LexiconLayer | undefined | null;
  private readonly files = new Map<string, GlossaryFileState>();
  /** Counts updates per file, so a disk read overtaken by a newer update is dropped. */
  private readonly generations = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<Lexicon>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('hanzi-gloss-glossary');
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  /** Fires when the lexicon is (re)built. */
  readonly onDidChange = this.changed.event;
  /** How long the first load took, for the log and the tests' timing report. */
  stats: { curatedMs: number; cedictMs: number; keys: number } | undefined;

  constructor(
    private readonly context: Pick<vscode.ExtensionContext, 'extensionUri' | 'globalStorageUri'>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changed,
      this.diagnostics,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsHanziGloss(e) && this.current) void this.refreshFiles();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.current) void this.refreshFiles();
      }),
      // Trust lets the workspace's own glossary settings count (see configValues.ts).
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.current) void this.refreshFiles();
      }),
    );
  }

  /** The lexicon, loading it on first call; later calls share the same load. */
  lexicon(): Promise<Lexicon> {
    if (this.current) return Promise.resolve(this.current);
    this.loading ??= this.load().then(
      (lexicon) => lexicon,
      (e: unknown) => {
        this.loading = undefined;
        throw e;
      },
    );
    return this.loading;
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
  get editableFiles(): readonly GlossaryFileState[] {
    return [...this.files.values()];
  }

  private async load(): Promise<Lexicon> {
    const started = performance.now();
    this.curated = await this.loadCurated();
    const curatedMs = performance.now() - started;
    const cedictStarted = performance.now();
    this.cedict = (await this.loadCedict()) ?? null;
    const cedictMs = performance.now() - cedictStarted;
    await this.refreshFiles(false);
    const lexicon = this.rebuild();
    this.stats = { curatedMs, cedictMs, keys: lexicon.keyCount };
    this.log.info(
      `glossaries ready: curated ${curatedMs.toFixed(0)} ms, CC-CEDICT ${cedictMs.toFixed(0)} ms, ` +
        `${lexicon.keyCount} keys`,
    );
    return lexicon;
  }

  private async loadCurated(): Promise<SourcedGlossary[]> {
    const dir = vscode.Uri.joinPath(this.context.extensionUri, 'glossary');
    let listing: [string, vscode.FileType][];
    try {
      listing = await vscode.workspace.fs.readDirectory(dir);
    } catch (e) {
      // A damaged installation: say so once; user and workspace glossaries and CC-CEDICT still work.
      const why = e instanceof Error ? e.message : String(e);
      const reason = `${dir.toString()}: cannot read the curated glossaries (${why})`;
      this.log.error(reason);
      void vscode.window.showWarningMessage(reason);
      return [];
    }
    const names = listing
      .filter(([name, type]) => type === vscode.FileType.File && isGlossaryFileName(name))
      .map(([name]) => name)
      .sort();
    const files = await Promise.all(
      names.map(async (name) => ({
        path: `glossary/${name}`,
        bytes: await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)),
      })),
    );
    // Curated files are validated in CI; here only their structure is checked, to keep the first hover fast.
    const { glossaries, problems } = loadGlossaries(files, 'curated', {
      checkPinyin: false,
      trusted: true,
      labels: LABELS.glossary,
    });
    for (const p of problems) this.log.error(p.message);
    return glossaries;
  }

  /** The CC-CEDICT layer from the prebuilt asset; without it the glossaries still work. */
  private async loadCedict(): Promise<LexiconLayer | undefined> {
    const uri = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'cedict.bin');
    try {
      return loadCedictLayer(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.log.error(`${uri.toString()}: ${reason}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Loading the CC-CEDICT dictionary failed: {0}', reason));
      return undefined;
    }
  }

  /** Finds the configured user and workspace glossary files, (re)reads them and watches them. */
  private async refreshFiles(rebuild = true): Promise<void> {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const wanted: { uri: vscode.Uri; layer: 'workspace' | 'user' }[] = [];
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
    for (const key of [...this.files.keys()]) {
      if (!keep.has(key)) {
        this.files.delete(key);
        this.diagnostics.delete(vscode.Uri.parse(key));
      }
    }
    await Promise.all(wanted.map((w) => this.readFile(w.uri, w.layer)));
    if (rebuild) this.rebuild();
  }

  private watch(pattern: vscode.RelativePattern, layer: 'workspace' | 'user'): void {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const reread = (uri: vscode.Uri) => void this.readFile(uri, layer).then(() => this.rebuild());
    watcher.onDidChange(reread);
    watcher.onDidCreate(reread);
    watcher.onDidDelete((uri) => {
      this.files.delete(uri.toString());
      this.diagnostics.delete(uri);
      this.rebuild();
    });
    this.watchers.push(watcher);
  }

  /** Reads one user/workspace glossary from disk; a missing file is an empty layer, not an error. */
  private async readFile(uri: vscode.Uri, layer: 'workspace' | 'user'): Promise<void> {
    // An open editor holds the newest text (our own edits go there first): a late watcher event
    // for an earlier write must not bring back what is on disk.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      this.update(uri, layer, open.getText());
      return;
    }
    // A read that was overtaken (our own edit, or a newer read, updated the file meanwhile) is
    // stale: applying it would bring back an older version.
    const generation = this.generation(uri);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      if (this.generation(uri) !== generation) return;
      this.files.delete(uri.toString());
      this.diagnostics.delete(uri);
      return;
    }
    if (this.generation(uri) !== generation) return;
    let text: string;
    try {
      text = decodeUtf8(bytes, this.pathOf(uri), LABELS.glossary.text);
    } catch (e) {
      // Not UTF-8 text (GBK, UTF-16, binary): a diagnostic, and the last good entries stay in use.
      if (!(e instanceof LocatedError)) throw e;
      this.generations.set(uri.toString(), this.generation(uri) + 1);
      this.report(uri, layer, [e]);
      return;
    }
    this.update(uri, layer, text);
  }

  private pathOf(uri: vscode.Uri): string {
    return uri.scheme === 'file' ? uri.fsPath : uri.toString();
  }

  private generation(uri: vscode.Uri): number {
    return this.generations.get(uri.toString()) ?? 0;
  }

  /** Takes a file's new text (from disk or from an editor after our own edit). */
  update(uri: vscode.Uri, layer: 'workspace' | 'user', text: string): void {
    this.generations.set(uri.toString(), this.generation(uri) + 1);
    const path = this.pathOf(uri);
    const { glossary, problems } = parseGlossaryFile(text, path, { labels: LABELS.glossary });
    const label = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    const source: GlossarySource = { layer, label, file: path, id: path };
    // A file that does not parse at all keeps its last good version; entry-level problems drop only those entries.
    const unreadable = problems.length > 0 && glossary.entries.length === 0 && text.trim() !== '';
    this.report(uri, layer, problems, unreadable ? undefined : { glossary, source });
  }

  /** Records a file's problems as diagnostics, and its new good version if it has one. */
  private report(
    uri: vscode.Uri,
    layer: 'workspace' | 'user',
    problems: readonly LocatedError[],
    good?: SourcedGlossary,
  ): void {
    const state: GlossaryFileState = this.files.get(uri.toString()) ?? { uri, layer, problems: [] };
    state.problems = problems;
    if (good) state.good = good;
    this.files.set(uri.toString(), state);
    this.diagnostics.set(
      uri,
      problems.map((p) => {
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

  /** Builds the lexicon from the current layers and tells every listener. */
  rebuild(): Lexicon {
    const byLayer = (layer: 'workspace' | 'user') =>
      [...this.files.values()].filter((f) => f.layer === layer && f.good).map((f) => f.good as SourcedGlossary);
    const lexicon = composeLexicon({
      workspace: byLayer('workspace'),
      user: byLayer('user'),
      curated: this.curated,
      disabledDomains: readConfig().disabledDomains,
      cedict: this.cedict ?? undefined,
    });
    this.current = lexicon;
    this.changed.fire(lexicon);
    return lexicon;
  }

  /** The curated glossaries as loaded (all domains), for export. */
  curatedGlossaries(): readonly SourcedGlossary[] {
    return this.curated ?? [];
  }

  /** Problems of user/workspace glossary files, for the status bar. */
  get problemCount(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.problems.length;
    return n;
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
