/**
 * Numbers both ways, as Xbench's numeric check does: every Chinese quantity needs its English
 * counterpart (8800吨 = 8,800 t, 两台 = two or both, 1.2万 = 12,000 or 12 thousand, 1.5亿元 = 150
 * million yuan, 2024年3月 = March 2024), and every number the English writes in digits needs a
 * Chinese one. Number words, months and codes (A380, Q3, 5G) pair with a Chinese number when they
 * can but are never "extra": "one of the largest", "H1" and "second" are idiom, not quantities.
 * A unit written into an amount (亿元 in 28.03亿元) is rendered by the English amount (amountOf).
 */
import { foldToSimplified } from '../text/script';
import { findEnglishNumbers, findNumbers, isQuantity, type EnglishNumber, type NumberToken } from './numbers';
import type { TextSpan } from './termMatch';

export interface NumberPairing {
  /** Chinese quantities no English number has the value of, in text order. */
  readonly missing: readonly ChineseNumber[];
  // (A Chinese number inside a name, 5G or Mate40, is never missing: the name is the term check's.)
  /**
   * English numbers that no Chinese number has the value of, in text order: those in digits, and
   * cardinal number words from two up ("three 9,000-tonne machines"); never "one", ordinals,
   * months or both/pair, which are idiom as often as quantities.
   */
  readonly extra: readonly EnglishNumber[];
  /** Each Chinese number the English has, with the English number of that value (in Chinese order). */
  readonly paired: readonly { readonly chinese: NumberToken; readonly english: EnglishNumber }[];
}

/** A number of the Chinese as the check reads it. */
export interface ChineseNumber {
  readonly token: NumberToken;
  /** The values an English number may give for it: its own, 七成 as 70, 112年 as 2023 (valuesOf). */
  readonly values: readonly number[];
  /** A quantity: 九成, the first end of a range (三至五台) too; not 一体化's 一 nor the 5 of 5G. */
  readonly quantity: boolean;
  /**
   * The English must have it: a quantity, but not 一 before a classifier, which is often English's
   * article (一次 "a time", 一大利多 "a big boost").
   */
  readonly required: boolean;
}

/**
 * The numbers of `text` in text order, as pairNumbers reads them: on the simplified fold (兩 is
 * 两, 萬 is 万, offsets kept), 16 萬 and 15億2158萬 as one number each. A prompt that tells a
 * model the numbers reads them here, so it asks for exactly what the check looks for.
 */
export function readChineseNumbers(text: string): ChineseNumber[] {
  const chinese = foldToSimplified(text) ?? text;
  const theirs = chineseNumbers(chinese);
  // 九成 (90 %) is a quantity, and so is the first end of a range (三至四成, 三至五台).
  const quantityOf = (n: NumberToken, next: NumberToken | undefined): boolean =>
    (isQuantity(chinese, n) || chinese[n.end] === '成' || (next !== undefined && isRangeStart(chinese, n, next))) &&
    !isCode(chinese, n);
  return theirs.map((n, k) => {
    const quantity = quantityOf(n, theirs[k + 1]);
    const required = quantity && !(n.chinese && !n.ordinal && n.value === 1);
    return { token: n, values: valuesOf(chinese, n, theirs[k + 1]), quantity, required };
  });
}

/**
 * Pairs the numbers of `chinese` with those of `english` by value, each used once; only quantities
 * (isQuantity: 一体化 holds no number) are missing when unpaired.
 */
export function pairNumbers(text: string, english: string): NumberPairing {
  const ours = findEnglishNumbers(english);
  const oursValues = ours.map((e, k) => englishValuesOf(english, e, ours[k + 1]));
  const used = new Uint8Array(ours.length);
  const missing: ChineseNumber[] = [];
  const paired: { chinese: NumberToken; english: EnglishNumber }[] = [];
  const pairs = (k: number, values: readonly number[]) =>
    values.some((v) => oursValues[k].values.some((w) => Math.abs(w - v) <= oursValues[k].tolerance));
  // Quantities first, so that a Chinese 一 of 之一 cannot take the English "one" a 一台 needs.
  const order = readChineseNumbers(text);
  order.sort((a, b) => Number(b.quantity) - Number(a.quantity));
  for (const number of order) {
    const { token: n, values, quantity, required } = number;
    // Digits pair first (8,800 before "eight"), then codes, then words. Chinese numerals that are no
    // quantity take English digits only after the quantities (五廠 is "Plant 5"), and the 一 of
    // 一体化 or 之一 none: those stay to be found extra.
    let best = -1;
    for (let k = 0; k < ours.length; k++) {
      if (used[k] || !pairs(k, values)) continue;
      if (!quantity && n.chinese && n.value === 1 && ours[k].kind === 'digits') continue;
      if (best < 0 || rank(ours[k]) < rank(ours[best])) best = k;
    }
    if (best >= 0) {
      used[best] = 1;
      paired.push({ chinese: n, english: ours[best] });
      continue;
    }
    // A value the Chinese repeats may be written once (2024年2月20日至2024年3月19日 is "from 20
    // February to 19 March 2024"): only a value the English never writes is missing.
    const again = ours.findIndex((_, k) => pairs(k, values));
    if (again >= 0) paired.push({ chinese: n, english: ours[again] });
    else if (required) missing.push(number);
  }
  missing.sort((a, b) => a.token.start - b.token.start);
  paired.sort((a, b) => a.chinese.start - b.chinese.start);
  const extra = ours.filter((e, k) => !used[k] && (e.kind === 'digits' || e.cardinal));
  return { missing, extra, paired };
}

const rank = (e: EnglishNumber) => (e.kind === 'digits' ? 0 : e.kind === 'code' ? 1 : 2);

const LATIN = /[A-Za-z]/;
/** Units written in Latin letters after a number: 280MPa, 28GHz, 6000T and 0.50万t are quantities. */
const LATIN_UNIT =
  /^(?:[nµμmck]?m|[mk]?g|t|T|[kMG]?N|[kMG]?Pa|[kMGT]?Wh?|[kM]?V|[kMG]?Hz|m?Ah|rpm|bar|ppm|L|ml|mL|kt|Mt)(?![A-Za-z])/;
/**
 * Digits joined to Latin letters in the Chinese are a name's (5G, P60, Mate40, A380), not a
 * quantity, unless the letters after them are a unit.
 */
function isCode(text: string, n: NumberToken): boolean {
  if (n.chinese) return false;
  if (LATIN.test(text[n.start - 1] ?? '')) return true;
  return LATIN.test(text[n.end] ?? '') && !LATIN_UNIT.test(text.slice(n.end));
}

const SCALE_OF: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const SPACED_SCALE = /^\s+([万萬亿億])/u;

/**
 * The numbers of the Chinese as a reader takes them: 16 萬 (a space before the scale) is 160,000,
 * and 15億2158萬 one number, 1,521,580,000.
 */
function chineseNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const n of findNumbers(text)) {
    let token = n;
    const spaced = !n.chinese && !(text[n.end - 1] in SCALE_OF) ? SPACED_SCALE.exec(text.slice(n.end)) : null;
    if (spaced) token = { ...n, end: n.end + spaced[0].length, value: n.value * SCALE_OF[spaced[1]] };
    const last = out[out.length - 1];
    const joins = last && last.end === token.start && /[亿億]/.test(text[last.end - 1]) && token.value < 1e8;
    if (joins && /[万萬]/.test(text[token.end - 1]))
      out[out.length - 1] = { ...last, end: token.end, value: last.value + token.value };
    else out.push(token);
  }
  return out;
}

/** Marks between the two ends of a range: 200-400万台, 3～5台, 三至五台. */
const RANGE_MARK = /^\s*[-‐–—~～至到]\s*$/u;
/** Whether `n` starts a range whose second end, `next`, is a quantity (三至五台, 三至四成). */
function isRangeStart(text: string, n: NumberToken, next: NumberToken): boolean {
  return RANGE_MARK.test(text.slice(n.end, next.start)) && (isQuantity(text, next) || text[next.end] === '成');
}

/** ROC (Minguo) years as Taiwan writes them: 94年 is 2005, 112年 is 2023. */
const MINGUO_OFFSET = 1911;

/**
 * The values an English number may give for `n`: its own; tenths (七成) as a percentage (70 %);
 * a year of up to three digits as an ROC year (112年 = 2023); and for the first end of a range
 * whose scale is written once (200-400万台 = 2–4 million units, 三至四成 = 30–40 %) the value
 * scaled like the second end.
 */
function valuesOf(text: string, n: NumberToken, next: NumberToken | undefined): number[] {
  const values = [n.value];
  if (text[n.end] === '成') values.push(n.value * 10);
  if (!n.chinese && text[n.end] === '年' && n.end - n.start <= 3 && n.value >= 1) values.push(n.value + MINGUO_OFFSET);
  if (next && RANGE_MARK.test(text.slice(n.end, next.start))) {
    const scale = text[next.end] === '成' ? 10 : SCALE_OF[text[next.end - 1]];
    if (scale && !(text[n.end - 1] in SCALE_OF)) values.push(n.value * scale);
  }
  return values;
}

const ENGLISH_RANGE_MARK = /^\s*(?:[-‐–—~]|to)\s*$/;
const ENGLISH_SCALE = /(thousand|million|billion|trillion|bn|mn|tn)$/i;
const ENGLISH_SCALE_OF: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  bn: 1e9,
  mn: 1e6,
  tn: 1e12,
};

/**
 * The values of an English number and how far from them a Chinese value may be: its own value,
 * and scaled like the range's second end (2–4 million); a scaled figure stands for what rounds to
 * it (1.522 billion for 15億2158萬), other figures are exact.
 */
function englishValuesOf(
  text: string,
  e: EnglishNumber,
  next: EnglishNumber | undefined,
): { values: number[]; tolerance: number } {
  const written = text.slice(e.start, e.end);
  const own = ENGLISH_SCALE.exec(written);
  const decimals = /\.(\d+)/.exec(written)?.[1].length ?? 0;
  const tolerance = own ? 0.5 * 10 ** -decimals * ENGLISH_SCALE_OF[own[1].toLowerCase()] : 1e-9 * Math.max(1, e.value);
  if (!next || own || !ENGLISH_RANGE_MARK.test(text.slice(e.end, next.start))) return { values: [e.value], tolerance };
  const scale = ENGLISH_SCALE.exec(text.slice(next.start, next.end));
  return { values: scale ? [e.value, e.value * ENGLISH_SCALE_OF[scale[1].toLowerCase()]] : [e.value], tolerance };
}

/** A currency marker before an English amount (US$, NT$, HK$, $, ¥, €, £, RMB, CNY, USD…). */
const CURRENCY_BEFORE = /(?:\b[A-Z]{1,3}\$|\$|[¥￥€£]|\b(?:RMB|CNY|USD|NTD|TWD|HKD|EUR|JPY|yuan|renminbi))\s*$/;
/** A currency word after an English amount ("yuan", "dollars", "New Taiwan dollars", "RMB"). */
const CURRENCY_AFTER = new RegExp(
  String.raw`^\s*(?:yuan|renminbi|RMB|CNY|USD|NTD|TWD|HKD|EUR|JPY|euros?|yen|` +
    String.raw`(?:US|U\.S\.|NT|HK|New Taiwan|Hong Kong|Taiwan)?\s*dollars?)\b`,
  'i',
);
/** Chinese units that are currencies: 元 (亿元, 万元, 美元), 币 (新台币, 港币), 圆. */
const CURRENCY_UNIT = /[元币幣圆圓]/u;

/** A glossary term's place in the Chinese. */
export interface TermPlace {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The English that renders `term` when the term is the unit of a Chinese amount the English has:
 * the term shares the amount's characters (the 亿 of 亿元 in 28.03亿元 is the number's scale) or, a
 * currency, follows it (27.93億美元). The converted amount says the unit: 28.03亿元 is "2.803
 * billion yuan", "RMB 2.803 billion" or, in Taiwan, "NT$2.803 billion", so "100 million yuan" is
 * not to be looked for, and "billion yuan" (亿元's forbidden rendering, for 28.03 billion yuan) is
 * right there. A currency also needs a currency marker beside the English amount. Returns the
 * English amount with its currency word, or undefined.
 */
export function amountOf(pairing: NumberPairing, english: string, term: TermPlace): TextSpan | undefined {
  const currency = CURRENCY_UNIT.test(term.text);
  for (const { chinese: n, english: e } of pairing.paired) {
    const shares = n.start < term.end && term.start < n.end;
    if (!shares && !(currency && n.end === term.start)) continue;
    if (!currency) return { start: e.start, end: e.end };
    const after = CURRENCY_AFTER.exec(english.slice(e.end));
    if (after) return { start: e.start, end: e.end + after[0].length };
    if (CURRENCY_BEFORE.test(english.slice(Math.max(0, e.start - 12), e.start))) return { start: e.start, end: e.end };
  }
  return undefined;
}
