/**
 * Annotation lines: a line directly below a Chinese line, starting with a marker — "EN: " in plain
 * text, "> EN: " in Markdown, a line comment then "EN: " in source files ("// EN: ", "# EN: ").
 */
import { containsHan } from '../text/detect';

export const DEFAULT_MARKERS: Record<string, string> = {
  plaintext: 'EN: ',
  markdown: '> EN: ',
  javascript: '// EN: ',
  typescript: '// EN: ',
  java: '// EN: ',
  c: '// EN: ',
  cpp: '// EN: ',
  csharp: '// EN: ',
  go: '// EN: ',
  rust: '// EN: ',
  python: '# EN: ',
  shellscript: '# EN: ',
  yaml: '# EN: ',
  ruby: '# EN: ',
  r: '# EN: ',
  sql: '-- EN: ',
  lua: '-- EN: ',
};

export interface AnnotatedLine {
  /** 0-based line of the Chinese. */
  readonly line: number;
  readonly chinese: string;
  /** The annotation's line (0-based), its text after the marker and where that text starts. */
  readonly annotation?: { readonly line: number; readonly text: string; readonly column: number };
}

/** The marker of an annotation line (any known marker, indentation allowed), or undefined. */
export function annotationText(line: string, marker: string): { text: string; column: number } | undefined {
  const trimmed = marker.trimEnd();
  const m = /^\s*/.exec(line)!;
  const rest = line.slice(m[0].length);
  if (!rest.startsWith(trimmed)) return undefined;
  const after = rest.slice(trimmed.length);
  const text = after.startsWith(' ') ? after.slice(1) : after;
  return { text, column: line.length - text.length };
}

/** Lines holding Chinese, each with the annotation directly below it if there is one. */
export function annotatedLines(lines: readonly string[], marker: string): AnnotatedLine[] {
  const out: AnnotatedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (annotationText(lines[i], marker) || !containsHan(lines[i])) continue;
    const next = i + 1 < lines.length ? annotationText(lines[i + 1], marker) : undefined;
    out.push({ line: i, chinese: lines[i], ...(next ? { annotation: { line: i + 1, ...next } } : {}) });
  }
  return out;
}
