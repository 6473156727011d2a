/**
 * English drafts of Chinese industry lines: glossary renderings for terms, numbers with thousands
 * separators, classifiers and units (2台6000吨 → 2 × 6,000 t, 已购一台8800吨 → purchased one 8,800 t),
 * English punctuation, company names as proper nouns. Words only CC-CEDICT knows are marked "(?)"
 * for review; characters nothing can render stay as Chinese in brackets, never dropped. A draft for
 * a person to finish, not machine translation.
 */
import { hanWidthAt } from '../text/detect';
import { renderingText } from '../glossary/rendering';
import { isGlossaryEntry, type SourcedEntry } from '../glossary/entry';
import type { Lexicon, TermMatch } from '../lexicon/lexicon';
import { draftGloss } from '../lexicon/cedictSenses';
import { describeUnlisted, namePinyin } from '../lexicon/unlistedEnglish';
import {
  findNumbers,
  formatNumber,
  isQuantity,
  LIANG,
  monthName,
  numberWord,
  ordinalWord,
  type NumberToken,
} from './numbers';

export type DraftSpanKind = 'term' | 'number' | 'review' | 'untranslated';

export interface DraftSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: DraftSpanKind;
}

export interface Draft {
  readonly text: string;
  /** Parts of the English a person should check, with offsets into `text`. */
  readonly spans: readonly DraftSpan[];
}

const PUNCTUATION: Record<string, string> = {
  '，': ',',
  '、': ',',
  '。': '.',
  '；': ';',
  '：': ':',
  '！': '!',
  '？': '?',
  '（': '(',
  '）': ')',
  '《': '“',
  '》': '”',
  '「': '“',
  '」': '”',
  '『': '“',
  '』': '”',
  '“': '“',
  '”': '”',
  ',': ',',
  '.': '.',
  ';': ';',
  ':': ':',
};
const OPENING = new Set(['(', '“']);

/**
 * Grammar words and common patterns a glossary does not hold, with the plain English a reviewer
 * expects ('' drops the word: 的, 了 have no English of their own). Phrases (用于, 研制出) are read
 * before the dictionary's shorter words (用, 研制). A draft's aid, not a translation table: one
 * rendering each, the usual one in industry news.
 */
const FUNCTION_WORDS: Record<string, string> = {
  的: '',
  了: '',
  地: '',
  得: '',
  着: '',
  过: '',
  是: 'is',
  在: 'in',
  和: 'and',
  与: 'and',
  及: 'and',
  以及: 'as well as',
  并: 'and',
  并且: 'and',
  或: 'or',
  或者: 'or',
  但: 'but',
  但是: 'but',
  而: 'while',
  已: 'already',
  已经: 'already',
  正在: 'now',
  用: 'using',
  用于: 'used for',
  应用于: 'applied to',
  可用于: 'can be used for',
  适用于: 'suitable for',
  位于: 'located in',
  属于: 'belongs to',
  来自: 'from',
  研制出: 'developed',
  开发出: 'developed',
  推出: 'launched',
  也: 'also',
  还: 'also',
  都: 'all',
  将: 'will',
  从: 'from',
  到: 'to',
  向: 'to',
  对: 'for',
  对于: 'for',
  关于: 'about',
  为: 'for',
  通过: 'through',
  根据: 'according to',
  由于: 'because of',
  作为: 'as',
  包括: 'including',
  其中: 'of which',
  同时: 'at the same time',
  目前: 'currently',
  等: 'etc.',
  其: 'its',
  于: 'in',
  至: 'to',
  截至: 'as of',
  约: 'about',
  达: 'reaching',
  达到: 'reach',
  共: 'a total of',
  该: 'the',
  亦: 'also',
  此外: 'in addition',
  据: 'according to',
  随着: 'with',
  虽然: 'although',
  因此: 'therefore',
  所: '',
  被: '',
  把: '',
};

/** The longest FUNCTION_WORDS phrase at `at` (as written or folded to simplified), if any. */
function functionWordAt(text: string, at: number, lexicon: Lexicon): string | undefined {
  for (let length = Math.min(LONGEST_FUNCTION_WORD, text.length - at); length > 0; length--) {
    const written = text.slice(at, at + length);
    const key = written in FUNCTION_WORDS ? written : lexicon.foldTerm(written);
    if (key !== undefined && key in FUNCTION_WORDS) return written;
  }
  return undefined;
}

const LONGEST_FUNCTION_WORD = Math.max(...Object.keys(FUNCTION_WORDS).map((w) => w.length));

/** The table's English for a phrase found by functionWordAt. */
function functionWord(written: string, lexicon: Lexicon): string {
  return FUNCTION_WORDS[written] ?? FUNCTION_WORDS[lexicon.foldTerm(written) ?? ''] ?? '';
}

/** Classifiers and units after a number. */
const UNITS: Record<string, { one: string; many: string }> = {
  台: { one: 'unit', many: 'units' },
  件: { one: 'piece', many: 'pieces' },
  家: { one: 'company', many: 'companies' },
  套: { one: 'set', many: 'sets' },
  条: { one: 'line', many: 'lines' },
  座: { one: 'plant', many: 'plants' },
  个: { one: '', many: '' },
  元: { one: 'yuan', many: 'yuan' },
  吨: { one: 't', many: 't' },
};

interface Piece {
  text: string;
  kind?: DraftSpanKind;
  /** Punctuation attaches to the word before it (or, opening, to the word after). */
  punct?: 'close' | 'open';
}

const LEGAL_FORM =
  /\b(Co\.,? Ltd\.?|Ltd\.?|Limited|Inc\.?|Corporation|Corp\.?|AG|SE|SA|S\.A\.|S\.p\.A\.|GmbH|N\.V\.|plc|LLC)$/i;

/** The English a draft writes for a glossary entry (a company's name short: companyRendering). */
function rendering(entry: SourcedEntry): string {
  return renderingText(companyRendering(entry));
}

/** How company names are written: the name people use, or the full official name. */
export type CompanyNameForm = 'short' | 'full';

/**
 * A company's name as a draft writes it (other entries: their preferred rendering). Short: without
 * the legal form, preferring two or more words ("Tuopu Group", "LK Technology") over a bare short
 * form, falling back to the official name. Full: the official name, which the glossary lists first
 * (glossary/README.md: "Nanjing Chervon Auto Precision Technology Co., Ltd.").
 */
export function companyRendering(entry: SourcedEntry, form: CompanyNameForm = 'short'): string {
  if (entry.domain !== 'companies' || form === 'full') return entry.en[0];
  const plain = entry.en.filter((e) => !LEGAL_FORM.test(e.trim()));
  const multi = plain.filter((e) => /\s/.test(e.trim())).sort((a, b) => a.length - b.length);
  return multi[0] ?? plain[0] ?? entry.en[0];
}

/**
 * A dictionary word's draft English: the first gloss in the display order (cedictSenses.ts: common
 * senses before names, redirects resolved), never a redirect or a note; undefined when there is none.
 */
function dictionaryGloss(m: TermMatch): string | undefined {
  for (const entry of m.entries) {
    const gloss = draftGloss(entry.en);
    if (gloss) return gloss;
  }
  return undefined;
}

export function draftEnglish(chinese: string, lexicon: Lexicon): Draft {
  const numbers = new Map<number, NumberToken>(findNumbers(chinese).map((n) => [n.start, n]));
  const pieces: Piece[] = [];
  let pendingHan = '';
  const flushHan = () => {
    if (pendingHan) pieces.push({ text: `[${pendingHan}]`, kind: 'untranslated' });
    pendingHan = '';
  };
  // The words of the sentence's reading (the segmentation every other reader uses); where the
  // draft's own steps (numbers, function-word phrases) leave it between two of them, the longest
  // match from there.
  const pathWords = new Map(
    lexicon
      .matchRange(chinese, 0, chinese.length)
      .toArray()
      .map((m) => [m.start, m]),
  );
  let i = 0;
  // The end of the reading's number word the draft is inside (18.1亿 | 户 of 18.1亿户): a dictionary
  // word found there ends with it (70年 | 历史, not 年历 "calendar").
  let insideWord = 0;
  const wordEnd = (at: number) => pathWords.get(at)?.end;
  while (i < chinese.length) {
    const path = pathWords.get(i);
    // A dictionary word the reading takes over a number (一年一度 "annual", 三年级, 一日游) is that word.
    const n = path && !path.entries[0]?.composed && path.end > (numbers.get(i)?.end ?? i) ? undefined : numbers.get(i);
    const unit = n ? chinese[n.end] : undefined;
    // A code of digits and one capital (5G, 4K, 3D) is written as it is, not as 5 and G.
    const code = n && !n.chinese ? /^[A-Z](?![A-Za-z0-9])/.exec(chinese.slice(n.end, n.end + 2)) : null;
    if (n && code) {
      flushHan();
      pieces.push({ text: chinese.slice(n.start, n.end + 1) });
      i = n.end + 1;
      continue;
    }
    // A date (2008年4月, 30日, 9月底) as a reader writes it.
    const date = n ? datePhrase(chinese, n, numbers, wordEnd) : undefined;
    if (date) {
      flushHan();
      pieces.push({ text: date.english, kind: 'number' });
      i = date.end;
      continue;
    }
    // Chinese numerals count only before a unit or after 第: 一体化 is a word, not "one".
    if (
      n &&
      isQuantity(chinese, n) &&
      (!n.chinese || n.ordinal || (unit !== undefined && unit in UNITS) || n.end - n.start > 1)
    ) {
      flushHan();
      const consumed = numberPhrase(chinese, n, numbers, pieces);
      if (path?.entries[0]?.composed === 'number' && path.end > consumed) insideWord = path.end;
      i = consumed;
      continue;
    }
    // A number word the step above did not read as a quantity (一轮) is read by its dictionary words.
    const m =
      (path?.entries[0]?.composed === 'number' ? undefined : path) ??
      lexicon.matchAt(chinese, i, i < insideWord ? insideWord : chinese.length);
    if (m?.unlisted) {
      // An organisation no glossary has: its official English name is not ours to guess (宜安科技 is
      // Eontec, not "Yi'an Technology"), so the name stays as pinyin in brackets for the reviewer to
      // look up, and only what its words say for certain (Group, Machinery) follows, unbracketed.
      flushHan();
      const kind = describeUnlisted(chinese, m.unlisted, lexicon).kindShort;
      const name = `[${namePinyin(chinese, m.unlisted, lexicon)}]`;
      pieces.push({ text: kind ? `${name} ${kind}` : name, kind: 'review' });
      i = m.end;
      continue;
    }
    const own = m?.entries.find(isGlossaryEntry);
    const phrase = own ? undefined : functionWordAt(chinese, i, lexicon);
    if (phrase && (!m || phrase.length >= m.end - m.start)) {
      flushHan();
      const english = functionWord(phrase, lexicon);
      if (english) pieces.push({ text: english });
      i += phrase.length;
      continue;
    }
    const gloss = m && !own ? dictionaryGloss(m) : undefined;
    if (m && (own || gloss)) {
      flushHan();
      if (own) pieces.push({ text: rendering(own), kind: 'term' });
      else pieces.push({ text: `${gloss} (?)`, kind: 'review' });
      i = m.end;
      continue;
    }
    if (m) {
      // Only notes and pointers in the dictionary: left in Chinese for the reviewer.
      pendingHan += m.text;
      i = m.end;
      continue;
    }
    const ch = chinese[i];
    if (ch in PUNCTUATION) {
      flushHan();
      const p = PUNCTUATION[ch];
      pieces.push({ text: p, punct: OPENING.has(p) ? 'open' : 'close' });
      i++;
      continue;
    }
    const w = hanWidthAt(chinese, i);
    if (w > 0) {
      pendingHan += chinese.slice(i, i + w);
      i += w;
      continue;
    }
    flushHan();
    const latin = /^[^\s\u2e80-\u9fff，。；：、！？（）《》「」『』“”]+/.exec(chinese.slice(i));
    if (latin) {
      pieces.push({ text: latin[0] });
      i += latin[0].length;
    } else i++;
  }
  flushHan();
  return assemble(pieces);
}

/** After a date, a character the reading leaves on its own that places it in its year or month. */
const DATE_PLACES: Record<string, (date: string) => string> = {
  底: (d) => `the end of ${d}`,
  末: (d) => `the end of ${d}`,
  初: (d) => `early ${d}`,
  中: (d) => `mid-${d}`,
  内: (d) => `within ${d}`,
  前: (d) => `before ${d}`,
};

/**
 * A date starting with number `n`, as British English writes it (2019, April 2008, 8 April 2008,
 * 30 May, the 21st, January to October, the end of September, early 2023, the 1990s), and where it
 * ends; undefined if `n` starts none. A year is 1900 to 2100 before 年 (有70年历史 is 70 years, 民國
 * 112年 no year of ours), in Arabic digits or digit by digit (二〇二七); a month 1–12 before 月 (月份
 * too); a day 1–31 before 日, Arabic without a month, never before 内 (30日内 is 30 days). 两 is no
 * month or day (近两月). Spaces before a mark are skipped (2021 年 3 月). What follows the last mark
 * goes by the reading (`wordEnd`: the end of the reading's word starting at an offset): its number
 * word holding 年度, 年代, 月底; or 底, 初, 中 … as a word of one character (2023年初, not 2023年初步).
 */
function datePhrase(
  text: string,
  n: NumberToken,
  numbers: Map<number, NumberToken>,
  wordEnd: (at: number) => number | undefined,
): { english: string; end: number } | undefined {
  if (n.ordinal || LIANG.test(text.slice(n.start, n.end))) return undefined;
  /** The offset of `mark` after token t, spaces skipped (-1: none). */
  const markAfter = (t: NumberToken, mark: string) => {
    let k = t.end;
    while (text[k] === ' ') k++;
    return text[k] === mark ? k : -1;
  };
  /** The number after the mark at k, spaces skipped. */
  const after = (k: number) => {
    let at = k + 1;
    while (text[at] === ' ') at++;
    return numbers.get(at);
  };
  // 1至10月, 1到9月份: a range of months.
  const to = /^[至到~～-]$/.test(text[n.end] ?? '') ? numbers.get(n.end + 1) : undefined;
  if (to && monthName(n.value) && monthName(to.value) && text[to.end] === '月') {
    return {
      english: `${monthName(n.value)} to ${monthName(to.value)}`,
      end: to.end + (text[to.end + 1] === '份' ? 2 : 1),
    };
  }
  let year: number | undefined;
  let month: string | undefined;
  let day: number | undefined;
  let mark = -1;
  /** The token whose mark is the date's last (its number word may hold what follows: 月底, 年度). */
  let last = n;
  // A year in digits, Arabic or Chinese one by one (二〇二七); 两千 and 二千零二十 are counts.
  const yearMark = n.chinese && /[十百千万亿萬億拾佰仟]/.test(text.slice(n.start, n.end)) ? -1 : markAfter(n, '年');
  if (yearMark >= 0 && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100) {
    year = n.value;
    mark = yearMark;
  }
  const m = mark < 0 ? n : after(mark);
  const monthMark = m && !m.ordinal && monthName(m.value) && !LIANG.test(text[m.start]) ? markAfter(m, '月') : -1;
  if (m && monthMark >= 0) {
    month = monthName(m.value);
    mark = text[monthMark + 1] === '份' ? monthMark + 1 : monthMark;
    last = m;
  }
  // A day follows its month, or stands alone in Arabic digits (工信部21日); a year with no month has none.
  const d = month !== undefined ? after(mark) : year === undefined && !n.chinese ? n : undefined;
  const dayMark =
    d && !d.ordinal && Number.isInteger(d.value) && d.value >= 1 && d.value <= 31 ? markAfter(d, '日') : -1;
  const within =
    text[dayMark + 1] === '内' || text.startsWith('以内', dayMark + 1) || text.startsWith('之内', dayMark + 1);
  if (d && dayMark >= 0 && !within) {
    day = d.value;
    mark = dayMark;
    last = d;
  }
  if (mark < 0) return undefined;
  const end = mark + 1;
  const said =
    month === undefined && year === undefined
      ? `the ${ordinalWord(day as number)}`
      : [day, month, year].filter((x) => x !== undefined).join(' ');
  // What the reading holds after the mark: its number word's 年度 (the year), 年代 (the 1990s).
  const held = text.slice(end, Math.max(end, wordEnd(last.start) ?? end));
  if (day === undefined && month === undefined && held.startsWith('度')) return { english: said, end: end + 1 };
  if (day === undefined && month === undefined && held.startsWith('代')) {
    return { english: `the ${said}s`, end: end + 1 };
  }
  const place = DATE_PLACES[text[end]];
  const placed =
    place !== undefined &&
    day === undefined &&
    (held.length > 0 || wordEnd(mark) === end + 1 || wordEnd(end) === end + 1);
  return placed ? { english: place(said), end: end + 1 } : { english: said, end };
}

/** A number and what follows it; returns where the phrase ends. */
function numberPhrase(text: string, n: NumberToken, numbers: Map<number, NumberToken>, out: Piece[]): number {
  const unit = text[n.end];
  if (n.ordinal) {
    const u = unit !== undefined ? UNITS[unit] : undefined;
    out.push({ text: u && u.one ? `the ${ordinalWord(n.value)} ${u.one}` : ordinalWord(n.value), kind: 'number' });
    return u ? n.end + 1 : n.end;
  }
  if (unit === '台') {
    // 2台6000吨: two machines of 6,000 t each.
    const size = numbers.get(n.end + 1);
    if (size && !size.chinese && text[size.end] === '吨') {
      out.push({
        text: n.chinese
          ? `${numberWord(n.value)} ${formatNumber(size.value)} t`
          : `${formatNumber(n.value)} × ${formatNumber(size.value)} t`,
        kind: 'number',
      });
      return size.end + 1;
    }
  }
  const u = unit !== undefined ? UNITS[unit] : undefined;
  const count = n.chinese ? numberWord(n.value) : formatNumber(n.value);
  if (!u) {
    // Digits with a leading zero are a label, not a quantity: the Zeekr 009, flight 007.
    const written = text.slice(n.start, n.end);
    out.push({ text: !n.chinese && /^0\d/.test(written) ? written : count, kind: 'number' });
    return n.end;
  }
  const noun = n.value === 1 ? u.one : u.many;
  out.push({ text: noun ? `${count} ${noun}` : count, kind: 'number' });
  return n.end + 1;
}

function assemble(pieces: readonly Piece[]): Draft {
  let text = '';
  const spans: DraftSpan[] = [];
  let glue = false; // after an opening bracket: no space
  for (const p of pieces) {
    if (p.punct === 'close') {
      text = text.replace(/\s+$/, '') + p.text;
      glue = false;
      continue;
    }
    if (text && !glue && !text.endsWith(' ')) text += ' ';
    if (p.punct === 'open') {
      text += p.text;
      glue = true;
      continue;
    }
    glue = false;
    const start = text.length;
    text += p.text;
    if (p.kind) spans.push({ start, end: text.length, kind: p.kind });
  }
  return { text: text.trim(), spans };
}
