/**
 * Drafts by a language model: Draft with Language Model (the cursor's line or the selected Chinese),
 * Draft All Unannotated Lines (a file, one line after another), and a sidecar note drafted by the
 * model. Each streams the model's English where it goes, under a cancellable progress notification;
 * the core's loop (modelDraft.ts) checks it with the QA and retries once, and what remains is shown
 * by the QA feature's own diagnostics on the new line (with their quick fixes). Without a usable
 * answer the rule-based draft is written and the user is told why, once per reason.
 *
 * Cancelling leaves the document as it was before the line in progress: a half-streamed, unchecked
 * translation is worse than none, and the user asked for nothing to be written. In a batch the lines
 * already finished stay, as the user saw them accepted one by one.
 */
import * as vscode from 'vscode';
import { draftEnglish } from '../../core/annotate/draft';
import { containsHan } from '../../core/text/detect';
import {
  draftWithModel,
  type CompleteChat,
  type FallbackReason,
  type ModelDraftResult,
} from '../../core/annotate/modelDraft';
import { promptTerms, type AnnotationForm } from '../../core/annotate/modelPrompt';
import { contextOf, draftTargets, retrySeverity } from '../../core/annotate/modelTargets';
import type { Lexicon } from '../../core/lexicon/lexicon';
import { AnnotationLineWriter } from '../services/annotationLineWriter';
import { markerFor, readConfig } from '../services/config';
import type { GlossaryService } from '../services/glossaryService';
import { Commands } from '../services/ids';
import { ModelConsent } from '../services/modelConsent';
import { modelLabels } from '../services/modelLabels';
import { ENDPOINT_KEY_SECRET, type ModelSource, type ModelSources } from '../services/modelSources';
import { registerCommand } from '../services/registerCommand';
import { tell } from '../services/tellUser';
import { passageAt } from './annotate';
import type { SidecarNote } from '../../core/annotate/sidecar';
import type { NoteArgs } from './sidecarNotes';

const LABELS = modelLabels(vscode.l10n);

/** Failures of the source itself, not of one line: a batch stops asking after one. */
const isSourceFailure = (reason: FallbackReason) =>
  reason === 'no-model' || reason === 'no-consent' || reason === 'unauthorized' || reason === 'offline';

export interface DraftArgs {
  /** Replace the line's annotation without asking. */
  readonly refresh?: boolean;
}

export interface DraftAllArgs {
  /** Also redraft lines that have an annotation (else the user is asked when there are some). */
  readonly replaceAnnotated?: boolean;
}

export interface DraftNoteArgs extends NoteArgs {
  /** Save the model's English as the note without the input box (tests; the QA checks it as usual). */
  readonly accept?: boolean;
}

/** What a command did, for the tests and the summary message. */
export interface DraftOutcome {
  readonly kind: ModelDraftResult['kind'];
  readonly english?: string;
  /** Problems the QA still finds (the QA feature shows them); English messages. */
  readonly problems: number;
  readonly reason?: FallbackReason | 'disabled';
}

export interface BatchOutcome {
  readonly drafted: number;
  readonly byModel: number;
  readonly byRules: number;
  readonly withProblems: number;
  /** Lines whose Chinese changed while the batch ran: left alone. */
  readonly skipped: number;
  readonly cancelled: boolean;
}

/** The notes feature's slice this needs. */
export interface NotesForDrafts {
  add(args: NoteArgs): Promise<SidecarNote | undefined>;
}

type Ready = { ok: true; complete: CompleteChat } | { ok: false; reason: FallbackReason | 'disabled'; message: string };

export class ModelDrafts {
  readonly consent: ModelConsent;

  constructor(
    private readonly glossary: GlossaryService,
    private readonly sources: ModelSources,
    private readonly notes: NotesForDrafts,
    state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {
    this.consent = new ModelConsent(state);
  }

  /** The source, with the user's consent for what `passages` will send; else why not. */
  private async ready(passages: readonly string[], lexicon: Lexicon): Promise<Ready> {
    const config = readConfig().model;
    if (!config.enabled) {
      const message = vscode.l10n.t('language-model drafts are turned off (hanziGloss.model.enabled)');
      return { ok: false, reason: 'disabled', message };
    }
    const resolved = await this.sources.resolve();
    if (!resolved.ok) return { ok: false, reason: resolved.failure, message: resolved.message };
    const terms = new Set(
      passages.flatMap((p) => promptTerms(p, lexicon, config.style.companyNames)).map((t) => t.term),
    );
    const consent = await this.consent.allow(resolved.source, { passages: passages.length, terms: terms.size });
    if (!consent.ok) return { ok: false, reason: 'no-consent', message: consent.message };
    return { ok: true, complete: resolved.source.complete };
  }

  private run(
    document: vscode.TextDocument,
    line: number,
    passage: string,
    form: AnnotationForm,
    complete: CompleteChat,
    lexicon: Lexicon,
    signal: AbortSignal,
    onEnglish: (english: string) => void,
  ): Promise<ModelDraftResult> {
    const config = readConfig(document);
    const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
    const context = contextOf(lines, line, markerFor(document));
    return draftWithModel(
      { passage, ...context, form, style: config.model.style },
      {
        lexicon,
        complete,
        signal,
        severity: retrySeverity(config.qaSeverity),
        answerLabels: LABELS.answer,
        onEnglish,
      },
    );
  }

  /** The English to write for a result, and tells the user why it is the rule-based one, if it is. */
  private settle(result: ModelDraftResult): DraftOutcome {
    if (result.kind === 'cancelled') return { kind: 'cancelled', problems: 0 };
    if (result.kind === 'rules') {
      this.consent.tellFallback(result.reason, result.message);
      return { kind: 'rules', english: result.draft.text, problems: 0, reason: result.reason };
    }
    if (result.retryFailure) this.consent.tellFallback(result.retryFailure.reason, result.retryFailure.message);
    const problems = result.problems.filter((p) => p.severity !== 'information').length;
    return { kind: 'model', english: result.english, problems };
  }

  private rules(passage: string, lexicon: Lexicon, ready: Extract<Ready, { ok: false }>): DraftOutcome {
    this.consent.tellFallback(ready.reason, ready.message);
    return { kind: 'rules', english: draftEnglish(passage, lexicon).text, problems: 0, reason: ready.reason };
  }

  /** Draft with Language Model: the cursor's line (or the selected Chinese) into its annotation line. */
  async draftLine(args: DraftArgs = {}): Promise<DraftOutcome | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const target = passageAt(editor);
    if (!target) return undefined;
    const document = editor.document;
    if (target.annotation && !args.refresh) {
      const replace = vscode.l10n.t('Replace');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('This line already has an annotation. Replace it with a draft by the language model?'),
        replace,
      );
      if (answer !== replace) return undefined;
    }
    const lexicon = await this.glossary.lexicon();
    const writer = new AnnotationLineWriter(
      document,
      target.line,
      document.lineAt(target.line).text,
      target.indent + markerFor(document),
      target.annotation,
    );
    const ready = await this.ready([target.chinese], lexicon);
    if (!ready.ok) {
      const outcome = this.rules(target.chinese, lexicon, ready);
      await writer.write(outcome.english!);
      return outcome;
    }
    const outcome = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Drafting with the language model'),
        cancellable: true,
      },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const result = await this.run(
          document,
          target.line,
          target.chinese,
          'inline',
          ready.complete,
          lexicon,
          abort.signal,
          (english) => void writer.write(english),
        );
        if (result.kind === 'model' && result.attempts.length > 1) {
          progress.report({ message: vscode.l10n.t('checked and retried once') });
        }
        return this.settle(result);
      },
    );
    if (outcome.kind === 'cancelled') await writer.restore();
    else await writer.write(outcome.english!);
    if (outcome.problems > 0) {
      tell(vscode.l10n.t('The model’s draft still has {0} problem(s): see the Problems panel.', outcome.problems));
    }
    return outcome;
  }

  /** Draft All Unannotated Lines: each Chinese line without an annotation, in turn, cancellable. */
  async draftAll(args: DraftAllArgs = {}): Promise<BatchOutcome | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const document = editor.document;
    const marker = markerFor(document);
    const lines = () => Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
    let replaceAnnotated = args.replaceAnnotated === true;
    const first = draftTargets(lines(), marker, replaceAnnotated);
    if (!replaceAnnotated && first.annotated > 0 && args.replaceAnnotated === undefined) {
      const only = vscode.l10n.t('Unannotated Lines Only');
      const also = vscode.l10n.t('Also Replace Existing Annotations');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0} line(s) have no annotation, {1} have one. Which should the model draft?',
          first.lines.length,
          first.annotated,
        ),
        { modal: true },
        only,
        also,
      );
      if (answer === undefined) return undefined;
      replaceAnnotated = answer === also;
    }
    const targets = draftTargets(lines(), marker, replaceAnnotated).lines;
    if (targets.length === 0) {
      tell(vscode.l10n.t('Every Chinese line of this file has an annotation.'));
      return { drafted: 0, byModel: 0, byRules: 0, withProblems: 0, skipped: 0, cancelled: false };
    }
    const lexicon = await this.glossary.lexicon();
    const ready = await this.ready(
      targets.map((t) => t.chinese.trim()),
      lexicon,
    );
    const counts = { drafted: 0, byModel: 0, byRules: 0, withProblems: 0, skipped: 0, cancelled: false };
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Drafting {0} line(s) with the language model', targets.length),
        cancellable: true,
      },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        let down: Extract<Ready, { ok: false }> | undefined = ready.ok ? undefined : ready;
        // Lines inserted above move the later targets down.
        let shift = 0;
        for (const [i, t] of targets.entries()) {
          if (abort.signal.aborted) break;
          // The bar shows the lines finished: the one before this, now; the last, after the loop.
          progress.report({
            message: vscode.l10n.t('line {0} ({1} of {2})', t.line + shift + 1, i + 1, targets.length),
            increment: i === 0 ? 0 : 100 / targets.length,
          });
          const line = t.line + shift;
          if (line >= document.lineCount || document.lineAt(line).text !== t.chinese) {
            counts.skipped++;
            continue;
          }
          const annotation = t.annotation ? { text: t.annotation.text, column: t.annotation.column } : undefined;
          const prefix = /^\s*/.exec(t.chinese)![0] + marker;
          const writer = new AnnotationLineWriter(document, line, t.chinese, prefix, annotation);
          let outcome: DraftOutcome;
          if (down || !ready.ok) {
            outcome = this.rules(t.chinese.trim(), lexicon, down!);
          } else {
            const result = await this.run(
              document,
              line,
              t.chinese.trim(),
              'inline',
              ready.complete,
              lexicon,
              abort.signal,
              (english) => void writer.write(english),
            );
            outcome = this.settle(result);
            if (result.kind === 'rules' && isSourceFailure(result.reason)) {
              down = { ok: false, reason: result.reason, message: result.message };
            }
          }
          if (outcome.kind === 'cancelled') {
            await writer.restore();
            counts.cancelled = true;
            break;
          }
          await writer.write(outcome.english!);
          if (!writer.placed) {
            counts.skipped++;
            continue;
          }
          if (!annotation) shift++;
          counts.drafted++;
          if (outcome.kind === 'model') counts.byModel++;
          else counts.byRules++;
          if (outcome.problems > 0) counts.withProblems++;
        }
        if (abort.signal.aborted) counts.cancelled = true;
        else if (targets.length > 0) progress.report({ increment: 100 / targets.length });
      },
    );
    tell(
      vscode.l10n.t(
        'Drafted {0} line(s): {1} by the model ({2} with problems left: see the Problems panel), {3} rule-based.',
        counts.drafted,
        counts.byModel,
        counts.withProblems,
        counts.byRules,
      ),
    );
    return counts;
  }

  /** A sidecar note drafted by the model: streamed into the progress message, then offered for editing. */
  async draftNote(args: DraftNoteArgs = {}): Promise<SidecarNote | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const document = editor.document;
    const target = args.line === undefined ? passageAt(editor) : undefined;
    const line = args.line ?? target?.line;
    if (line === undefined || line >= document.lineCount) return undefined;
    const chinese = target?.chinese ?? document.lineAt(line).text.trim();
    if (!containsHan(chinese)) return undefined;
    const lexicon = await this.glossary.lexicon();
    const ready = await this.ready([chinese], lexicon);
    let outcome: DraftOutcome;
    if (!ready.ok) outcome = this.rules(chinese, lexicon, ready);
    else {
      outcome = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Drafting a sidecar note with the language model'),
          cancellable: true,
        },
        async (progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          const show = (english: string) => progress.report({ message: english.slice(-80) });
          return this.settle(
            await this.run(document, line, chinese, 'note', ready.complete, lexicon, abort.signal, show),
          );
        },
      );
    }
    if (outcome.kind === 'cancelled') return undefined;
    if (args.accept) return this.notes.add({ line, text: outcome.english });
    return this.notes.add({ line, draft: outcome.english });
  }

  async setKey(): Promise<boolean> {
    const key = await vscode.window.showInputBox({
      title: vscode.l10n.t('API key of the OpenAI-compatible endpoint'),
      prompt: vscode.l10n.t('Kept in VS Code’s secret storage; never written to settings or logs.'),
      password: true,
      ignoreFocusOut: true,
    });
    if (!key?.trim()) return false;
    await this.secrets.store(ENDPOINT_KEY_SECRET, key.trim());
    tell(vscode.l10n.t('The endpoint key is saved in VS Code’s secret storage.'));
    return true;
  }

  async clearKey(): Promise<void> {
    await this.secrets.delete(ENDPOINT_KEY_SECRET);
    tell(vscode.l10n.t('The endpoint key is removed from VS Code’s secret storage.'));
  }
}

export function registerModelDrafts(drafts: ModelDrafts, sources: ModelSources): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommand(Commands.draftWithModel, (args?: DraftArgs) => drafts.draftLine(args)),
    registerCommand(Commands.draftAllWithModel, (args?: DraftAllArgs) => drafts.draftAll(args)),
    registerCommand(Commands.draftNoteWithModel, (args?: DraftNoteArgs) => drafts.draftNote(args)),
    registerCommand(Commands.selectModel, () => sources.select()),
    registerCommand(Commands.setEndpointKey, () => drafts.setKey()),
    registerCommand(Commands.clearEndpointKey, () => drafts.clearKey()),
  );
}

export type { ModelSource };
