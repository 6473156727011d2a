/**
 * The rules the reading score (test/tools/scoreReading.ts) applies to the reader's matches: when a
 * marked word counts as read whole, which first senses are junk, when a match cuts an ASCII run.
 */
import type { ScannedMatch } from '../../src/core/document/scan';

/** A match's bounds in its sentence. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** First-English prefixes that mean a redirect, a name or a note rather than a sense (lower case). */
const JUNK_PREFIXES = [
  'variant of',
  'old variant of',
  'used in',
  'see ',
  '(tw)',
  'erhua',
  'surname',
  'abbr. for',
  'also written',
];

const HAN = /\p{Script=Han}/u;
const isAsciiAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** Whether the match's bounds cut through a run of ASCII letters and digits. */
export function cutsAsciiRun(text: string, m: { start: number; end: number }): boolean {
  const cutAt = (i: number) => isAsciiAlnum(text[i - 1]) && isAsciiAlnum(text[i]);
  return cutAt(m.start) || cutAt(m.end);
}

/** The places of `word` in `text`, as [start, end) pairs. */
function places(text: string, word: string): [number, number][] {
  const found: [number, number][] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) found.push([at, at + word.length]);
  return found;
}

/**
 * Whether `word` is read whole (see the file comment) at each of its places in `text` that is not
 * inside a longer marked word (压铸 inside a marked 压铸机 is not a place of its own): 手机 must
 * come out whole in 新手机 even when the sentence has a second, easy 手机.
 */
export function readWhole(text: string, word: string, marked: readonly string[], matches: readonly Span[]) {
  return splitPlace(text, word, marked, matches) === undefined;
}

/** The first place where `word` is not read whole (see readWhole), or undefined. */
export function splitPlace(
  text: string,
  word: string,
  marked: readonly string[],
  matches: readonly Span[],
): [number, number] | undefined {
  const longer = marked.filter((w) => w.length > word.length && w.includes(word)).flatMap((w) => places(text, w));
  const own = places(text, word).filter(([a, b]) => !longer.some(([la, lb]) => la <= a && b <= lb));
  const exact = ([a, b]: [number, number]) =>
    matches.some((m) => m.start === a && m.end === b) ||
    (!HAN.test(word) && !matches.some((m) => m.start < b && m.end > a));
  return (own.length > 0 ? own : places(text, word)).find((p) => !exact(p));
}

/**
 * Whether text[a, b) lies inside one match that is a glossary term (workspace, user or curated):
 * the marked 同比 inside the curated 同比增长 is not split, it is part of a longer verified term the
 * hover shows first (with 同比 on its "also" line). A second figure beside "read whole", since
 * the marks were made before the termbase grew its compounds.
 */
export function insideGlossaryTerm(a: number, b: number, matches: readonly ScannedMatch[]): boolean {
  return matches.some(
    (m) => m.start <= a && b <= m.end && m.end - m.start > b - a && m.entries.some((e) => e.source.layer !== 'cedict'),
  );
}

/** The first English line of a match: what the hover shows first. */
export function firstEnglish(m: ScannedMatch): string {
  return m.entries[0]?.en[0] ?? '';
}

export const isJunk = (english: string) => JUNK_PREFIXES.some((p) => english.toLowerCase().startsWith(p));

/**
 * Whether a match's first English is junk: a redirect, note or tag always; a surname only when
 * some entry of the match has an English sense that is no surname (向 "surname Xiang" before "towards"
 * is junk-first, 龚 "surname Gong", all CC-CEDICT has for the character, is not).
 */
export function isJunkFirst(m: ScannedMatch): boolean {
  const first = firstEnglish(m);
  if (!isJunk(first)) return false;
  if (!first.toLowerCase().startsWith('surname')) return true;
  return m.entries.some((e) => e.en.some((sense) => !isJunk(sense)));
}
