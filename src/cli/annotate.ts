/** `hanzi-gloss annotate` and `check` over a plain-text file (marker "EN: "). */
import { annotatedLines, DEFAULT_MARKERS } from '../core/annotate/annotations';
import { draftEnglish } from '../core/annotate/draft';
import type { Lexicon } from '../core/lexicon/lexicon';
import { checkAnnotation, type QaProblem } from '../core/annotate/qa';

const MARKER = DEFAULT_MARKERS.plaintext;

/** The text with a draft annotation after each Chinese line that has none yet; line endings kept. */
export function annotateText(text: string, lexicon: Lexicon): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const todo = new Set(
    annotatedLines(lines, MARKER)
      .filter((a) => !a.annotation)
      .map((a) => a.line),
  );
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    if (todo.has(i)) out.push(`${/^\s*/.exec(line)![0]}${MARKER}${draftEnglish(line.trim(), lexicon).text}`);
  });
  return out.join(eol);
}

export interface LocatedProblem extends QaProblem {
  /** 1-based line and column of the annotation text where the problem is. */
  readonly line: number;
  readonly column: number;
}

export function checkText(text: string, lexicon: Lexicon): LocatedProblem[] {
  const lines = text.split(/\r?\n/);
  const out: LocatedProblem[] = [];
  for (const a of annotatedLines(lines, MARKER)) {
    if (!a.annotation) continue;
    for (const p of checkAnnotation(a.chinese, a.annotation.text, lexicon)) {
      out.push({ ...p, line: a.annotation.line + 1, column: a.annotation.column + (p.start ?? 0) + 1 });
    }
  }
  return out;
}
