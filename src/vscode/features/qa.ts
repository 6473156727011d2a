/**
 * Terminology checks of annotation lines as diagnostics, recomputed after the user pauses typing
 * (in time slices, so long documents never block), with quick fixes: replace a forbidden rendering
 * with the approved one, or approve it; insert a missing term's approved rendering at the cursor, or
 * put it in place of the selected words, or approve those words.
 */
import * as vscode from 'vscode';
import { annotationText } from '../../core/annotate/annotations';
import { containsHan } from '../../core/text/detect';
import { foldToSimplified } from '../../core/text/script';
import { renderingText } from '../../core/glossary/rendering';
import { checkAnnotation, checkConsistency, DEFAULT_SEVERITY, type QaCode } from '../../core/annotate/qa';
import { LABELS } from '../services/userLabels';
import { languageEnabled, markerFor, readConfig } from '../services/config';
import type { GlossaryService } from '../services/glossaryService';
import type { TaskTimer } from '../services/taskTimer';
import { TimeSlicer } from '../services/timeSlices';
import { Commands } from '../services/ids';
import type { AnnotationProblem, InlineAnnotation } from '../../core/document/annotationList';

const DELAY_MS = 300;
/** Above this many lines only the visible lines (and a margin) are checked. */
const FULL_CHECK_LINES = 20_000;
const MARGIN = 200;
const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

/** What a quick fix needs, kept beside each diagnostic. */
interface QaFix {
  readonly suggestion?: string;
  readonly code: QaCode;
  /** The Chinese term concerned, as written. */
  readonly term?: string;
  /** For forbidden-term: the forbidden rendering as the glossary lists it. */
  readonly rendering?: string;
}

/** What the last check of a document found: its annotation lines, and whether only some lines were searched. */
export interface CheckedAnnotations {
  readonly version: number;
  readonly inline: readonly InlineAnnotation[];
  /** A long document: only the lines near the visible ones were searched. */
  readonly partial: boolean;
}

/** A diagnostic's severity by name (the inverse of SEVERITY). */
function severityName(severity: vscode.DiagnosticSeverity): AnnotationProblem['severity'] {
  return (Object.keys(SEVERITY) as (keyof typeof SEVERITY)[]).find((k) => SEVERITY[k] === severity) ?? 'hint';
}

/** The sidecar notes of documents, checked like inline annotations, and when they were placed anew. */
export interface NotesToCheck {
  anchored(document: vscode.TextDocument): Promise<readonly { line: number; stale: boolean; note: { text: string } }[]>;
  readonly onDidUpdate: vscode.Event<vscode.Uri>;
}

export class QaDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('hanzi-gloss-qa');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly checked = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly slices: TimeSlicer;
  private readonly fixes = new WeakMap<vscode.Diagnostic, QaFix>();
  /** Which annotation each diagnostic is about: an inline one (its line) or a note (its passage's line). */
  private readonly origins = new WeakMap<vscode.Diagnostic, Omit<AnnotationProblem, 'severity'>>();
  private readonly found = new Map<string, CheckedAnnotations>();
  /** Fires after a document's annotations have been checked. */
  readonly onDidCheck = this.checked.event;

  constructor(
    private readonly glossary: GlossaryService,
    private readonly tasks: TaskTimer,
    private readonly notes: NotesToCheck,
  ) {
    this.slices = new TimeSlicer(tasks);
    this.disposables.push(
      this.collection,
      this.checked,
      // A note placed anew (added, edited, moved with its passage) is checked again.
      notes.onDidUpdate((uri) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) this.schedule(document);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.collection.delete(d.uri);
        this.found.delete(d.uri.toString());
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.lineCount > FULL_CHECK_LINES) this.schedule(e.textEditor.document);
      }),
      glossary.onDidChange(() => vscode.workspace.textDocuments.forEach((d) => this.schedule(d))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('hanziGloss')) vscode.workspace.textDocuments.forEach((d) => this.schedule(d));
      }),
    );
    vscode.workspace.textDocuments.forEach((d) => this.schedule(d));
  }

  schedule(document: vscode.TextDocument): void {
    if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => void this.check(document), DELAY_MS),
    );
  }

  /** Checks every annotation line of the document now. */
  async check(document: vscode.TextDocument): Promise<void> {
    const config = readConfig(document);
    if (document.isClosed || !languageEnabled(config, document.languageId)) {
      this.collection.delete(document.uri);
      this.found.delete(document.uri.toString());
      return;
    }
    const version = document.version;
    const marker = markerFor(document);
    // First find the annotation lines (cheap); only documents that have some load the glossaries.
    // Long documents are checked where the user looks: the visible lines and a margin.
    const ranges: [number, number][] =
      document.lineCount <= FULL_CHECK_LINES
        ? [[1, document.lineCount]]
        : vscode.window.visibleTextEditors
            .filter((e) => e.document === document)
            .flatMap((e) =>
              e.visibleRanges.map((r): [number, number] => [
                Math.max(1, r.start.line - MARGIN),
                Math.min(document.lineCount, r.end.line + MARGIN),
              ]),
            );
    const found: { line: number; chinese: string; text: string; column: number }[] = [];
    // A newer version has its own check scheduled: this one stops.
    const outdated = () => document.isClosed || document.version !== version;
    for (const [from, to] of ranges) {
      let line = from;
      if (line >= to) continue;
      const searched = await this.slices.run(
        'annotation search slice',
        (expired) => {
          for (; line < to; line++) {
            if ((line & 255) === 0 && expired()) return false;
            const annotation = annotationText(document.lineAt(line).text, marker);
            if (!annotation) continue;
            const chinese = document.lineAt(line - 1).text;
            if (!containsHan(chinese) || annotationText(chinese, marker)) continue;
            found.push({ line, chinese: chinese.trim(), ...annotation });
          }
          return true;
        },
        outdated,
      );
      if (!searched) return;
    }
    // Sidecar notes are checked against their passage; their problems point at the Chinese line.
    const notes = (await this.notes.anchored(document)).filter((n) => !n.stale);
    if (document.isClosed || document.version !== version) return;
    const diagnostics: vscode.Diagnostic[] = [];
    if (notes.length > 0) {
      const lexicon = await this.glossary.lexicon();
      for (const n of notes) {
        this.tasks.measure('sidecar note check', () => {
          const chinese = document.lineAt(n.line).text.trim();
          for (const p of checkAnnotation(chinese, n.note.text, lexicon, DEFAULT_SEVERITY, LABELS.qa)) {
            const level = config.qaSeverity[p.code];
            if (level === 'off') continue;
            const d = new vscode.Diagnostic(
              document.lineAt(n.line).range,
              vscode.l10n.t('Sidecar note: {0}', p.message),
              SEVERITY[level],
            );
            d.code = p.code;
            d.source = 'Hanzi Gloss';
            this.origins.set(d, { kind: 'note', line: n.line });
            diagnostics.push(d);
          }
        });
      }
    }
    if (found.length > 0) {
      const lexicon = await this.glossary.lexicon();
      if (document.isClosed || document.version !== version) return;
      let k = 0;
      const checked = await this.slices.run(
        'annotation check slice',
        (expired) => {
          while (k < found.length) {
            const a = found[k++];
            for (const p of checkAnnotation(a.chinese, a.text, lexicon, DEFAULT_SEVERITY, LABELS.qa)) {
              const level = config.qaSeverity[p.code];
              if (level === 'off') continue;
              const range =
                p.start !== undefined
                  ? new vscode.Range(a.line, a.column + p.start, a.line, a.column + (p.end ?? p.start + 1))
                  : new vscode.Range(a.line, a.column, a.line, document.lineAt(a.line).text.length);
              const d = new vscode.Diagnostic(range, p.message, SEVERITY[level]);
              d.code = p.code;
              d.source = 'Hanzi Gloss';
              this.fixes.set(d, { suggestion: p.suggestion, code: p.code, term: p.term, rendering: p.rendering });
              this.origins.set(d, { kind: 'inline', line: a.line });
              diagnostics.push(d);
            }
            if (expired()) return k >= found.length;
          }
          return true;
        },
        outdated,
      );
      if (!checked) return;
      // Across the file: one term rendered differently in different annotations (information).
      const level = config.qaSeverity['inconsistent-rendering'];
      if (level !== 'off') {
        const file = found.map((a) => ({ key: a, chinese: a.chinese, english: a.text }));
        const inconsistent = this.tasks.measure('annotation consistency', () =>
          checkConsistency(file, lexicon, DEFAULT_SEVERITY, LABELS.qa),
        );
        for (const { key: a, problem } of inconsistent) {
          const range = new vscode.Range(a.line, a.column, a.line, document.lineAt(a.line).text.length);
          const d = new vscode.Diagnostic(range, problem.message, SEVERITY[level]);
          d.code = problem.code;
          d.source = 'Hanzi Gloss';
          this.origins.set(d, { kind: 'inline', line: a.line });
          diagnostics.push(d);
        }
      }
    }
    this.collection.set(document.uri, diagnostics);
    this.found.set(document.uri.toString(), {
      version,
      inline: found.map(({ line, column, text }) => ({ line, column, text })),
      partial: document.lineCount > FULL_CHECK_LINES,
    });
    this.checked.fire(document.uri);
  }

  /** The annotation lines the last check of the document found (undefined: not checked yet). */
  annotationsOf(uri: vscode.Uri): CheckedAnnotations | undefined {
    return this.found.get(uri.toString());
  }

  /** The problems of the document's annotations as the last check diagnosed them. */
  problemsOf(uri: vscode.Uri): AnnotationProblem[] {
    return (this.collection.get(uri) ?? []).flatMap((d) => {
      const origin = this.origins.get(d);
      return origin ? [{ ...origin, severity: severityName(d.severity) }] : [];
    });
  }

  /** The quick fix of a diagnostic this check made, if it has one. */
  fixOf(diagnostic: vscode.Diagnostic): QaFix | undefined {
    return this.fixes.get(diagnostic);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** `text` to insert at `at` of `line`, with a space on each side where a word would touch it. */
function padded(line: string, at: number, text: string): string {
  const before = at > 0 && /\S/.test(line[at - 1]) ? ' ' : '';
  const after = at < line.length && /\S/.test(line[at]) ? ' ' : '';
  return `${before}${text}${after}`;
}

/** "Add … as an approved rendering of …": a write to the workspace glossary (approveRendering). */
function approveAction(d: vscode.Diagnostic, term: string, rendering: string): vscode.CodeAction {
  const a = new vscode.CodeAction(
    vscode.l10n.t('Add "{0}" as an approved rendering of {1}', renderingText(rendering), term),
    vscode.CodeActionKind.QuickFix,
  );
  a.command = {
    command: Commands.approveRendering,
    title: a.title,
    // The glossary's key is the simplified form.
    arguments: [{ zh: foldToSimplified(term) ?? term, rendering }],
  };
  a.diagnostics = [d];
  return a;
}

class QaFixes implements vscode.CodeActionProvider {
  constructor(private readonly qa: Pick<QaDiagnostics, 'fixOf'>) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const fixes = context.diagnostics.flatMap((d) => {
      const fix = this.qa.fixOf(d);
      return fix ? [{ d, fix }] : [];
    });
    // Where a forbidden rendering of a term is, its own fixes serve; the same term's missing-term
    // fixes for those words (offered when the Problems panel asks with the forbidden words' range)
    // would repeat them.
    const forbiddenAt = fixes.filter(({ fix }) => fix.code === 'forbidden-term');
    for (const { d, fix } of fixes) {
      if (!fix.suggestion) continue;
      if (fix.code === 'forbidden-term') {
        const a = new vscode.CodeAction(
          vscode.l10n.t('Replace with "{0}"', fix.suggestion),
          vscode.CodeActionKind.QuickFix,
        );
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(document.uri, d.range, fix.suggestion);
        a.diagnostics = [d];
        a.isPreferred = true;
        actions.push(a);
        // The translator may mean it: the rendering moves from the forbidden list to the approved.
        if (fix.term && fix.rendering) actions.push(approveAction(d, fix.term, fix.rendering));
      } else if (fix.code === 'missing-term') {
        // Where the user is: the selection (the words to replace) or the cursor, if on the
        // annotation's line; else the end of that line.
        const line = document.lineAt(d.range.start.line).range;
        const here = line.contains(range) ? range : new vscode.Range(line.end, line.end);
        if (!here.isEmpty && forbiddenAt.some((f) => f.fix.term === fix.term && f.d.range.isEqual(here))) continue;
        const a = new vscode.CodeAction(
          here.isEmpty
            ? vscode.l10n.t('Insert "{0}" here', fix.suggestion)
            : vscode.l10n.t('Replace "{0}" with "{1}"', document.getText(here), fix.suggestion),
          vscode.CodeActionKind.QuickFix,
        );
        a.edit = new vscode.WorkspaceEdit();
        const spaced = here.isEmpty
          ? padded(document.lineAt(here.start.line).text, here.start.character, fix.suggestion)
          : fix.suggestion;
        a.edit.replace(document.uri, here, spaced);
        a.diagnostics = [d];
        actions.push(a);
        // The words selected are the user's rendering of the term: make it an approved one.
        const words = here.isEmpty ? '' : document.getText(here).trim();
        if (words !== '' && fix.term && !containsHan(words)) actions.push(approveAction(d, fix.term, words));
      }
    }
    return actions;
  }
}

/** The checks' diagnostics and their quick fixes, in any file. */
export function registerQa(qa: QaDiagnostics): vscode.Disposable {
  return vscode.Disposable.from(
    qa,
    vscode.languages.registerCodeActionsProvider({ pattern: '**' }, new QaFixes(qa), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );
}
