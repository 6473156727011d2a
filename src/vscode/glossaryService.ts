/**
 * Owns the lexicon the features query. The curated glossaries are read from the extension's own
 * folder through workspace.fs (so a web build stays possible) on first use, never during activation.
 */
import * as vscode from 'vscode';
import { isGlossaryFileName, loadGlossaries } from '../core/glossary/curated';
import { buildLayer, Lexicon } from '../core/glossary/lexicon';

export class GlossaryService implements vscode.Disposable {
  private loading: Promise<Lexicon> | undefined;
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
    const lexicon = new Lexicon([buildLayer(glossaries)]);
    this.log.info(`curated glossary: ${files.length} file(s), ${lexicon.keyCount} keys, ready in ${Date.now() - started} ms`);
    return lexicon;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
