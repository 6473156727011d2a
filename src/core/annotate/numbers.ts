/**
 * Numbers in English: Chinese quantities (read by reading/numbers.ts) written with thousands
 * separators and number words, and the numbers an English annotation contains.
 */
export { chineseNumeralValue, findNumbers, isQuantity, quantityEnd, type NumberToken } from '../reading/numbers';

/** 8800 → "8,800"; 1.5 → "1.5". */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ORDINALS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** "one", "two" … for small numbers written in Chinese numerals; digits otherwise. */
export function numberWord(value: number): string {
  return Number.isInteger(value) && value >= 0 && value <= 10 ? WORDS[value] : formatNumber(value);
}

export function ordinalWord(value: number): string {
  if (Number.isInteger(value) && value >= 0 && value <= 10) return ORDINALS[value];
  const n = formatNumber(value);
  const s = value % 100 >= 11 && value % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${n}${s}`;
}

/** Digits with or without separators, and the number words and ordinals (not "zeroth") above. */
const ENGLISH_NUMBER = new RegExp(
  `\\d+(?:,\\d{3})*(?:\\.\\d+)?|\\b(?:${[...WORDS, ...ORDINALS.slice(1)].join('|')})\\b`,
  'gi',
);

/** Numbers written in English: digits with or without separators, and the words one…ten. */
export function findEnglishNumbers(text: string): { value: number; start: number; end: number }[] {
  const out: { value: number; start: number; end: number }[] = [];
  for (const m of text.matchAll(ENGLISH_NUMBER)) {
    const w = m[0].toLowerCase();
    const word = WORDS.indexOf(w);
    const ordinal = ORDINALS.indexOf(w);
    const value = word >= 0 ? word : ordinal >= 0 ? ordinal : Number(w.replace(/,/g, ''));
    let end = (m.index ?? 0) + m[0].length;
    // "1.2 million", "3 billion"
    const scale = /^\s*(thousand|million|billion)\b/i.exec(text.slice(end));
    let v = value;
    if (scale) {
      v *= { thousand: 1e3, million: 1e6, billion: 1e9 }[scale[1].toLowerCase() as 'thousand'];
      end += scale[0].length;
    }
    out.push({ value: v, start: m.index ?? 0, end });
  }
  return out;
}
