/**
 * The glossary search over the current lexicon: the shipped layers' segments from dist/search.bin
 * (opened once, on the first search: milliseconds, a few MB of heap), the user's and workspace's
 * layers indexed when the lexicon is rebuilt. Without a usable index file the shipped layers are
 * indexed at run time (slower, the same results) and the log says why.
 */
import * as vscode from 'vscode';
import { GlossarySearch, type PrebuiltSegments } from '../../core/lexicon/search';
import { openSearchAsset, SearchAssetError } from '../../core/lexicon/searchAsset';
import type { Lexicon } from '../../core/lexicon/lexicon';
import type { GlossaryService } from './glossaryService';

export class GlossarySearchService {
  private prebuilt: Promise<PrebuiltSegments> | undefined;
  private current: { lexicon: Lexicon; search: GlossarySearch } | undefined;
  /** How long opening the index took (reading the file included), for the log and the tests' report. */
  openMs: number | undefined;

  constructor(
    private readonly context: Pick<vscode.ExtensionContext, 'extensionUri'>,
    private readonly glossary: Pick<GlossaryService, 'lexicon' | 'shippedLayers'>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The search over the lexicon as it is now (the same object until the lexicon is rebuilt). */
  async search(): Promise<GlossarySearch> {
    const lexicon = await this.glossary.lexicon();
    const prebuilt = await (this.prebuilt ??= this.open());
    if (this.current?.lexicon !== lexicon) this.current = { lexicon, search: new GlossarySearch(lexicon, prebuilt) };
    return this.current.search;
  }

  private async open(): Promise<PrebuiltSegments> {
    const started = performance.now();
    const uri = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'search.bin');
    let reason: string;
    try {
      const { segments, skipped } = openSearchAsset(
        await vscode.workspace.fs.readFile(uri),
        this.glossary.shippedLayers,
      );
      this.openMs = performance.now() - started;
      this.log.info(`search index opened in ${this.openMs.toFixed(0)} ms`);
      for (const s of skipped) this.log.warn(`${uri.toString()}: ${s}; that layer is indexed at run time`);
      return segments;
    } catch (e) {
      if (e instanceof SearchAssetError) reason = e.message;
      else if (e instanceof vscode.FileSystemError) reason = e.code;
      else throw e;
    }
    this.log.warn(`${uri.toString()}: ${reason}; the glossaries are indexed at run time (slower, the same results)`);
    return new Map();
  }
}
