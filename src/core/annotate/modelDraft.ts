/**
 * A language model's draft, held to the glossary: the prompt (modelPrompt.ts) goes to the model the
 * adapter supplies (`complete`: VS Code's language models, an OpenAI-compatible endpoint, a test's
 * recorded answers), the English is taken from the answer (modelAnswer.ts) and the annotation QA
 * (qa.ts, the checks the editor shows) runs on it. If the QA finds a problem worth fixing, or the
 * answer held no English, the model gets one more turn that lists what is wrong; the better of the
 * two answers is kept, with the problems that remain. When no answer can be had (no model, consent
 * refused, offline, a refusal) the rule-based draft (draft.ts) is returned with the reason, so the
 * user gets a draft and is told why it is not the model's.
 */
import type { Lexicon } from '../lexicon/lexicon';
import { draftEnglish, type Draft } from './draft';
import {
  ENGLISH_ANSWER_LABELS,
  parseAnswer,
  type AnswerFault,
  type AnswerLabels,
  type ParsedAnswer,
} from './modelAnswer';
import { buildDraftPrompt, type ChatMessage, type DraftRequest } from './modelPrompt';
import {
  checkAnnotation,
  DEFAULT_SEVERITY,
  ENGLISH_QA_LABELS,
  type QaCode,
  type QaLabels,
  type QaProblem,
  type QaSeverity,
} from './qa';

/** Why a model could not be asked, as the adapter knows it. */
export type ModelFailure =
  /** No model is available (none installed, none selected, the endpoint has no such model). */
  | 'no-model'
  /** The user did not allow the extension to use the model. */
  | 'no-consent'
  /** The endpoint refused the key. */
  | 'unauthorized'
  /** A quota or rate limit, or the model's provider blocked the request. */
  | 'blocked'
  /** The endpoint could not be reached. */
  | 'offline'
  /** Anything else: a server error, an answer that is not the protocol's. */
  | 'failed';

/** What a `complete` callback throws to say why there is no answer; any other error is 'failed'. */
export class ModelRequestError extends Error {
  constructor(
    readonly failure: ModelFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ModelRequestError';
  }
}

/**
 * Sends the messages to a model and resolves to its whole answer; should stop when `signal` aborts.
 * A streaming adapter calls `onText` with the answer so far as it arrives (an adapter that cannot
 * stream never calls it).
 */
export type CompleteChat = (
  messages: readonly ChatMessage[],
  signal: AbortSignal,
  onText?: (answerSoFar: string) => void,
) => Promise<string>;

/** One request to the model and what came of it. */
export interface ModelAttempt {
  readonly messages: readonly ChatMessage[];
  readonly answer: string;
  readonly parsed: ParsedAnswer;
  /** The QA's problems with the answer's English (none when it had no English). */
  readonly problems: readonly QaProblem[];
}

/** Why the rule-based draft is used: the model could not be asked, or its answers held no English. */
export type FallbackReason = ModelFailure | AnswerFault;

export type ModelDraftResult =
  | {
      readonly kind: 'model';
      readonly english: string;
      /** The QA's problems that remain in `english` (English messages: what the model was told). */
      readonly problems: readonly QaProblem[];
      readonly attempts: readonly ModelAttempt[];
      /** The retry could not be made (the first answer is kept): why. */
      readonly retryFailure?: { readonly reason: FallbackReason; readonly message: string };
    }
  | {
      readonly kind: 'rules';
      readonly draft: Draft;
      readonly reason: FallbackReason;
      /** What went wrong, for the user: the model's or the endpoint's own words where there are some. */
      readonly message: string;
      readonly attempts: readonly ModelAttempt[];
    }
  | { readonly kind: 'cancelled'; readonly attempts: readonly ModelAttempt[] };

export interface ModelDraftOptions {
  readonly lexicon: Lexicon;
  readonly complete: CompleteChat;
  readonly signal?: AbortSignal;
  /** The QA severities (the user's settings); problems of severity `information` are not retried. */
  readonly severity?: Record<QaCode, QaSeverity>;
  readonly answerLabels?: AnswerLabels;
  /**
   * The English of the answer being streamed, as far as it goes (the answer parser reads a partial
   * answer too), for the editor to show while the model writes; `attempt` is 1, then 2 for the retry.
   */
  readonly onEnglish?: (english: string, attempt: number) => void;
}

/** Resolves as `work` does, or rejects as soon as `signal` aborts (a callback may ignore it). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error('cancelled'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The QA's English messages, suggesting the rendering the prompt asked for ("Bühler Group" when
 * company names are short), so the retry does not contradict the first request.
 */
function promptLabels(preferred: ReadonlyMap<string, string>): QaLabels {
  const english = ENGLISH_QA_LABELS;
  return {
    ...english,
    forbiddenTerm: (bad, term, approved) => english.forbiddenTerm(bad, term, preferred.get(term) ?? approved),
    missingTerm: (term, approved, renderings) => english.missingTerm(term, preferred.get(term) ?? approved, renderings),
  };
}

type Asked = { readonly ok: true; readonly attempt: ModelAttempt } | { readonly ok: false; readonly error: Error };

/** The follow-up turn: what the QA found, or that the answer held no English. */
export function retryMessage(attempt: ModelAttempt, retried: readonly QaProblem[]): string {
  const again = 'Write the whole translation again with these fixed, keeping the rest. Answer with the English only.';
  if (!attempt.parsed.ok) return `Your answer held no English translation. ${again}`;
  const listed = retried.map((p) => `- ${p.message}`);
  return ['The check of your translation found these problems:', ...listed, again].join('\n');
}

/**
 * A draft of `request.passage` by the model `options.complete` reaches, checked by the QA and retried
 * once; the rule-based draft with the reason when no usable answer came; 'cancelled' when the signal
 * aborted. A failing model or answer never makes it reject.
 */
export async function draftWithModel(request: DraftRequest, options: ModelDraftOptions): Promise<ModelDraftResult> {
  const { lexicon, complete } = options;
  const signal = options.signal ?? new AbortController().signal;
  const severity = options.severity ?? DEFAULT_SEVERITY;
  const worthRetry = (p: QaProblem) => p.severity !== 'information';
  const attempts: ModelAttempt[] = [];
  const prompt = buildDraftPrompt(request, lexicon);
  const labels = promptLabels(prompt.preferred);

  const ask = async (messages: readonly ChatMessage[]): Promise<Asked> => {
    try {
      const attempt = attempts.length + 1;
      const onText = (soFar: string) => {
        if (signal.aborted || !options.onEnglish) return;
        const partial = parseAnswer(soFar, request.form, options.answerLabels ?? ENGLISH_ANSWER_LABELS);
        if (partial.ok) options.onEnglish(partial.english, attempt);
      };
      const answer = await untilAborted(complete(messages, signal, onText), signal);
      const parsed = parseAnswer(answer, request.form, options.answerLabels ?? ENGLISH_ANSWER_LABELS);
      const problems = parsed.ok ? checkAnnotation(request.passage, parsed.english, lexicon, severity, labels) : [];
      const done = { messages, answer, parsed, problems };
      attempts.push(done);
      return { ok: true, attempt: done };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
    }
  };
  const failureOf = (error: Error) => (error instanceof ModelRequestError ? error.failure : 'failed');
  const rules = (reason: FallbackReason, message: string): ModelDraftResult => ({
    kind: 'rules',
    draft: draftEnglish(request.passage, lexicon),
    reason,
    message,
    attempts,
  });
  const model = (
    attempt: ModelAttempt,
    english: string,
    retryFailure?: { reason: FallbackReason; message: string },
  ): ModelDraftResult => {
    const result = { kind: 'model', english, problems: attempt.problems, attempts } as const;
    return retryFailure ? { ...result, retryFailure } : result;
  };

  const { messages } = prompt;
  const first = await ask(messages);
  if (signal.aborted) return { kind: 'cancelled', attempts };
  if (!first.ok) return rules(failureOf(first.error), first.error.message);
  const one = first.attempt;
  // A refusal is not argued with: the rule-based draft, and the model's words for the user.
  if (!one.parsed.ok && one.parsed.fault === 'refusal') return rules('refusal', one.parsed.message);
  const retried = one.problems.filter(worthRetry);
  if (one.parsed.ok && retried.length === 0) return model(one, one.parsed.english);

  const followUp: ChatMessage[] = [
    ...messages,
    { role: 'assistant', content: one.answer },
    { role: 'user', content: retryMessage(one, retried) },
  ];
  const second = await ask(followUp);
  if (signal.aborted) return { kind: 'cancelled', attempts };
  if (!second.ok) {
    const reason = failureOf(second.error);
    const message = second.error.message;
    return one.parsed.ok ? model(one, one.parsed.english, { reason, message }) : rules(reason, message);
  }
  const two = second.attempt;
  if (!two.parsed.ok) {
    if (one.parsed.ok) return model(one, one.parsed.english, { reason: two.parsed.fault, message: two.parsed.message });
    return rules(two.parsed.fault, two.parsed.message);
  }
  // The retry is kept unless it made things worse: a model may fix one problem and add two.
  if (one.parsed.ok && retried.length < two.problems.filter(worthRetry).length) return model(one, one.parsed.english);
  return model(two, two.parsed.english);
}
