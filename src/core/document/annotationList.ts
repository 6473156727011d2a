/**
 * The *Annotations* view's data: a file's inline annotation lines and sidecar notes in one list
 * by the line of their Chinese, each with its QA problems counted by severity and whether it is
 * stale (a sidecar note whose Chinese changed). Pure: the extension hands in what the QA check
 * found and diagnosed and where the notes were placed.
 */

/** An annotation line below a Chinese line (0-based lines; `column`: where its text starts). */
export interface InlineAnnotation {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

export interface PlacedNote {
  /** The line of its passage now. */
  readonly line: number;
  readonly stale: boolean;
  readonly text: string;
  /** The Chinese it was written for. */
  readonly chinese: string;
}

export type ProblemSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A QA problem of an inline annotation (at its line) or of a sidecar note (at its passage's line). */
export interface AnnotationProblem {
  readonly kind: 'inline' | 'note';
  readonly line: number;
  readonly severity: ProblemSeverity;
}

export type ProblemCounts = Readonly<Record<ProblemSeverity, number>>;

export interface AnnotationItem {
  readonly kind: 'inline' | 'note';
  /** 0-based line of the Chinese passage. */
  readonly chineseLine: number;
  /** Where the item is shown in the document: the annotation's line, or the noted passage's. */
  readonly line: number;
  /** Start of the annotation's text in its line (0 for a note). */
  readonly column: number;
  readonly text: string;
  readonly stale: boolean;
  /** For a stale note: the Chinese it was written for. */
  readonly writtenFor?: string;
  readonly problems: ProblemCounts;
  readonly problemCount: number;
}

const NO_PROBLEMS: ProblemCounts = { error: 0, warning: 0, information: 0, hint: 0 };

/** Inline annotations and notes by the line of their passage (an inline one before a note on the same line). */
export function annotationItems(
  inline: readonly InlineAnnotation[],
  notes: readonly PlacedNote[],
  problems: readonly AnnotationProblem[],
): AnnotationItem[] {
  const counts = new Map<string, Record<ProblemSeverity, number>>();
  for (const p of problems) {
    const key = `${p.kind}:${p.line}`;
    const c = counts.get(key) ?? { ...NO_PROBLEMS };
    c[p.severity]++;
    counts.set(key, c);
  }
  const withProblems = (kind: 'inline' | 'note', line: number) => {
    const c = counts.get(`${kind}:${line}`) ?? NO_PROBLEMS;
    return { problems: c, problemCount: c.error + c.warning + c.information + c.hint };
  };
  const items: AnnotationItem[] = [
    ...inline.map((a) => ({
      kind: 'inline' as const,
      chineseLine: a.line - 1,
      line: a.line,
      column: a.column,
      text: a.text,
      stale: false,
      ...withProblems('inline', a.line),
    })),
    ...notes.map((n) => ({
      kind: 'note' as const,
      chineseLine: n.line,
      line: n.line,
      column: 0,
      text: n.text,
      stale: n.stale,
      ...(n.stale ? { writtenFor: n.chinese } : {}),
      // A stale note is not checked (its passage is gone): it has no problems of its own.
      ...withProblems('note', n.line),
    })),
  ];
  return items.sort((a, b) => a.chineseLine - b.chineseLine || (a.kind === 'inline' ? -1 : 1));
}
