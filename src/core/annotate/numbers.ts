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

/** 两 (and 兩, 俩) counts two of something: never a month or a day (近两月 is two months). */
export const LIANG = /[两兩俩倆]/;

const MONTH_NAME = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** The month named by number (1–12): 5 → "May"; undefined for any other value. */
export function monthName(month: number): string | undefined {
  return Number.isInteger(month) && month >= 1 && month <= 12
    ? MONTH_NAME.format(Date.UTC(2000, month - 1, 1))
    : undefined;
}

export function ordinalWord(value: number): string {
  if (Number.isInteger(value) && value >= 0 && value <= 10) return ORDINALS[value];
  const n = formatNumber(value);
  const s = value % 100 >= 11 && value % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${n}${s}`;
}

/** How an English number is written, which decides whether it may stand without a Chinese one. */
export type EnglishNumberKind =
  /** Digits standing alone (8,800, 1.5, 2024, 30 %): an English number the Chinese must have. */
  | 'digits'
  /** Digits inside a code or name (A380, H1, Q3, 5G, FY2024): paired when it can be, never extra. */
  | 'code'
  /** Number words (two, twenty-five, a dozen, first), months, and both/pair/twin for 两: never extra. */
  | 'word';

export interface EnglishNumber {
  readonly value: number;
  readonly start: number;
  readonly end: number;
  readonly kind: EnglishNumberKind;
  /** A cardinal number word from two up (two, twenty-five, a dozen, a hundred): may be extra. */
  readonly cardinal?: boolean;
}

const TEENS = ['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const MONTHS = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
/** Word → value for the words read as numbers on their own. */
const WORD_VALUES = new Map<string, number>([
  ...WORDS.map((w, i) => [w, i] as [string, number]),
  ...TEENS.map((w, i) => [w, 11 + i] as [string, number]),
  ...TENS.map((w, i) => [w, 20 + 10 * i] as [string, number]),
  ...ORDINALS.slice(1).map((w, i) => [w, i + 1] as [string, number]),
  ['dozen', 12],
  // 两台 is "both machines", 一对 "a pair", 双 "twin"
  ['both', 2],
  ['pair', 2],
  ['twin', 2],
  // 两倍 is "twice", "double"
  ['twice', 2],
  ['double', 2],
]);
/** Months (January, Sept.) are 1–12: 2024年3月 is "March 2024". "May" only capitalised (it is a verb). */
/** Number words that count things (two … ninety, dozen): not one, ordinals, both/pair/twin/twice/double. */
const CARDINALS = new Set([...WORDS.slice(2), ...TEENS, ...TENS, 'dozen']);
const MONTH_VALUES = new Map<string, number>(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1])));
const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

const NUMBER_TOKEN = new RegExp(
  [
    // digits, with separators and decimals, an ordinal suffix (2nd) or a scale right after (1.2bn)
    '(?<digits>\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?:st|nd|rd|th|mn|bn|tn)?',
    // number words, hyphenated tens (twenty-five)
    `(?<word>\\b(?:${[...WORD_VALUES.keys()].join('|')})(?:-(?:${WORDS.slice(1, 10).join('|')}))?\\b)`,
    `(?<month>\\b(?:${[...MONTH_VALUES.keys()].join('|')})\\b\\.?)`,
    // "a hundred", "a thousand" units
    '(?<scaleword>\\ba\\s+(?:hundred|thousand|million|billion|trillion)\\b)',
  ].join('|'),
  'gi',
);
const SCALE_AFTER = /^[\s-]*(hundred|thousand|million|billion|trillion|mn|bn|tn)\b/i;
const LETTER = /[A-Za-z]/;

/**
 * Numbers written in English, in order: digits with or without separators (8,800; 1.5; 2nd),
 * number words (one … ninety, twenty-five, a dozen), a scale after either (1.2 million, 12
 * thousand, two hundred, 1.5bn), months (March = 3), and both/pair/twin (= 2, for 两).
 */
export function findEnglishNumbers(text: string): EnglishNumber[] {
  const out: EnglishNumber[] = [];
  for (const m of text.matchAll(NUMBER_TOKEN)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    let value: number;
    let kind: EnglishNumberKind = 'word';
    let cardinal = false;
    const g = m.groups ?? {};
    if (g.digits !== undefined) {
      value = Number(g.digits.replace(/,/g, ''));
      const suffix = m[0].slice(g.digits.length).toLowerCase();
      if (suffix in SCALES) value *= SCALES[suffix];
      // A5 or 5G: digits joined to letters are a code's, unless the letters are the suffix read.
      // COVID-19 and Euro-6 are names too.
      const before = text[start - 1] === '-' ? text[start - 2] : text[start - 1];
      const joined = LETTER.test(before ?? '') || (suffix === '' && LETTER.test(text[end] ?? ''));
      kind = joined ? 'code' : 'digits';
    } else if (g.word !== undefined) {
      const [tens, unit] = g.word.toLowerCase().split('-');
      value = WORD_VALUES.get(tens)! + (unit ? WORDS.indexOf(unit) : 0);
      cardinal = CARDINALS.has(tens);
      // "a dozen" (the article is part of it) is 12; "dozens" is no number (the \b stops at "dozen").
    } else if (g.scaleword !== undefined) {
      value = SCALES[g.scaleword.split(/\s+/)[1].toLowerCase()];
      cardinal = true;
    } else {
      // A month is capitalised (march, dec and may are words); May before a verb is the verb.
      if (!/^[A-Z]/.test(m[0]) || (m[0] === 'May' && /^\s+(?:be|have|not|also|need)\b/.test(text.slice(end)))) continue;
      value = MONTH_VALUES.get(m[0].replace(/\.$/, '').toLowerCase())!;
    }
    const scale = SCALE_AFTER.exec(text.slice(end));
    if (scale && (g.digits === undefined || !/[a-z]$/i.test(m[0]))) {
      value *= SCALES[scale[1].toLowerCase()];
      end += scale[0].length;
      // "two hundred thousand": a second scale after the first
      const again = SCALE_AFTER.exec(text.slice(end));
      if (again && SCALES[again[1].toLowerCase()] > SCALES[scale[1].toLowerCase()]) {
        value *= SCALES[again[1].toLowerCase()];
        end += again[0].length;
      }
    }
    out.push(cardinal ? { value, start, end, kind, cardinal } : { value, start, end, kind });
  }
  return out;
}
