/**
 * Which lines a language-model command drafts and what it sends with each: the Chinese lines of a
 * file with or without their annotation (the batch never touches an annotated line unless asked),
 * the context around a line (the file's own text, not its annotations: those are the user's English,
 * not context to translate), and which QA problems are worth the retry under the user's severities.
 */
import { annotatedLines, annotationText, type AnnotatedLine } from './annotations';
import type { QaCode, QaSeverity } from './qa';

/** Lines of context gathered each side; the prompt keeps the nearest CONTEXT_LINES non-blank ones. */
const GATHERED = 10;

export interface DraftTargets {
  /** The lines to draft, top to bottom. */
  readonly lines: readonly AnnotatedLine[];
  /** Chinese lines that have an annotation (drafted only with `replaceAnnotated`). */
  readonly annotated: number;
}

export function draftTargets(lines: readonly string[], marker: string, replaceAnnotated: boolean): DraftTargets {
  const all = annotatedLines(lines, marker);
  const annotated = all.filter((l) => l.annotation).length;
  return { lines: replaceAnnotated ? all : all.filter((l) => !l.annotation), annotated };
}

/** The lines before and after `line`, without annotation lines, nearest last (before) and first (after). */
export function contextOf(
  lines: readonly string[],
  line: number,
  marker: string,
): { before: string[]; after: string[] } {
  const text = (i: number) => (annotationText(lines[i], marker) ? [] : [lines[i]]);
  const before: string[] = [];
  for (let i = Math.max(0, line - GATHERED); i < line; i++) before.push(...text(i));
  const after: string[] = [];
  for (let i = line + 1; i < Math.min(lines.length, line + 1 + GATHERED); i++) after.push(...text(i));
  return { before, after };
}

/**
 * The severities the check-and-retry loop uses: the user's, with what they hide (hint, off) as
 * `information`, which the loop never retries for. A problem the editor would not show is not
 * worth a second request.
 */
export function retrySeverity(
  levels: Readonly<Record<QaCode, QaSeverity | 'hint' | 'off'>>,
): Record<QaCode, QaSeverity> {
  const out = {} as Record<QaCode, QaSeverity>;
  for (const [code, level] of Object.entries(levels) as [QaCode, QaSeverity | 'hint' | 'off'][]) {
    out[code] = level === 'hint' || level === 'off' ? 'information' : level;
  }
  return out;
}
