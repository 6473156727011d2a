/**
 * Numbers in Chinese text: Arabic (8800, 8,800, 1.5) and Chinese numerals (一, 两, 十二, 三千五百,
 * 1.2万, 3亿, 第二), as values, and their English form with thousands separators.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  俩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000, 億: 100_000_000 };

export interface NumberToken {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  /** Written with Chinese numerals (一台 reads "one", 1台 reads "1"). */
  readonly chinese: boolean;
  /** Preceded by 第: an ordinal. */
  readonly ordinal: boolean;
}

const NUMERAL_CHARS = new Set([...Object.keys(DIGITS), ...Object.keys(SMALL_UNITS), ...Object.keys(BIG_UNITS)]);

/** Value of a run of Chinese numerals, or NaN. 十二 → 12, 三千五百 → 3500, 两万 → 20000. */
export function chineseNumeralValue(run: string): number {
  // 亿 groups above 万, which groups above 千/百/十: 一亿二千万 = 1 × 10⁸ + 2000 × 10⁴.
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit = -1;
  const pending = () => section + (digit < 0 ? 0 : digit);
  for (const ch of run) {
    if (ch in DIGITS) {
      digit = digit >= 0 ? digit * 10 + DIGITS[ch] : DIGITS[ch]; // 一九九八-style digit strings
    } else if (ch in SMALL_UNITS) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNITS[ch];
      digit = -1;
    } else if (BIG_UNITS[ch] === 10_000) {
      wan += (pending() || 1) * 10_000;
      section = 0;
      digit = -1;
    } else if (BIG_UNITS[ch] === 100_000_000) {
      yi = (yi + wan + pending() || 1) * 100_000_000;
      wan = 0;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return yi + wan + pending();
}

/** Every number in `text`, in order. A 万/亿 right after an Arabic number scales it (1.2万 → 12,000). */
export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ordinal = text[i] === '第';
    const from = ordinal ? i + 1 : i;
    const arabic = /^\d+(?:,\d{3})*(?:\.\d+)?/.exec(text.slice(from, from + 32));
    if (arabic) {
      let end = from + arabic[0].length;
      let value = Number(arabic[0].replace(/,/g, ''));
      if (text[end] in BIG_UNITS) {
        value *= BIG_UNITS[text[end]];
        end++;
      }
      out.push({ start: i, end, value, chinese: false, ordinal });
      i = end;
      continue;
    }
    let end = from;
    while (end < text.length && NUMERAL_CHARS.has(text[end])) end++;
    if (end > from) {
      const run = text.slice(from, end);
      const value = chineseNumeralValue(run);
      // A lone unit character (万, 千) without digits is a word, not a number.
      if (!Number.isNaN(value) && (run.length > 1 || run in DIGITS || ordinal)) {
        out.push({ start: i, end, value, chinese: true, ordinal });
        i = end;
        continue;
      }
    }
    i = ordinal ? i + 1 : Math.max(end, i + 1);
  }
  return out;
}

/** Classifiers and units: a Chinese numeral right before one of these is a quantity. */
const MEASURES = new Set([...'台件家套条座个元吨年月日人次倍项批辆吨公斤米%％']);

/**
 * Whether a number found in Chinese text is a quantity to carry into English. Arabic numbers always
 * are; Chinese numerals only with a measure word after them, 第 before them, or several numeral
 * characters (十二, 三千五百): 一体化 ("integrated") contains 一 but no number.
 */
export function isQuantity(text: string, n: NumberToken): boolean {
  if (!n.chinese || n.ordinal) return true;
  if (MEASURES.has(text[n.end] ?? '')) return true;
  return n.end - n.start > 1 && /[十拾百佰千仟万萬亿億]/.test(text.slice(n.start, n.end));
}

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
