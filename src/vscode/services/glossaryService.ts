/**
 * Owns the layered lexicon: workspace glossaries, the user's glossary, the curated glossaries and
 * CC-CEDICT, highest first. Everything loads on first use, never during activation. The user and
 * workspace files (finding, watching, their diagnostics) are GlossaryFiles'; every write to one goes
 * through `write`, which edits the file, takes its new text and rebuilds the lexicon.
 */
import * as vscode from 'vscode';
import { loadCedictLayer } from '../../core/lexicon/cedictAsset';
import { fileByteSource } from '../../node/fileByteSource';
import { isGlossaryFileName } from '../../core/glossary/load';
import { curatedGlossariesOf, isPrebuilt, loadCurated, type CuratedGlossaries } from '../../core/lexicon/curatedAsset';
import type { SourcedGlossary } from '../../core/glossary/entry';
import type { Edit } from '../../core/glossary/jsonEdit';
import { Lexicon, type LexiconLayer } from '../../core/lexicon/lexicon';
import { composeLexicon } from '../../core/lexicon/compose';
import { assetFingerprint, bytesSource, type ByteSource } from '../../core/lexicon/assetContainer';
import type { OpenedLayer } from '../../core/lexicon/searchAsset';
import { readConfig } from './config';
import { GlossaryFiles } from './glossaryFiles';
import type { EditableLayer, GlossaryFileState } from './glossaryFileStates';
import { LABELS } from './userLabels';

/** A user or workspace glossary file to write to. */
export interface WriteTarget {
  readonly uri: vscode.Uri;
  readonly layer: EditableLayer;
}

export class GlossaryService implements vscode.Disposable {
  private loading: Promise<Lexicon> | undefined;
  private current: Lexicon | undefined;
  private curated: CuratedGlossaries | undefined;
  private cedict: LexiconLayer | undefined | null;
  private readonly files: GlossaryFiles;
  private readonly changed = new vscode.EventEmitter<Lexicon>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when the lexicon is (re)built. */
  readonly onDidChange = this.changed.event;
  /** The layers opened from the shipped assets (for the prebuilt search index), once loaded. */
  readonly shippedLayers: OpenedLayer[] = [];
  /** How long the first load took, for the log and the tests' timing report. */
  stats: { curatedMs: number; cedictMs: number; keys: number; curatedPrebuilt: boolean } | undefined;

  constructor(
    private readonly context: Pick<vscode.ExtensionContext, 'extensionUri' | 'globalStorageUri'>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.files = new GlossaryFiles(context);
    this.disposables.push(
      this.files,
      this.changed,
      this.files.onDidChange(() => this.rebuild()),
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
    return this.files.userGlossaryUri();
  }

  /** The workspace glossary files configured for each folder (existing or not). */
  workspaceGlossaryUris(): vscode.Uri[] {
    return this.files.workspaceGlossaryUris();
  }

  /** States of the user and workspace glossary files that are loaded. */
  get editableFiles(): readonly GlossaryFileState[] {
    return this.files.editable;
  }

  /**
   * Applies the edits that `edits` makes from the file's current text, takes the text after them
   * as the file's new version and rebuilds the lexicon. Waits for the first load, so the lexicon
   * it builds has every layer and the file's earlier version was read.
   */
  async write(target: WriteTarget, edits: (text: string) => Edit[]): Promise<void> {
    await this.lexicon();
    await this.files.write(target.uri, target.layer, edits);
    this.rebuild();
  }

  private async load(): Promise<Lexicon> {
    const started = performance.now();
    this.curated = await this.loadCurated();
    const curatedMs = performance.now() - started;
    const cedictStarted = performance.now();
    this.cedict = (await this.loadCedict()) ?? null;
    const cedictMs = performance.now() - cedictStarted;
    await this.files.refresh();
    const lexicon = this.rebuild();
    const curatedPrebuilt = isPrebuilt(this.curated);
    this.stats = { curatedMs, cedictMs, keys: lexicon.keyCount, curatedPrebuilt };
    this.log.info(
      `glossaries ready: curated ${curatedMs.toFixed(0)} ms (${curatedPrebuilt ? 'prebuilt' : 'parsed'}), ` +
        `CC-CEDICT ${cedictMs.toFixed(0)} ms, ` +
        `${lexicon.keyCount} keys`,
    );
    return lexicon;
  }

  /** The curated layer prebuilt (dist/curated.bin) if it was built from the shipped files, else parsed. */
  private async loadCurated(): Promise<CuratedGlossaries> {
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
    const assetUri = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'curated.bin');
    const [files, asset] = await Promise.all([
      Promise.all(
        names.map(async (name) => ({
          path: `glossary/${name}`,
          bytes: await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)),
        })),
      ),
      // Missing only in a checkout not built since; the files are then parsed.
      Promise.resolve(vscode.workspace.fs.readFile(assetUri)).catch(() => undefined),
    ]);
    const { curated, problems, fallback } = loadCurated(files, asset, LABELS.glossary);
    if (isPrebuilt(curated) && asset) {
      this.shippedLayers.push({
        name: 'curated',
        layer: curated.layer,
        fingerprint: assetFingerprint(bytesSource(asset)),
      });
    }
    if (fallback) this.log.warn(`${assetUri.toString()}: ${fallback}; the curated glossaries were parsed instead`);
    for (const p of problems) this.log.error(p.message);
    return curated;
  }

  /** The CC-CEDICT layer from the prebuilt asset; without it the glossaries still work. */
  private async loadCedict(): Promise<LexiconLayer | undefined> {
    const uri = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'cedict.bin');
    try {
      // Installed on disk (the usual case): only the index is read now, the records page by page as
      // lookups need them (6 of 19 MB at start); elsewhere the file system reads the whole asset.
      let source: ByteSource;
      if (uri.scheme === 'file') {
        const file = fileByteSource(uri.fsPath);
        this.disposables.push({ dispose: () => file.close() });
        source = file;
      } else source = bytesSource(await vscode.workspace.fs.readFile(uri));
      const layer = loadCedictLayer(source);
      this.shippedLayers.push({ name: 'cedict', layer, fingerprint: assetFingerprint(source) });
      return layer;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.log.error(`${uri.toString()}: ${reason}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Loading the CC-CEDICT dictionary failed: {0}', reason));
      return undefined;
    }
  }

  /** Builds the lexicon from the current layers and tells every listener. */
  private rebuild(): Lexicon {
    const lexicon = composeLexicon({
      workspace: this.files.goodOf('workspace'),
      user: this.files.goodOf('user'),
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
    return curatedGlossariesOf(this.curated);
  }

  /** Problems of user/workspace glossary files, for the status bar. */
  get problemCount(): number {
    return this.files.problemCount;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
