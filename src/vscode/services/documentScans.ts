/**
 * Scans of open documents for the status bar and the term list, built for 20 MB files: results are
 * kept per line, a change marks only the lines it touched (lines inserted or removed shift the
 * rest), and dirty lines are re-scanned a time slice at a time after the user pauses typing, so
 * the extension host is never blocked for long. A newer version or a glossary change simply marks
 * lines dirty again; the running scan picks that up.
 */
import * as vscode from 'vscode';
import type { Lexicon } from '../../core/lexicon/lexicon';
import { countLine, TermCollector, type DocumentTerm } from '../../core/document/termList';
import type { ToneStyle } from '../../core/reading/pinyin';
import type { GlossaryService } from './glossaryService';
import type { TaskTimer } from './taskTimer';
import { TimeSlicer } from './timeSlices';
import type { InstallFailures } from './installFailures';

export interface DocumentSummary {
  readonly uri: string;
  readonly version: number;
  readonly passages: number;
  readonly terms: number;
}

const TYPING_DELAY_MS = 250;

interface LineState {
  /** Per line: passages and glossary terms, or -1 for a line not scanned since it changed. */
  passages: number[];
  terms: number[];
  lexicon: Lexicon | undefined;
  running: Promise<DocumentSummary> | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * `list` with `removed` items from `start` replaced by `added` dirty (-1) items; no argument
 * spreading, so pasting a million lines is fine.
 */
function replaceRange(list: number[], start: number, removed: number, added: number): number[] {
  if (added < 10_000) {
    list.splice(start, removed, ...new Array<number>(added).fill(-1));
    return list;
  }
  return list.slice(0, start).concat(new Array<number>(added).fill(-1), list.slice(start + removed));
}

export class DocumentScans implements vscode.Disposable {
  private readonly states = new Map<string, LineState>();
  private readonly updated = new vscode.EventEmitter<DocumentSummary>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly slices: TimeSlicer;
  /** Fires after a document's scan has caught up with its latest version. */
  readonly onDidScan = this.updated.event;

  constructor(
    private readonly glossary: GlossaryService,
    private readonly timer: TaskTimer,
    private readonly failures: InstallFailures,
  ) {
    this.slices = new TimeSlicer(timer);
    this.disposables.push(
      this.updated,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.timer.measure('change event', () => this.onChange(e));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
      glossary.onDidChange(() => {
        for (const s of this.states.values()) s.lexicon = undefined;
      }),
    );
  }

  private state(document: vscode.TextDocument): LineState {
    const key = document.uri.toString();
    let s = this.states.get(key);
    if (!s) {
      s = {
        passages: new Array<number>(document.lineCount).fill(-1),
        terms: new Array<number>(document.lineCount).fill(-1),
        lexicon: undefined,
        running: undefined,
        timer: undefined,
      };
      this.states.set(key, s);
    }
    return s;
  }

  /** Marks the changed lines dirty, shifting the lines below by the number added or removed. */
  private onChange(e: vscode.TextDocumentChangeEvent): void {
    const s = this.states.get(e.document.uri.toString());
    if (!s) return;
    // Changes come last-to-first in the document, so each applies to the line numbers before it.
    for (const change of e.contentChanges) {
      const first = change.range.start.line;
      const removed = change.range.end.line - first + 1;
      let added = 1;
      for (let i = change.text.indexOf('\n'); i >= 0; i = change.text.indexOf('\n', i + 1)) added++;
      s.passages = replaceRange(s.passages, first, removed, added);
      s.terms = replaceRange(s.terms, first, removed, added);
    }
    clearTimeout(s.timer);
    s.timer = setTimeout(() => void this.summary(e.document), TYPING_DELAY_MS);
  }

  /** Counts for the document's current version, scanning what is dirty first. */
  summary(document: vscode.TextDocument): Promise<DocumentSummary> {
    const s = this.state(document);
    s.running ??= this.told(this.catchUp(document, s)).finally(() => {
      s.running = undefined;
    });
    return s.running;
  }

  private async catchUp(document: vscode.TextDocument, s: LineState): Promise<DocumentSummary> {
    for (;;) {
      const lexicon = await this.glossary.lexicon();
      if (s.passages.length !== document.lineCount) {
        // Out of step (an event missed while closed and reopened): start over for this document.
        s.passages = new Array<number>(document.lineCount).fill(-1);
        s.terms = new Array<number>(document.lineCount).fill(-1);
      }
      if (s.lexicon !== lexicon) {
        s.passages.fill(-1);
        s.terms.fill(-1);
        s.lexicon = lexicon;
      }
      let line = 0;
      await this.slices.run(
        'document scan slice',
        (expired) => {
          for (; line < s.passages.length && line < document.lineCount; line++) {
            if (s.passages[line] >= 0) continue;
            const counts = countLine(document.lineAt(line).text, lexicon);
            s.passages[line] = counts.passages;
            s.terms[line] = counts.terms;
            if (expired()) return ++line >= s.passages.length;
          }
          return true;
        },
        // A glossary change clears s.lexicon (see the constructor): start over with the new one.
        () => document.isClosed || s.lexicon !== lexicon,
      );
      // A closed document needs no counts: stop quietly (nothing is fired for it).
      if (document.isClosed) return { uri: document.uri.toString(), version: document.version, passages: 0, terms: 0 };
      if (s.lexicon !== lexicon || s.passages.some((v) => v < 0)) continue;
      const summary = this.timer.measure('document totals', () => {
        let passages = 0;
        let terms = 0;
        for (let i = 0; i < s.passages.length; i++) {
          passages += s.passages[i];
          terms += s.terms[i];
        }
        return { uri: document.uri.toString(), version: document.version, passages, terms };
      });
      this.updated.fire(summary);
      return summary;
    }
  }

  /**
   * The counts of a line as the last scan left them, if it is up to date: the keys skip lines
   * known to hold no term (or no passage) without reading them. Undefined for a line not scanned
   * since it changed, or a document not scanned.
   */
  lineCounts(document: vscode.TextDocument, line: number): { passages: number; terms: number } | undefined {
    const s = this.states.get(document.uri.toString());
    if (!s || s.passages.length !== document.lineCount || s.lexicon === undefined) return undefined;
    const passages = s.passages[line];
    return passages >= 0 ? { passages, terms: s.terms[line] } : undefined;
  }

  /** A broken installation (a missing vendor file, a damaged CC-CEDICT record) is told to the user. */
  private told<T>(work: Promise<T>): Promise<T> {
    return work.catch((e: unknown) => {
      this.failures.report(e);
      throw e;
    });
  }

  /** The distinct glossary terms of the document, collected a time slice at a time. */
  terms(document: vscode.TextDocument, style: ToneStyle, token?: vscode.CancellationToken): Promise<DocumentTerm[]> {
    return this.told(this.collectTerms(document, style, token));
  }

  private async collectTerms(
    document: vscode.TextDocument,
    style: ToneStyle,
    token?: vscode.CancellationToken,
  ): Promise<DocumentTerm[]> {
    const lexicon = await this.glossary.lexicon();
    const collector = new TermCollector(lexicon);
    const cancelled = () => token?.isCancellationRequested === true;
    let line = 0;
    const collected = await this.slices.run(
      'term list slice',
      (expired) => {
        while (line < document.lineCount) {
          collector.addLine(document.lineAt(line).text, document.offsetAt(new vscode.Position(line, 0)));
          if (expired()) return ++line >= document.lineCount;
          line++;
        }
        return true;
      },
      cancelled,
    );
    // Each passage a term first occurs in is read for its pinyin, a time slice of passages at a time.
    if (!collected) return [];
    const readSome = (expired: () => boolean) => collector.readSome(style, expired);
    const read = await this.slices.run('term list readings', readSome, cancelled);
    if (!read) return [];
    return this.timer.measure('term list', () => collector.terms(style));
  }

  private forget(key: string): void {
    const s = this.states.get(key);
    if (s) clearTimeout(s.timer);
    this.states.delete(key);
  }

  dispose(): void {
    for (const s of this.states.values()) clearTimeout(s.timer);
    for (const d of this.disposables) d.dispose();
  }
}
