/**
 * Organisation names nobody listed: a run such as 宁波永泰机械有限公司 or 厦芝精密 that no glossary
 * has, read as one unit so that it is never glossed piece by piece ("peaceful forever machinery").
 * A Chinese company name is built as place + trade name + industry + organisational form
 * (行政区划 + 字号 + 行业 + 组织形式); this file finds the form (a suffix from ORG_SUFFIXES, chained:
 * 科技股份有限公司) and walks left from it word by word: industry words, then a trade name of rare
 * characters, then place names, stopping at a grammar word, a verb, punctuation or a common word
 * before the trade name. What the words are comes from the lexicon through `NameWords`, so this file
 * holds only the shape of a name, and the segmentation offers each run found as one more candidate.
 */
import { TermIndex } from './termIndex';

export interface OrgSuffix {
  /** Simplified; traditional text is matched through the fold (集團, 電子, 協會). */
  readonly zh: string;
  readonly en: string;
  /**
   * An organisational form after which a place name alone is a name (宁波大学, 中国汽车工业协会);
   * not 公司 ("the Ningbo company") nor the industry words stock short names end in (科技, 精密).
   * With one of these the name is a full legal one, whose trade name may be any characters.
   */
  readonly placeName?: boolean;
  /** A legal form ends the name: nothing after 有限公司 belongs to it (有限公司汽车 is two words). */
  readonly final?: boolean;
  /** Too general to end a name on its own (储运技术, 发电技术): only inside a chain (液压技术). */
  readonly inner?: boolean;
}

/** Chosen from company filings, Taiwan and Hong Kong announcements and trade press (test/fixtures/names/). */
export const ORG_SUFFIXES: readonly OrgSuffix[] = [
  { zh: '股份有限公司', en: 'Co., Ltd.', placeName: true, final: true },
  { zh: '有限责任公司', en: 'Co., Ltd.', placeName: true, final: true },
  { zh: '有限公司', en: 'Co., Ltd.', placeName: true, final: true },
  { zh: '公司', en: 'Company', final: true },
  { zh: '集团', en: 'Group', placeName: true },
  { zh: '控股', en: 'Holdings' },
  { zh: '股份', en: 'Co.' },
  { zh: '研究院', en: 'Research Institute', placeName: true },
  { zh: '研究所', en: 'Research Institute', placeName: true },
  { zh: '大学', en: 'University', placeName: true },
  { zh: '学院', en: 'College', placeName: true },
  { zh: '协会', en: 'Association', placeName: true },
  { zh: '公会', en: 'Association', placeName: true },
  { zh: '学会', en: 'Society', placeName: true },
  { zh: '银行', en: 'Bank', placeName: true },
  { zh: '科技', en: 'Technology' },
  { zh: '技术', en: 'Technology', inner: true },
  { zh: '精密', en: 'Precision' },
  { zh: '精工', en: 'Precision' },
  { zh: '电子', en: 'Electronics' },
  { zh: '光电', en: 'Optoelectronics' },
  { zh: '电气', en: 'Electric' },
  { zh: '汽车', en: 'Automobile' },
  { zh: '实业', en: 'Industrial' },
  { zh: '工业', en: 'Industries' },
  { zh: '机械', en: 'Machinery' },
  { zh: '机电', en: 'Electromechanical' },
  { zh: '压铸', en: 'Die Casting' },
  { zh: '铸造', en: 'Foundry' },
  { zh: '模具', en: 'Mould' },
  { zh: '液压', en: 'Hydraulics' },
  { zh: '轮毂', en: 'Wheels' },
  { zh: '铝业', en: 'Aluminium' },
  { zh: '钢铁', en: 'Steel' },
  { zh: '新材料', en: 'New Materials' },
  { zh: '材料', en: 'Materials' },
  { zh: '能源', en: 'Energy' },
  { zh: '半导体', en: 'Semiconductor' },
  { zh: '智能', en: 'Intelligent' },
  { zh: '装备', en: 'Equipment' },
];

/** What a word of the lexicon is, as far as the shape of a name cares. */
export type NameWordKind =
  /** A grammar word or a determiner (的, 与, 本, 该): a name never holds one. */
  | 'stop'
  /** A place name (宁波, 广东, 台湾) or 市/省/县/区. */
  | 'place'
  /** A frequent word (供应商, 时代, 收购) or a glossary's term: industry words of a name, never its trade name. */
  | 'common'
  /** A word rarely seen (鸿图, 沐恩, 创业投资): the stuff of trade names. */
  | 'rare'
  /** A character that is no word with its neighbours (惠 of 惠通): the stuff of trade names too. */
  | 'single'
  /** A name a glossary or the dictionary already knows (文灿, 博世 Bosch): not an unlisted name. */
  | 'known';

export interface NameWord {
  readonly start: number;
  readonly kind: NameWordKind;
  /** The general dictionary's frequency cost of the word (UNKNOWN_FREQUENCY_COST if it lacks it). */
  readonly cost: number;
}

/** The lexicon as the finder sees it. */
export interface NameWords {
  /**
   * The longest word of any layer that ends at `end` and starts at or after `floor`, or the
   * character before `end` alone (then `start` = end − 1 and its kind is the character's).
   */
  wordBefore(text: string, end: number, floor: number): NameWord;
  /** End of the longest word of any layer starting at `start` (`start` if none). */
  longestFrom(text: string, start: number, end: number): number;
  /** Whether a layer has exactly text[start, end) as a key (the term then wins). */
  isKey(text: string, start: number, end: number): boolean;
}

/** Characters a name never holds: grammar words, pronouns, determiners (single characters). */
export const NAME_STOPS = new Set(
  '的在与和及、是为由向对从被把将于等或跟同给让并且也都就还又再已了着过这那该本其各每此某我你他她它们之以' +
    '据称经即至自因而但若如拟所当原现暨两兩',
);

/** Words a name never holds either: 旗下 ("under"), 两大 ("the two big"). */
export const NAME_STOP_WORDS = /^(旗下|包括|以及|其中|分别|合资|位于|[一二两兩三四五六七八九十几幾]大)$/;

/** Longest trade name, in characters (place names and industry words come on top). */
const MAX_TRADE = 6;
/**
 * Before a short form (科技, 精密, 公司 without 有限), a character alone that is this frequent as a
 * word (有 5, 要 6, 新 6.9, 老 7.5) is the sentence's, not a trade name's (通 8.7, 惠 11.3).
 */
const COMMON_CHARACTER_COST = 7.6;
/** A word this rare (not in the frequency list: 沐恩, 鸿图 15.7) may be a short form's whole trade name. */
const VERY_RARE_COST = 15;
/** Longest name part before the suffix chain, in code units. */
const MAX_NAME = 12;

let suffixIndex: TermIndex<number> | undefined;
function suffixes(): TermIndex<number> {
  suffixIndex ??= TermIndex.build(ORG_SUFFIXES.map((s, i) => [s.zh, i] as const));
  return suffixIndex;
}

/** One name found, [start, end): place names, the trade name, industry words, the suffix chain. */
export interface NameRun {
  readonly start: number;
  /** Where the trade name starts (after the place names; `start` when there are none). */
  readonly tradeStart: number;
  /** Where the words after the trade name (industry words and suffixes) start. */
  readonly tradeEnd: number;
  /** Where the suffix chain starts. */
  readonly suffixStart: number;
  readonly end: number;
}

/**
 * The organisation-like runs of text[start, end), in order of their start, none overlapping: the
 * segmentation adds each as a candidate where it starts.
 */
export function unlistedNames(
  text: string,
  start: number,
  end: number,
  words: NameWords,
  fold: Uint16Array | undefined,
): NameRun[] {
  const index = suffixes();
  // The suffix chains, left to right; each then reaches left for its name, the rightmost first, so
  // that 芜湖兆联汽车轻量化技术有限公司 is one name (its 汽车 an industry word), not 芜湖兆联汽车 + the rest.
  const chains: Array<{ start: number; end: number; placeName: boolean; form: boolean }> = [];
  for (let i = start; i < end;) {
    // Most characters start no suffix, as written or folded: one bit answers (the finder runs at
    // every position of every passage).
    const c = text.charCodeAt(i);
    if (!index.startsKeys(c) && (fold === undefined || fold[c] === 0 || !index.startsKeys(fold[c]))) {
      i++;
      continue;
    }
    const chain = suffixChain(text, i, end, index, fold, words);
    if (chain === undefined) i++;
    else {
      chains.push(chain);
      i = chain.end;
    }
  }
  const runs: NameRun[] = [];
  let limit = end;
  for (let c = chains.length - 1; c >= 0; c--) {
    const chain = chains[c];
    if (chain.end > limit) continue;
    // A name reaches left over industry words (汽车 of 兆联汽车…有限公司), never over another
    // organisation's form (研究所, 大学, 公司).
    let floor = Math.max(start, chain.start - MAX_NAME);
    for (let d = c - 1; d >= 0 && chains[d].end > floor; d--) if (chains[d].form) floor = chains[d].end;
    const run = nameBefore(text, floor, chain.start, chain.placeName, words);
    if (run === undefined || words.isKey(text, run.start, chain.end)) continue;
    runs.push({ ...run, suffixStart: chain.start, end: chain.end });
    limit = run.start;
  }
  return runs.reverse();
}

/**
 * The longest chain of suffixes starting at `at` (有限公司, 科技股份有限公司), whether it holds an
 * organisational form; a last piece that is only the start of a longer word (压铸件, 大学生,
 * 公司法) is left off.
 */
function suffixChain(
  text: string,
  at: number,
  end: number,
  index: TermIndex<number>,
  fold: Uint16Array | undefined,
  words: NameWords,
): { start: number; end: number; placeName: boolean; form: boolean } | undefined {
  // The tail of a word (子公司, 母公司, 新能源汽车) is no suffix of a name.
  const pieces: Array<{ end: number; suffix: OrgSuffix }> = [];
  for (let p = at; pieces.length === 0 || !pieces[pieces.length - 1].suffix.final;) {
    let length = index.longestAt(text, p, end);
    let value = index.lastValue;
    if (
      fold !== undefined &&
      folds(fold, text, p, Math.min(end, p + 6)) &&
      index.longestAt(text, p, end, fold) > length
    ) {
      length = index.longestAt(text, p, end, fold);
      value = index.lastValue;
    }
    if (length === 0) break;
    pieces.push({ end: p + length, suffix: ORG_SUFFIXES[index.valueAt(value)] });
    p += length;
  }
  // A last piece that starts a longer word (压铸件, 大学生, 公司法, 电子元器件) is left off.
  while (pieces.length > 0) {
    const from = pieces.length > 1 ? pieces[pieces.length - 2].end : at;
    if (words.longestFrom(text, from, end) <= pieces[pieces.length - 1].end) break;
    pieces.pop();
  }
  if (pieces.length === 0 || (pieces.length === 1 && pieces[0].suffix.inner)) return undefined;
  // Asked last, of a chain that would otherwise stand: it walks the lexicon at five positions.
  const first = pieces[0].end;
  if (insideWord(text, at, first, words)) return undefined;
  return {
    start: at,
    end: pieces[pieces.length - 1].end,
    placeName: pieces.some((x) => x.suffix.placeName === true),
    form: pieces.some((x) => x.suffix.placeName === true || x.suffix.final === true),
  };
}

/** Whether the fold changes a character of text[from, to): else the folded walk finds nothing new. */
function folds(fold: Uint16Array, text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (fold[text.charCodeAt(i)] !== 0) return true;
  return false;
}

/**
 * Whether a word of some layer holds the suffix text[from, to) and characters before it (子公司,
 * 华中科技大学): then the suffix is that word's, not a name's.
 */
function insideWord(text: string, from: number, to: number, words: NameWords): boolean {
  for (let s = Math.max(0, from - 5); s < from; s++) if (words.longestFrom(text, s, text.length) >= to) return true;
  return false;
}

/**
 * The name before a suffix chain that starts at `at`: industry words (any but grammar words),
 * then a trade name of rare words and lone characters (at most MAX_TRADE), then place names;
 * undefined if there is no trade name (本公司, 汽车公司) or a dictionary already knows the name
 * (文灿集团). `legal`: the chain holds a form such as 有限公司, 集团 or 大学 (a full name, which may
 * hold industry words: 芜湖兆联汽车轻量化技术有限公司); a short form's name is a trade name and places
 * alone (厦芝精密, 永進機械), so that a sentence's words (丁洪告诉科技日报) stay out of it.
 */
function nameBefore(
  text: string,
  floor: number,
  at: number,
  legal: boolean,
  words: NameWords,
): Omit<NameRun, 'suffixStart' | 'end'> | undefined {
  let phase: 'industry' | 'trade' | 'place' = 'industry';
  let p = at;
  let start = at;
  let tradeEnd = at;
  let tradeStart = at;
  let trade = 0;
  let place = false;
  /** Whether the trade name holds a character alone or a very rare word (惠通, 沐恩; not 暂定, 拉伸). */
  let odd = false;
  while (p > floor) {
    const w = words.wordBefore(text, p, floor);
    const kind = w.kind;
    // A known name right before the suffix is the name (文灿集团); further left it is another one.
    if (kind === 'known' && phase === 'industry') return undefined;
    if (kind === 'stop' || kind === 'known') break;
    const tradeLike = kind === 'rare' || (kind === 'single' && (legal || w.cost >= COMMON_CHARACTER_COST));
    if (kind === 'place') {
      if (phase !== 'place') tradeStart = p;
      phase = 'place';
      place = true;
      start = w.start;
    } else if (phase === 'place') break;
    else if (tradeLike) {
      if (trade + (p - w.start) > MAX_TRADE) break;
      if (phase === 'industry') tradeEnd = p;
      phase = 'trade';
      trade += p - w.start;
      odd ||= kind === 'single' || w.cost >= VERY_RARE_COST;
      start = w.start;
    } else if (phase === 'trade' || !legal) break;
    p = w.start;
  }
  if (trade === 0 ? !(place && legal) : trade < 2 || !(legal || odd)) return undefined;
  // A place name alone (宁波大学): its industry words (精密机械发展协会) follow it directly.
  if (trade === 0) tradeEnd = tradeStart;
  else if (!place) tradeStart = start;
  return { start, tradeStart, tradeEnd };
}

/**
 * The suffixes of a run's chain text[from, to), as written, in text order (simplified keys; pass
 * the folded text for traditional): 机械 + 有限公司.
 */
export function suffixPieces(folded: string): OrgSuffix[] {
  const index = suffixes();
  const out: OrgSuffix[] = [];
  for (let p = 0; p < folded.length;) {
    const length = index.longestAt(folded, p, folded.length);
    if (length === 0) break;
    out.push(ORG_SUFFIXES[index.valueAt(index.lastValue)]);
    p += length;
  }
  return out;
}
