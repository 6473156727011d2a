/** The recorded model answers (test/fixtures/lm/answers.json) and the real-text passages they answer. */
import type { AnnotationForm } from '../../src/core/annotate/modelPrompt';
import { fixture } from './fullLexicon';

/** Where a passage is: a 1-based line (or lines) of a text fixture, or a sentence of a JSON set. */
export type PassageRef =
  | { readonly file: string; readonly line: number }
  | { readonly file: string; readonly lines: readonly number[] }
  | { readonly file: string; readonly sentence: number };

export interface RecordedCase {
  readonly id: string;
  readonly about: string;
  readonly passage: PassageRef;
  readonly form: AnnotationForm;
  readonly answers: readonly string[];
}

export function recordedCases(): RecordedCase[] {
  return (JSON.parse(fixture('lm/answers.json')) as { cases: RecordedCase[] }).cases;
}

export function recordedCase(id: string): RecordedCase {
  const found = recordedCases().find((c) => c.id === id);
  if (!found) throw new Error(`no recorded case ${id}`);
  return found;
}

/** The passage's Chinese, read from its fixture (a missing line or sentence is an error, not ''). */
export function passageOf(ref: PassageRef): string {
  if ('sentence' in ref) {
    const sentence = (JSON.parse(fixture(ref.file)) as { sentences: { text: string }[] }).sentences[ref.sentence];
    if (!sentence) throw new Error(`${ref.file} has no sentence ${ref.sentence}`);
    return sentence.text;
  }
  const lines = fixture(ref.file).split('\n');
  const wanted = 'lines' in ref ? ref.lines : [ref.line];
  return wanted
    .map((n) => {
      const line = lines[n - 1]?.trim();
      if (!line) throw new Error(`${ref.file} has no text on line ${n}`);
      return line;
    })
    .join('\n');
}

/** A `complete` callback that answers with `answers` in turn and records what it was sent. */
export function recordedModel(answers: readonly string[]) {
  const sent: (readonly { role: string; content: string }[])[] = [];
  const complete = async (messages: readonly { role: string; content: string }[]) => {
    sent.push(messages);
    const answer = answers[sent.length - 1];
    if (answer === undefined) throw new Error(`asked ${sent.length} times, ${answers.length} answers recorded`);
    return answer;
  };
  return { complete, sent };
}
