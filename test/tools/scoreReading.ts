/**
 * Scores how Hanzi Gloss reads the real-text set (test/fixtures/reading/real-text.json) with the
 * full lexicon (curated + CC-CEDICT): `npm run score:reading`. Prints
 * - the share of marked words that come out whole, as one match with exactly their bounds at every
 *   place they stand as a word (a word with no Han character, such as GPU, also counts whole when no
 *   match cuts into it);
 * - junk-first senses: matches whose first English line is a redirect, a surname or a note;
 * - matches that start or end inside a run of ASCII letters and digits (PU in GPU, 88 in 8800).
 * Information for issue 12, not a test: it exits 0 whatever the numbers (1 only on a broken set).
 */
import { scanText, type ScannedMatch } from '../../src/core/document/scan';
import { realTextProblems, type RealTextSet } from '../shared/realText';
import { fixture, fullLexicon } from '../unit/fullLexicon';

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
export function readWhole(text: string, word: string, marked: readonly string[], matches: readonly ScannedMatch[]) {
  return splitPlace(text, word, marked, matches) === undefined;
}

/** The first place where `word` is not read whole (see readWhole), or undefined. */
export function splitPlace(
  text: string,
  word: string,
  marked: readonly string[],
  matches: readonly ScannedMatch[],
): [number, number] | undefined {
  const longer = marked.filter((w) => w.length > word.length && w.includes(word)).flatMap((w) => places(text, w));
  const own = places(text, word).filter(([a, b]) => !longer.some(([la, lb]) => la <= a && b <= lb));
  const exact = ([a, b]: [number, number]) =>
    matches.some((m) => m.start === a && m.end === b) ||
    (!HAN.test(word) && !matches.some((m) => m.start < b && m.end > a));
  return (own.length > 0 ? own : places(text, word)).find((p) => !exact(p));
}

export function firstEnglish(m: ScannedMatch): string {
  return m.entries[0]?.en[0] ?? '';
}

const isJunk = (english: string) => JUNK_PREFIXES.some((p) => english.toLowerCase().startsWith(p));

function main(): void {
  const set = JSON.parse(fixture('reading/real-text.json')) as RealTextSet;
  const problems = realTextProblems(set);
  if (problems.length > 0) {
    for (const p of problems) console.error(`test/fixtures/reading/real-text.json: ${p}`);
    process.exit(1);
  }
  const lexicon = fullLexicon();
  // Why a word is not read whole: the dictionaries know it and the reader split it, or no layer has it.
  const split: string[] = [];
  const unknown: string[] = [];
  const junk: string[] = [];
  const insideAscii: string[] = [];
  let words = 0;
  let whole = 0;
  let matchCount = 0;
  for (const s of set.sentences) {
    const { matches } = scanText(s.text, lexicon);
    matchCount += matches.length;
    for (const w of s.words) {
      words++;
      const place = splitPlace(s.text, w, s.words, matches);
      if (place === undefined) whole++;
      else {
        const [a, b] = place;
        const pieces = matches.filter((m) => m.start < b && m.end > a).map((m) => m.text);
        const line = `${w} → ${pieces.join(' | ') || '(no match)'}`;
        (lexicon.lookup(w).length > 0 ? split : unknown).push(line);
      }
    }
    for (const m of matches) {
      if (isJunk(firstEnglish(m))) junk.push(`${m.text}: ${firstEnglish(m)}`);
      if (cutsAsciiRun(s.text, m)) insideAscii.push(`${m.text} in …${s.text.slice(m.start - 3, m.end + 3)}…`);
    }
  }
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
  console.log(`Real-text set: ${set.sentences.length} sentences, ${set.sources.length} sources, ${matchCount} matches`);
  console.log(`Marked words read whole: ${whole} / ${words} (${pct(whole, words)})`);
  console.log(`  not whole though a dictionary has the word: ${split.length}; in no dictionary: ${unknown.length}`);
  console.log(`Junk-first senses: ${junk.length} of ${matchCount} matches (${pct(junk.length, matchCount)})`);
  console.log(`Matches inside ASCII runs: ${insideAscii.length}`);
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    console.log(`\n${title}:`);
    for (const i of [...new Set(items)]) console.log(`  ${i}`);
  };
  list('Known words not read whole (word → what the reader made of it)', split);
  list('Words in no dictionary (names, numbers with units, missing terms)', unknown);
  list('Junk first senses', junk);
  list('Matches inside ASCII runs', insideAscii);
}

if (require.main === module) main();
