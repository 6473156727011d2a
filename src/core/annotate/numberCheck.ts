/**
 * Numbers both ways, as Xbench's numeric check does: every Chinese quantity needs its English
 * counterpart (8800吨 = 8,800 t, 两台 = two or both, 1.2万 = 12,000 or 12 thousand, 1.5亿元 = 150
 * million yuan, 2024年3月 = March 2024), and every number the English writes in digits needs a
 * Chinese one. Number words, months and codes (A380, Q3, 5G) pair with a Chinese number when they
 * can but are never "extra": "one of the largest", "H1" and "second" are idiom, not quantities.
 */
import { findEnglishNumbers, findNumbers, isQuantity, type EnglishNumber, type NumberToken } from './numbers';

export interface NumberPairing {
  /** Chinese quantities no English number has the value of, in text order. */
  readonly missing: readonly NumberToken[];
  // (A Chinese number inside a name, 5G or Mate40, is never missing: the name is the term check's.)
  /** English numbers in digits that no Chinese number has the value of, in text order. */
  readonly extra: readonly EnglishNumber[];
}

/** Equal values, allowing for decimals printed from binary fractions (1.2万 is 12,000). */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/**
 * Pairs the numbers of `chinese` with those of `english` by value, each used once; only quantities
 * (isQuantity: 一体化 holds no number) are missing when unpaired.
 */
export function pairNumbers(chinese: string, english: string): NumberPairing {
  const ours = findEnglishNumbers(english);
  const oursValues = ours.map((e, k) => englishValuesOf(english, e, ours[k + 1]));
  const used = new Uint8Array(ours.length);
  const theirs = findNumbers(chinese);
  const missing: NumberToken[] = [];
  // Quantities first, so that a Chinese 一 of 之一 cannot take the English "one" a 一台 needs.
  const quantityOf = (n: NumberToken) => isQuantity(chinese, n) && !isCode(chinese, n);
  const order = theirs.map((n, k) => ({ n, values: valuesOf(chinese, n, theirs[k + 1]) }));
  order.sort((a, b) => Number(quantityOf(b.n)) - Number(quantityOf(a.n)));
  for (const { n, values } of order) {
    const quantity = quantityOf(n);
    // Digits pair first (8,800 before "eight"), then codes, then words. A Chinese number that is no
    // quantity (the 一 of 一体化) takes no English digits: those stay to be found extra.
    let best = -1;
    for (let k = 0; k < ours.length; k++) {
      if (used[k] || !values.some((v) => oursValues[k].some((w) => same(w, v)))) continue;
      if (!quantity && ours[k].kind === 'digits') continue;
      if (best < 0 || rank(ours[k]) < rank(ours[best])) best = k;
    }
    if (best >= 0) used[best] = 1;
    // A value the Chinese repeats may be written once (2024年2月20日至2024年3月19日 is "from 20
    // February to 19 March 2024"): only a value the English never writes is missing.
    else if (quantity && !ours.some((_, k) => values.some((v) => oursValues[k].some((w) => same(w, v))))) {
      missing.push(n);
    }
  }
  missing.sort((a, b) => a.start - b.start);
  const extra = ours.filter((e, k) => !used[k] && e.kind === 'digits');
  return { missing, extra };
}

const rank = (e: EnglishNumber) => (e.kind === 'digits' ? 0 : e.kind === 'code' ? 1 : 2);

const LATIN = /[A-Za-z]/;
/** Digits joined to Latin letters in the Chinese (5G, P60, Mate40, A380) are a name's, not a quantity. */
const isCode = (text: string, n: NumberToken) =>
  !n.chinese && (LATIN.test(text[n.start - 1] ?? '') || LATIN.test(text[n.end] ?? ''));

/** Marks between the two ends of a range: 200-400万台, 3～5台, 三至五台. */
const RANGE_MARK = /^\s*[-‐–—~～至到]\s*$/u;
const SCALE_OF: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

const ENGLISH_RANGE_MARK = /^\s*(?:[-‐–—~]|to)\s*$/;
const ENGLISH_SCALE = /(thousand|million|billion|bn|mn)$/i;
const ENGLISH_SCALE_OF: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, bn: 1e9, mn: 1e6 };

/** The values of an English number: its own, and scaled like the range's second end (2–4 million). */
function englishValuesOf(text: string, e: EnglishNumber, next: EnglishNumber | undefined): number[] {
  if (!next || !ENGLISH_RANGE_MARK.test(text.slice(e.end, next.start))) return [e.value];
  const scale = ENGLISH_SCALE.exec(text.slice(next.start, next.end));
  if (!scale || ENGLISH_SCALE.test(text.slice(e.start, e.end))) return [e.value];
  return [e.value, e.value * ENGLISH_SCALE_OF[scale[1].toLowerCase()]];
}

/**
 * The values an English number may give for `n`: its own, and for the first end of a range whose
 * scale is written once (200-400万台 is 2–4 million units) the value scaled like the second end.
 */
function valuesOf(text: string, n: NumberToken, next: NumberToken | undefined): number[] {
  if (!next || !RANGE_MARK.test(text.slice(n.end, next.start))) return [n.value];
  const scale = SCALE_OF[text[next.end - 1]];
  return scale && !(text[n.end - 1] in SCALE_OF) ? [n.value, n.value * scale] : [n.value];
}
