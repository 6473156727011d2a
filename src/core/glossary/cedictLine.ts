/**
 * CC-CEDICT's line format ("傳統 传统 [chuan2 tong3] /tradition/traditional/") and its numbered
 * pinyin, shared by the dictionary asset's build step and the CC-CEDICT-lines exchange format.
 */
import { markTone } from '../reading/pinyin';

export interface CedictLine {
  readonly traditional: string;
  readonly simplified: string;
  /** As CC-CEDICT writes it: "ya1 zhu4", "Bei3 jing1", "nu:3". */
  readonly pinyin: string;
  readonly senses: readonly string[];
}

const LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;

/** One dictionary line, or undefined for comments and malformed lines. */
export function parseCedictLine(line: string): CedictLine | undefined {
  if (line.startsWith('#')) return undefined;
  const m = LINE.exec(line);
  if (!m) return undefined;
  const senses = m[4]
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (senses.length === 0) return undefined;
  return { traditional: m[1], simplified: m[2], pinyin: m[3], senses };
}

/** Converted syllables: CC-CEDICT has ~1,700 distinct ones, and the hover converts them often. */
const marked = new Map<string, string>();

function markSyllable(token: string): string {
  let out = marked.get(token);
  if (out === undefined) {
    const m = /^([A-Za-zü:]+?)([1-5])$/.exec(token);
    out = m
      ? markTone(m[1].toLowerCase().replace(/u:|v/g, 'ü'), Number(m[2]))
      : token.toLowerCase() === 'r5'
        ? 'r'
        : token;
    marked.set(token, out);
  }
  return out;
}

/** "ya1 zhu4" → "yā zhù"; "Bei3 jing1" → "běi jīng"; "nu:3" → "nǚ"; other tokens (A, ·) kept. */
export function cedictPinyinToMarks(numbered: string): string {
  return numbered
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map(markSyllable)
    .join(' ');
}
