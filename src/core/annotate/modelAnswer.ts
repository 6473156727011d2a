/**
 * The English in a language model's answer. Asked for the translation only, models still wrap it:
 * a code fence, quotation marks, a "Translation:" label, a "Here is the translation:" line, notes
 * after it, the Chinese echoed, a reasoning model's <think> block. What is kept is always text of
 * the answer, in its order; nothing is made up. An inline annotation is one line (the first
 * paragraph: what follows a blank line is commentary), a sidecar note keeps its paragraphs. Works on
 * a partial answer too (while it streams): an unclosed fence or think block is read as far as it goes.
 */
import { containsHan } from '../text/detect';
import type { AnnotationForm } from './modelPrompt';

/** Why an answer holds no English to use. */
export type AnswerFault = 'empty' | 'refusal' | 'no-english';

export type ParsedAnswer =
  | { readonly ok: true; readonly english: string }
  | { readonly ok: false; readonly fault: AnswerFault; readonly message: string };

/** What the faults tell a user (localised by the extension, English by default). */
export interface AnswerLabels {
  readonly empty: () => string;
  /** `said`: the refusal, shortened. */
  readonly refusal: (said: string) => string;
  readonly noEnglish: () => string;
}

export const ENGLISH_ANSWER_LABELS: AnswerLabels = {
  empty: () => 'the model gave an empty answer',
  refusal: (said) => `the model declined to translate: "${said}"`,
  noEnglish: () => 'the model answered without an English translation',
};

/** A reasoning model's thoughts (DeepSeek-R1, Qwen): closed, or still open while the answer streams. */
const THINKING = /<think(?:ing)?>[\s\S]*?(?:<\/think(?:ing)?>|$)/gi;
/** A fence line: ``` or ~~~, with an optional language ("```text"). */
const FENCE = /^\s*(`{3,}|~{3,})[\w-]*\s*$/;
/** A horizontal rule or separator line: what comes after it is commentary. */
const RULE = /^\s*(?:[-*_=]\s*){3,}$/;
/** Alternatives for a regular expression, from a list (the lists are kept readable). */
const anyOf = (words: readonly string[]) => `(?:${words.join('|')})`;

/**
 * Lines that introduce the translation ("Here is the English translation:", "Sure! Here's the
 * translation:") or comment on it ("Note: …", "I kept 泉峰 as …", "Let me know …").
 */
const PREAMBLE = new RegExp(
  String.raw`^\s*(?:${anyOf(['sure', 'certainly', 'of course', 'okay', 'ok'])}\b.*|` +
    String.raw`here(?:'s| is| are)\b.*${anyOf(['translat', 'english', 'version'])}.*)$`,
  'i',
);
const NOTE_LABELS = [
  'notes?',
  "translator'?s? notes?",
  'explanation',
  'comments?',
  'glossary',
  'terms used',
  'remarks?',
];
const NOTE_OPENERS = [
  String.raw`i (?:translated|rendered|kept|used|have|'ve|chose|followed|left)`,
  'let me know',
  'i hope',
  'hope this',
];
const COMMENTARY = new RegExp(
  String.raw`^\s*[(*_]*\s*${anyOf(NOTE_LABELS)}\b\s*[:：)]|^\s*${anyOf(NOTE_OPENERS)}\b`,
  'i',
);
/**
 * A label before the English: "Translation:", "English:", "**English translation**:", "EN:". Not
 * "Result:" and the like, which a translation of 结果： starts with.
 */
const LABEL =
  /^\s*[*_]*\s*(?:(?:english|final|revised|corrected)\s+)?(?:translation|english|en)\s*[*_]*\s*[:：]\s*[*_]*\s*/i;
/** A label before an echo of the Chinese: that line is dropped. */
const SOURCE_LABEL = /^\s*[*_]*\s*(?:chinese|original|source|zh|passage|原文|中文)\s*[*_]*\s*[:：]/i;
/** Opening and closing quotation marks a whole answer may stand in. */
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»', '「': '」', '『': '』' };
/**
 * A refusal: an apology or "I can't" at the start of the answer and, in its first sentence, what
 * is refused (a forum post's translation may well start "I'm sorry, but the machine…").
 */
const APOLOGIES = [
  "i'?m sorry",
  'i am sorry',
  'sorry\\b',
  'i apologi[sz]e',
  "i can(?:'|no)t",
  'i cannot',
  "i(?: am|'m) (?:not able|unable)",
  'as an ai\\b',
  'unfortunately,? i',
];
const REFUSED = [
  String.raw`translat\w*`,
  'assist',
  'help',
  'comply',
  String.raw`fulfil\w*`,
  'provide',
  'request',
  'content',
];
const REFUSAL = new RegExp(String.raw`^\s*${anyOf(APOLOGIES)}[^.!?\n]*\b${anyOf(REFUSED)}\b`, 'i');
const REFUSAL_ZH = /^\s*(?:抱歉|对不起|對不起|很遗憾|很遺憾|我无法|我無法|我不能)/;
const LATIN_WORD = /\p{Script=Latin}{2,}/u;

/** The text between the first fence and its closing fence (or the end), if the answer has a fence. */
function fenced(lines: readonly string[]): string[] | undefined {
  const open = lines.findIndex((l) => FENCE.test(l));
  if (open < 0) return undefined;
  const marker = FENCE.exec(lines[open])![1];
  const close = lines.findIndex((l, i) => i > open && l.trim().startsWith(marker.slice(0, 3)) && FENCE.test(l));
  return lines.slice(open + 1, close < 0 ? undefined : close);
}

/** The line without a wrapping pair of quotation marks or emphasis (**…**), if it has one. */
function unwrapped(text: string): string {
  let t = text.trim();
  for (;;) {
    const emphasis = /^(\*\*|__|\*|_)(.+)\1$/s.exec(t);
    if (emphasis && !emphasis[2].includes(emphasis[1])) {
      t = emphasis[2].trim();
      continue;
    }
    const close = QUOTES[t[0]];
    if (close && t.length > 1 && t.endsWith(close) && !t.slice(1, -1).includes(close)) {
      t = t.slice(1, -1).trim();
      continue;
    }
    return t;
  }
}

/**
 * The English lines of an answer in paragraphs: introductions, echoes of the Chinese and labels
 * dropped; a note before the English is skipped to its paragraph's end, one after it ends the English.
 */
function paragraphs(answer: string): string[][] {
  const text = answer.replace(/\r\n?/g, '\n').replace(THINKING, '\n');
  let lines = text.split('\n');
  lines = fenced(lines) ?? lines;
  const out: string[][] = [];
  let current: string[] = [];
  let inNote = false;
  const close = () => {
    if (current.length > 0) out.push(current);
    current = [];
  };
  for (const raw of lines) {
    if (raw.trim() === '' || FENCE.test(raw)) {
      close();
      inNote = false;
      continue;
    }
    const english = out.length > 0 || current.length > 0;
    if (RULE.test(raw)) {
      if (english) break;
      continue;
    }
    if (COMMENTARY.test(raw)) {
      if (english) break;
      inNote = true;
      continue;
    }
    if (inNote || PREAMBLE.test(raw) || SOURCE_LABEL.test(raw)) continue;
    // The Chinese echoed (a line with Han and no English word) is no part of the English.
    if (containsHan(raw) && !LATIN_WORD.test(raw)) continue;
    const line = unwrapped(raw.replace(LABEL, ''));
    if (line !== '') current.push(line);
  }
  close();
  return out;
}

/** Up to 80 characters of `text`, on one line, for a message. */
function shortened(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
}

/**
 * The English of `answer` for an annotation (`inline`: one line) or a note (paragraphs, joined by
 * a blank line), or why there is none. Never throws.
 */
export function parseAnswer(
  answer: string,
  form: AnnotationForm,
  labels: AnswerLabels = ENGLISH_ANSWER_LABELS,
): ParsedAnswer {
  if (answer.replace(THINKING, '\n').trim() === '') return { ok: false, fault: 'empty', message: labels.empty() };
  const found = paragraphs(answer);
  const first = found[0]?.join(' ') ?? '';
  const said = answer.replace(THINKING, '\n').trim();
  if (REFUSAL.test(first) || (found.length === 0 && (REFUSAL.test(said) || REFUSAL_ZH.test(said)))) {
    return { ok: false, fault: 'refusal', message: labels.refusal(shortened(first || said)) };
  }
  if (found.length === 0) return { ok: false, fault: 'no-english', message: labels.noEnglish() };
  const english = form === 'inline' ? first : found.map((p) => p.join('\n')).join('\n\n');
  return { ok: true, english };
}
