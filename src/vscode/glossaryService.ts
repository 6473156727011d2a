/**
 * Owns the lexicon the features query. The curated glossaries are read from the extension's own
 * folder through workspace.fs (so a web build stays possible) on first use, never during activation.
 */
import * as vscode from 'vscode';
import { loadCedictLayer } from '../core/glossary/cedict';
import { isGlossaryFileName, loadGlossaries } from '../core/glossary/curated';
import { buildLayer, Lexicon, type LexiconLayer } from '../core/glossary/lexicon';
import { foldToSimplified } from '../core/script';

export class GlossaryService implements vscode.Disposable {
  private loading: Promise<Lexicon> | undefined;
  /** How long the last load took, for the log and the tests' timing report. */
  stats: { curatedMs: number; cedictMs: number; keys: number } | undefined;
  private current: Lexicon | undefined;
  private readonly changed = new vscode.EventEmitter<Lexicon>();
  /** Fires when the lexicon is (re)built. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The lexicon, loading it on first call; later calls share the same load. */
  lexicon(): Promise<Lexicon> {
    if (this.current) return Promise.resolve(this.current);
    this.loading ??= this.load().then(
      (lexicon) => {
        this.current = lexicon;
        this.changed.fire(lexicon);
        return lexicon;
      },
      (e: unknown) => {
        this.loading = undefined;
        throw e;
      },
    );
    return this.loading;
  }

  /** The lexicon if it is loaded already, for synchronous callers that can wait for onDidChange. */
  get loaded(): Lexicon | undefined {
    return this.current;
  }

  private async load(): Promise<Lexicon> {
    const started = Date.now();
    const dir = vscode.Uri.joinPath(this.extensionUri, 'glossary');
    const names = (await vscode.workspace.fs.readDirectory(dir))
      .filter(([name, type]) => type === vscode.FileType.File && isGlossaryFileName(name))
      .map(([name]) => name)
      .sort();
    const files = await Promise.all(
      names.map(async (name) => ({ path: `glossary/${name}`, bytes: await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)) })),
    );
    // Curated files are validated in CI; here only structure and counts are checked, to keep the first hover fast.
    const { glossaries, problems } = loadGlossaries(files, 'curated', { checkPinyin: false });
    for (const p of problems) this.log.error(p.message);
    const layers = [buildLayer(glossaries)];
    const curatedMs = Date.now() - started;
    const cedictStarted = performance.now();
    const cedict = await this.loadCedict();
    if (cedict) layers.push(cedict);
    const lexicon = new Lexicon(layers, foldToSimplified);
    this.stats = { curatedMs, cedictMs: performance.now() - cedictStarted, keys: lexicon.keyCount };
    this.log.info(`glossaries: ${files.length} curated file(s), ${lexicon.keyCount} keys with CC-CEDICT, ready in ${Date.now() - started} ms`);
    return lexicon;
  }

  /** The CC-CEDICT layer from the prebuilt asset; without it the curated glossary still works. */
  private async loadCedict(): Promise<LexiconLayer | undefined> {
    const uri = vscode.Uri.joinPath(this.extensionUri, 'dist', 'cedict.bin');
    try {
      return loadCedictLayer(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.log.error(`${uri.toString()}: ${reason}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Loading the CC-CEDICT dictionary failed: {0}', reason));
      return undefined;
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
