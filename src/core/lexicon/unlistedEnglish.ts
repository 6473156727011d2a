/**
 * What readers say of an unlisted organisation name (unlistedNames.ts): the characters to look up,
 * and the English its industry words and suffixes suggest ("… Machinery Co., Ltd."), so the hover,
 * the term list, `scan --json`, the bilingual export and drafts describe it alike.
 */
import { isGlossaryEntry } from '../glossary/entry';
import { readingInContext } from '../reading/pinyin';
import { draftGloss } from './cedictSenses';
import type { Lexicon } from './lexicon';
import { suffixPieces, type NameRun } from './unlistedNames';

export interface UnlistedDescription {
  /** The characters to look up: the place names and the trade name (宁波永泰). */
  readonly name: string;
  /** English of the words after the name, capitalised: "Machinery Co., Ltd." ('' if none is known). */
  readonly kind: string;
  /** The same without the legal form ("Machinery"): what a draft writes after the name. */
  readonly kindShort: string;
}

const LEGAL = new Set(['Co., Ltd.', 'Company', 'Co.']);
const SMALL = new Set(['and', 'of', 'for', 'the', 'a', 'an', 'in', 'on']);

/** "parts and components" → "Parts and Components". */
function titleCase(english: string): string {
  return english
    .split(' ')
    .map((w, i) => (i > 0 && SMALL.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/** A word's first English: a glossary's preferred rendering, else the dictionary's draft gloss. */
function wordEnglish(word: string, lexicon: Lexicon): string | undefined {
  const entries = lexicon.lookup(word);
  const own = entries.find(isGlossaryEntry);
  if (own) return own.en[0];
  return draftGloss(entries.flatMap((e) => e.en));
}

export function describeUnlisted(text: string, run: NameRun, lexicon: Lexicon): UnlistedDescription {
  const industry = lexicon
    .segmentRange(text, run.tradeEnd, run.suffixStart)
    .map((step) => wordEnglish(text.slice(step.start, step.end), lexicon))
    .filter((e): e is string => e !== undefined)
    .map(titleCase);
  const chain = text.slice(run.suffixStart, run.end);
  const suffixes = suffixPieces(lexicon.foldTerm(chain) ?? chain).map((s) => s.en);
  const kind = [...industry, ...suffixes];
  return {
    name: text.slice(run.start, run.tradeEnd),
    kind: kind.join(' '),
    kindShort: kind.filter((e) => !LEGAL.has(e)).join(' '),
  };
}

/** Tone marks off, ü kept: "Níng bō" → "Ning bo". */
function toneless(syllable: string): string {
  return syllable
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0304\u030c]/g, '')
    .normalize('NFC');
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * The name part in pinyin as names are romanised, each place name one word and the trade name
 * one word (宁波永泰 → "Ningbo Yongtai"), read in the context of `text`.
 */
export function namePinyin(text: string, run: NameRun, lexicon: Lexicon): string {
  const syllables = readingInContext({ start: 0, text }, { start: run.start, end: run.tradeEnd }).split(' ');
  const words: string[] = [];
  let k = 0;
  const take = (from: number, to: number) => {
    const n = [...text.slice(from, to)].length;
    const w = syllables
      .slice(k, k + n)
      .map(toneless)
      .join('');
    k += n;
    if (w) words.push(capitalise(w.toLowerCase()));
  };
  for (const step of lexicon.segmentRange(text, run.start, run.tradeStart)) take(step.start, step.end);
  take(run.tradeStart, run.tradeEnd);
  return words.join(' ');
}
