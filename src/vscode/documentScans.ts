/**
 * Scans of open documents, cached by version and recomputed with a delay while the user types, so
 * the status bar and the term list never rescan on every keystroke.
 */
import * as vscode from 'vscode';
import type { Lexicon } from '../core/glossary/lexicon';
import { countDocument, type DocumentCounts } from '../core/termList';
import type { GlossaryService } from './glossaryService';

export interface DocumentScan extends DocumentCounts {
  readonly uri: string;
  readonly version: number;
  readonly lexicon: Lexicon;
}

const TYPING_DELAY_MS = 250;

export class DocumentScans implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentScan>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly updated = new vscode.EventEmitter<DocumentScan>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after a document has been (re)scanned. */
  readonly onDidScan = this.updated.event;

  constructor(private readonly glossary: GlossaryService) {
    this.disposables.push(
      this.updated,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
      glossary.onDidChange(() => this.cache.clear()),
    );
  }

  /** The scan of `document` at its current version, computing it now if needed. */
  async scan(document: vscode.TextDocument): Promise<DocumentScan> {
    const key = document.uri.toString();
    const lexicon = await this.glossary.lexicon();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.lexicon === lexicon) return cached;
    const scan: DocumentScan = { uri: key, version: document.version, lexicon, ...countDocument(document.getText(), lexicon) };
    this.cache.set(key, scan);
    this.updated.fire(scan);
    return scan;
  }

  /** Rescans after the user pauses typing. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (!document.isClosed) void this.scan(document);
      }, TYPING_DELAY_MS),
    );
  }

  private forget(key: string): void {
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.cache.delete(key);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
