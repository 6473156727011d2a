/** `hanzi-gloss annotate` and `check` over a plain-text file (marker "EN: "). */
import { annotatedLines, DEFAULT_MARKERS } from '../core/annotate/annotations';
import { draftEnglish } from '../core/annotate/draft';
import type { Lexicon } from '../core/lexicon/lexicon';
import { checkAnnotation, checkConsistency, type QaProblem } from '../core/annotate/qa';

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
  const annotated = annotatedLines(lines, MARKER).flatMap((a) =>
    a.annotation ? [{ ...a, annotation: a.annotation }] : [],
  );
  for (const a of annotated) {
    for (const p of checkAnnotation(a.chinese, a.annotation.text, lexicon)) {
      out.push({ ...p, line: a.annotation.line + 1, column: a.annotation.column + (p.start ?? 0) + 1 });
    }
  }
  // Across the file: a term rendered one way here and another way there.
  const file = annotated.map((a) => ({ key: a.annotation, chinese: a.chinese, english: a.annotation.text }));
  for (const { key, problem } of checkConsistency(file, lexicon)) {
    out.push({ ...problem, line: key.line + 1, column: key.column + 1 });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
