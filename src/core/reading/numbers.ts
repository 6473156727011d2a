/**
 * Numbers as Chinese text writes them: Arabic (8800, 8,800, 1.5) and Chinese numerals (一, 两, 十二,
 * 三千五百, 1.2万, 3亿, 第二), as values, and where a number with its classifier or unit ends. Read
 * by the segmentation (a quantity is one word) and by drafts and QA (annotate/numbers.ts writes
 * their English).
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

/** Code units that can start a number: ASCII digits, Chinese numerals, 第. */
const STARTS = new Uint8Array(0x10000);
for (const ch of [...'0123456789第', ...NUMERAL_CHARS]) STARTS[ch.charCodeAt(0)] = 1;
/** NUMERAL_CHARS by code unit: the scan reads code units, making no one-character strings. */
const NUMERAL = new Uint8Array(0x10000);
for (const ch of NUMERAL_CHARS) NUMERAL[ch.charCodeAt(0)] = 1;
const ORDINAL = '第'.charCodeAt(0);
/** DIGITS by code unit (-1: not a digit). */
const DIGIT_VALUE = new Int8Array(0x10000).fill(-1);
for (const [ch, v] of Object.entries(DIGITS)) DIGIT_VALUE[ch.charCodeAt(0)] = v;
const BIG_UNIT = new Uint8Array(0x10000);
for (const ch of Object.keys(BIG_UNITS)) BIG_UNIT[ch.charCodeAt(0)] = 1;
const ARABIC = /\d+(?:,\d{3})*(?:\.\d+)?/y;
/**
 * 兆 scales a number by 10¹² only in 兆元 (51.9兆元: Taiwan writes trillions so); elsewhere it is
 * mega (5兆瓦 = 5 MW, 280兆帕). Only before 元: a number word is read alone later (the hover's made
 * entry), and the scale must be seen there too, so the currency has to be part of the word.
 */
const TRILLION = '兆'.charCodeAt(0);
const YUAN = '元'.charCodeAt(0);
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Every number in text[start, end), in order. A 万/亿 right after an Arabic number scales it
 * (1.2万 → 12,000). Positions that cannot start a number are passed over by one table lookup: the
 * segmentation runs this over every passage.
 */
export function findNumbers(text: string, start = 0, end = text.length): NumberToken[] {
  const out: NumberToken[] = [];
  let i = start;
  while (i < end) {
    if (STARTS[text.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const ordinal = text.charCodeAt(i) === ORDINAL;
    const from = ordinal ? i + 1 : i;
    ARABIC.lastIndex = from;
    // Chinese numerals are most of the starts (一 is among the commonest characters): the regex
    // runs only where it can match, on a digit.
    const arabic = from < end && isDigit(text.charCodeAt(from)) ? ARABIC.exec(text) : null;
    if (arabic && from + arabic[0].length <= end) {
      let to = from + arabic[0].length;
      let value = Number(arabic[0].includes(',') ? arabic[0].replace(/,/g, '') : arabic[0]);
      if (to < end && BIG_UNIT[text.charCodeAt(to)] === 1) {
        value *= BIG_UNITS[text[to]];
        to++;
      } else if (to + 1 < end && text.charCodeAt(to) === TRILLION && text.charCodeAt(to + 1) === YUAN) {
        value *= 1e12;
        to++;
      }
      out.push({ start: i, end: to, value, chinese: false, ordinal });
      i = to;
      continue;
    }
    let to = from;
    while (to < end && NUMERAL[text.charCodeAt(to)] === 1) to++;
    // One numeral alone (一 of 一些, 统一) is most runs: its value is the table's, or it is a unit.
    if (to === from + 1 && !ordinal) {
      const digit = DIGIT_VALUE[text.charCodeAt(from)];
      if (digit >= 0) {
        out.push({ start: i, end: to, value: digit, chinese: true, ordinal });
        i = to;
        continue;
      }
    } else if (to > from) {
      const run = text.slice(from, to);
      const value = chineseNumeralValue(run);
      // A lone unit character (万, 千) without digits is a word, not a number.
      if (!Number.isNaN(value) && (run.length > 1 || run in DIGITS || ordinal)) {
        out.push({ start: i, end: to, value, chinese: true, ordinal });
        i = to;
        continue;
      }
    }
    i = ordinal ? i + 1 : Math.max(to, i + 1);
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
export function isQuantity(text: string, n: NumberToken, end: number = text.length): boolean {
  if (!n.chinese || n.ordinal) return true;
  // A lone 零 before a measure word is a word's (零件 "part"): nobody writes zero pieces so.
  if (n.end - n.start === 1 && n.value === 0) return false;
  // Not past the end of the range read: a range's reading must not depend on text outside it.
  if (n.end < end && MEASURES.has(text[n.end])) return true;
  return n.end - n.start > 1 && /[十拾百佰千仟万萬亿億]/.test(text.slice(n.start, n.end));
}

/**
 * Classifiers and units a draft carries into English with its number (the draft engine's table
 * gives their English): a number followed by one is one phrase, 8800吨, 三台, 第二批 aside.
 */
const PHRASE_UNITS = new Set([...'台件家套条座个元吨']);

/**
 * Where the number phrase starting with `n` ends, as the draft engine reads it: the number, its
 * unit (8800吨, 三台), and for 2台6000吨 the size after the count. `next` is the number after `n`,
 * `end` the bound of the text read (the passage's end).
 */
export function quantityEnd(text: string, n: NumberToken, next: NumberToken | undefined, end: number): number {
  if (n.end >= end || !PHRASE_UNITS.has(text[n.end])) return n.end;
  if (text[n.end] === '台' && next && !next.chinese && next.start === n.end + 1 && next.end < end) {
    if (text[next.end] === '吨') return next.end + 1;
  }
  return n.end + 1;
}

/**
 * Classifiers and units the reader keeps with a number as one word (2奈米, 第四代, 42座, 一轮),
 * beyond the draft's own (PHRASE_UNITS): single characters, then longer units, written simplified
 * (the lexicon reads numbers on the folded text, so 週年 and 公尺 are found as 周年 and 公尺). Not
 * 分 or 点 after Chinese numerals: 十分 is "very", 一点 "a little". Currencies stay words of their own
 * (5.786亿 | 美元), as 元 alone does not (2500万元).
 */
const READING_UNITS = new Set([
  ...'台件家套条座个元吨年月日天周季代轮届期批次项款种位名辆架艘片宗股层栋间所张笔坪亩户',
]);
const ARABIC_ONLY_UNITS = new Set([...'分点秒倍度米克升%％']);
const LONG_UNITS = [
  '平方公里',
  '平方公尺',
  '平方米',
  '立方米',
  '纳米',
  '奈米',
  '微米',
  '毫米',
  '厘米',
  '公分',
  '公尺',
  '公里',
  '公斤',
  '千克',
  '千米',
  '英寸',
  '周年',
  '月份',
  '小时',
  '分钟',
  '季度',
  // The end of a month or year goes with its date (9月底 "end of September"), unless 底 or 末 starts
  // a word (END_WORD_STARTS). Not 初 or 中: 2023年初步 is "preliminary", 5月中国 "China in May".
  '月底',
  '月末',
  '年底',
  '年末',
  // 2021年度 "(fiscal) year 2021", 1990年代 "the 1990s".
  '年度',
  '年代',
  '万元',
  '亿元',
];

/** The ends of a month or year, and the characters after them that make a word of 底 or 末 (2024年 | 底盘). */
const DATE_ENDS = new Set(['月底', '月末', '年底', '年末']);
const END_WORD_STARTS = new Set([...'盘座部层板线价漆片材面端期']);

/** First code units of LONG_UNITS: after most numbers none follows, and one lookup says so. */
const LONG_UNIT_STARTS = new Uint8Array(0x10000);
for (const u of LONG_UNITS) LONG_UNIT_STARTS[u.charCodeAt(0)] = 1;

/** Length of the unit a reading number word takes at `at` (0: none). */
function readingUnitLength(text: string, at: number, end: number, arabic: boolean): number {
  if (at >= end) return 0;
  if (LONG_UNIT_STARTS[text.charCodeAt(at)] === 1) {
    for (const u of LONG_UNITS) {
      if (at + u.length > end || !text.startsWith(u, at)) continue;
      if (DATE_ENDS.has(u) && at + 2 < end && END_WORD_STARTS.has(text[at + 2])) break;
      return u.length;
    }
  }
  const c = text[at];
  return READING_UNITS.has(c) || (arabic && ARABIC_ONLY_UNITS.has(c)) ? 1 : 0;
}

/**
 * The number phrases of text[start, end) that the reader keeps whole, as a flat list of [start,
 * end) pairs in text order: Arabic numbers, ordinals, Chinese numerals before a unit or of several
 * characters (一体化 holds none), each with its unit (the draft's, 2台6000吨, or a reading unit,
 * 2奈米, 第四代, 一轮). The segmentation lets no word cross one (8800吨 holds no 88, 2台6000吨 no
 * 台6) and reads each as one word.
 */
export function numberPhrases(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  const numbers = findNumbers(text, start, end);
  let covered = start;
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k];
    if (n.start < covered) continue; // the size of 2台6000吨, already in the phrase before it
    const unit = readingUnitLength(text, n.end, end, !n.chinese);
    const read = !n.chinese || n.ordinal || unit > 0 || n.end - n.start > 1;
    if (!read || (unit === 0 && !isQuantity(text, n, end))) continue;
    const drafted = quantityEnd(text, n, numbers[k + 1], end);
    covered = Math.max(drafted, n.end + unit);
    out.push(n.start, covered);
  }
  return out;
}

/** Every character other than ASCII digits that the number phrases depend on (numerals, 第, units). */
export const NUMBER_CHARACTERS = [
  ...new Set([
    ...NUMERAL_CHARS,
    '第',
    '兆',
    ...MEASURES,
    ...PHRASE_UNITS,
    ...READING_UNITS,
    ...ARABIC_ONLY_UNITS,
    ...LONG_UNITS.join(''),
  ]),
].join('');
