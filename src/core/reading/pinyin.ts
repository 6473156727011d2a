/**
 * Pinyin: pinyin-pro reads characters in context (heteronyms such as 行 and 长); a glossary's own
 * verified reading always wins over it for the text that entry matched. Syllables use tone marks
 * (yā zhù) and can be turned into numbers (ya1 zhu4).
 */
import type * as PinyinPro from 'pinyin-pro';
import { hanWidthAt } from '../text/detect';
import { foldToSimplified } from '../text/script';

let pro: typeof PinyinPro | undefined;

/** pinyin-pro, required on first use: loading the term index must not pay for its dictionary. */
function pinyinPro(text: string, options: { type: 'array' }): string[];
function pinyinPro(text: string, options: { type: 'all' }): { polyphonic: string[] }[];
function pinyinPro(text: string, options: { type: 'array' | 'all' }): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pro ??= require('pinyin-pro') as typeof PinyinPro;
  return options.type === 'all' ? pro.pinyin(text, { type: 'all' }) : pro.pinyin(text, { type: 'array' });
}

/**
 * Loads pinyin-pro ahead of the first reading, in two steps the caller can time apart: `'module'`
 * evaluates its dictionary (a 320 kB module), `'index'` makes it build its phrase index (its first
 * call does that).
 */
export function loadPinyin(step: 'module' | 'index'): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pro ??= require('pinyin-pro') as typeof PinyinPro;
  if (step === 'index') pro.pinyin('长行', { type: 'array' });
}

export type ToneStyle = 'marks' | 'numbers';

/** One reading unit of a text: a Han character (with its syllable) or a run of Latin letters/digits. */
export interface ReadingToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Tone-marked syllable for a Han character; undefined for Latin/digit runs. */
  readonly syllable?: string;
  /**
   * A digit run's decimal point or thousands comma that joins it to the digit run just before it
   * (the "." of 5.786, the "," of 8,800): a reading shows the number as written, "5.786 yì", not
   * "5 786 yì". The two stay two reading units (the units a glossary's pinyin is checked against).
   */
  readonly joined?: string;
}

/** A reading's syllables and Latin/digit tokens, one per reading unit: "5.786 yì" is 5 | 786 | yì. */
export function readingSyllables(reading: string): string[] {
  return reading
    .trim()
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .flatMap((t) => t.split(JOINED_DIGITS));
}

/** The point or comma between two digits, where a reading joins the digit runs on either side. */
const JOINED_DIGITS = /(?<=\d)[.,](?=\d)/;

const TONE_MARKS: Record<string, number> = { '\u0304': 1, '\u0301': 2, '\u030c': 3, '\u0300': 4 };
const TONE_COMBINING = ['', '\u0304', '\u0301', '\u030c', '\u0300'];

/** Splits a syllable into its toneless base and tone (1–4, 5 for neutral); ü is kept. */
export function splitTone(syllable: string): { base: string; tone: number; marks: number } {
  let tone = 5;
  let marks = 0;
  let base = '';
  for (const ch of syllable.normalize('NFD')) {
    const t = TONE_MARKS[ch];
    if (t !== undefined) {
      tone = t;
      marks++;
    } else base += ch;
  }
  return { base: base.normalize('NFC'), tone, marks };
}

/** Puts the tone mark where standard orthography does: a/e first, then the o of "ou", else the last vowel. */
export function markTone(base: string, tone: number): string {
  if (tone < 1 || tone > 4) return base;
  const lower = base;
  let at = lower.search(/[ae]/);
  if (at < 0) at = lower.indexOf('ou');
  if (at < 0) {
    for (let i = lower.length - 1; i >= 0; i--) {
      if ('iouü'.includes(lower[i])) {
        at = i;
        break;
      }
    }
  }
  if (at < 0) at = lower.search(/[mn]/); // syllabic m, n, ng
  if (at < 0) return base;
  const decomposed = base[at].normalize('NFD');
  return (base.slice(0, at) + decomposed + TONE_COMBINING[tone] + base.slice(at + 1)).normalize('NFC');
}

/** yā → ya1, ma → ma5; Latin/digit tokens pass through. */
export function toNumbered(syllable: string): string {
  const { base, tone, marks } = splitTone(syllable);
  if (!/^[a-zü]+$/.test(base)) return syllable;
  return marks === 0 && !/^[a-zü]+$/.test(syllable) ? syllable : `${base}${tone}`;
}

/**
 * pinyin-pro's reading of a written form alone, numbered (chang3): for a character its most frequent
 * reading (厂 chǎng, 更 gèng, 听 tīng), which orders CC-CEDICT's entries at build time. Undefined
 * where it cannot read a character (it returns the character itself).
 */
export function commonReading(written: string): string | undefined {
  const numbered = pinyinPro(written, { type: 'array' }).map(toNumbered);
  return numbered.length > 0 && numbered.every((s) => /^[a-zü]+[1-5]$/.test(s)) ? numbered.join(' ') : undefined;
}

export function formatSyllables(syllables: readonly string[], style: ToneStyle): string {
  return (style === 'numbers' ? syllables.map(toNumbered) : syllables).join(' ');
}

let validBases: Set<string> | undefined;

/**
 * Toneless syllables of Mandarin, taken from pinyin-pro's own dictionary (every reading of every
 * URO character) rather than a hand-typed table, plus the interjection syllables it never gives.
 * Built on first use only: it costs ~0.3 s, and only validation needs it.
 */
function syllableBases(): Set<string> {
  if (validBases) return validBases;
  let all = '';
  for (let c = 0x4e00; c <= 0x9fff; c++) all += String.fromCharCode(c);
  // "r" is the erhua suffix as Hanyu Pinyin and CC-CEDICT write it (玩儿 wán r).
  const set = new Set<string>(['ê', 'hm', 'hng', 'm', 'n', 'ng', 'ei', 'shei', 'cei', 'rua', 'fiao', 'r']);
  for (const item of pinyinPro(all, { type: 'all' })) {
    for (const reading of item.polyphonic) set.add(splitTone(reading).base);
  }
  validBases = set;
  return set;
}

/** What the pinyin checks tell a user (localised by the extension, English in the CLI). */
export interface PinyinLabels {
  readonly notLowerCase: (syllable: string) => string;
  readonly toneNumber: (syllable: string) => string;
  readonly twoToneMarks: (syllable: string) => string;
  readonly notPinyin: (syllable: string) => string;
  readonly notMandarin: (syllable: string) => string;
  readonly misplacedMark: (syllable: string, expected: string) => string;
  /** `units` reading units are needed, `han` of them Han characters. */
  readonly syllableCount: (pinyin: string, syllables: number, zh: string, units: number, han: number) => string;
  readonly latinAsWritten: (token: string, written: string) => string;
}

export const ENGLISH_PINYIN_LABELS: PinyinLabels = {
  notLowerCase: (s) => `pinyin syllable "${s}" must be lower case`,
  toneNumber: (s) => `pinyin syllable "${s}" uses a tone number; write tone marks (e.g. yā)`,
  twoToneMarks: (s) => `pinyin syllable "${s}" has more than one tone mark`,
  notPinyin: (s) => `"${s}" is not a pinyin syllable`,
  notMandarin: (s) => `"${s}" is not a Mandarin syllable`,
  misplacedMark: (s, expected) => `tone mark misplaced in "${s}" (expected "${expected}")`,
  syllableCount: (pinyin, n, zh, units, han) =>
    `pinyin "${pinyin}" has ${n} syllable(s) but "${zh}" needs ${units} (${han} Han character(s))`,
  latinAsWritten: (token, written) => `pinyin token "${token}" should repeat "${written}" as written`,
};

/** Why `syllable` is not a well-formed tone-marked pinyin syllable, or undefined if it is. */
export function syllableProblem(
  syllable: string,
  checkTable = true,
  labels: PinyinLabels = ENGLISH_PINYIN_LABELS,
): string | undefined {
  if (syllable !== syllable.toLowerCase()) return labels.notLowerCase(syllable);
  const { base, tone, marks } = splitTone(syllable);
  if (/[1-5]$/.test(base)) return labels.toneNumber(syllable);
  if (marks > 1) return labels.twoToneMarks(syllable);
  if (!/^[a-zêü]+$/.test(base)) return labels.notPinyin(syllable);
  if (checkTable && !syllableBases().has(base)) return labels.notMandarin(syllable);
  if (marks === 1 && markTone(base, tone) !== syllable.normalize('NFC')) {
    return labels.misplacedMark(syllable, markTone(base, tone));
  }
  return undefined;
}

function isLatinOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Han characters one by one and Latin/digit runs whole; punctuation and spaces separate tokens. */
export function readingUnits(text: string): { start: number; end: number; han: boolean }[] {
  const units: { start: number; end: number; han: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    const w = hanWidthAt(text, i);
    if (w > 0) {
      units.push({ start: i, end: i + w, han: true });
      i += w;
      continue;
    }
    if (isLatinOrDigit(text.charCodeAt(i))) {
      const start = i;
      while (i < text.length && isLatinOrDigit(text.charCodeAt(i))) i++;
      units.push({ start, end: i, han: false });
      continue;
    }
    i++;
  }
  return units;
}

/**
 * Why `pinyin` is not a valid reading of `zh`, or undefined: one syllable per Han character,
 * Latin letters and digits repeated as written (极氪009 → jí kè 009).
 */
export function pinyinProblem(
  zh: string,
  pinyin: string,
  checkTable = true,
  labels: PinyinLabels = ENGLISH_PINYIN_LABELS,
): string | undefined {
  const units = readingUnits(zh);
  const tokens = readingSyllables(pinyin);
  if (tokens.length !== units.length) {
    const han = units.filter((u) => u.han).length;
    return labels.syllableCount(pinyin, tokens.length, zh, units.length, han);
  }
  for (let k = 0; k < units.length; k++) {
    const unit = units[k];
    const token = tokens[k];
    if (!unit.han) {
      if (token.toLowerCase() !== zh.slice(unit.start, unit.end).toLowerCase()) {
        return labels.latinAsWritten(token, zh.slice(unit.start, unit.end));
      }
      continue;
    }
    // Without the table (trusted data on the hover's path) only the shape of the reading is checked.
    if (!checkTable) continue;
    const problem = syllableProblem(token, checkTable, labels);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Reading tokens of `text`, with pinyin-pro's in-context syllable for each Han character.
 * `overrides` are spans (e.g. glossary matches) whose verified pinyin replaces pinyin-pro's.
 */
export function readText(
  text: string,
  overrides: readonly { start: number; end: number; pinyin?: string }[] = [],
): ReadingToken[] {
  const units = readingUnits(text);
  const hanUnits = units.filter((u) => u.han);
  // pinyin-pro knows words by their simplified spelling (銀行 it reads yín xíng, 银行 yín háng; 於 wū,
  // 于 yú; 一輛車 jū): traditional characters are read folded, one for one, so units keep their order.
  // On the real-text fixtures 140 of 3,704 traditional characters read otherwise than the same
  // sentences converted by OpenCC's phrase tables (tw → cn); folded, none.
  const han = hanUnits.map((u) => text.slice(u.start, u.end)).join('');
  const computed = hanUnits.length > 0 ? pinyinPro(foldToSimplified(han) ?? han, { type: 'array' }) : [];
  // Verified readings by the start offset of each Han unit they cover.
  const verified = new Map<number, string>();
  for (const o of overrides) {
    if (!o.pinyin) continue;
    const spanUnits = readingUnits(text.slice(o.start, o.end));
    const syllables = readingSyllables(o.pinyin);
    if (spanUnits.length !== syllables.length) continue;
    spanUnits.forEach((u, k) => {
      if (u.han) verified.set(o.start + u.start, syllables[k]);
    });
  }
  let h = 0;
  return units.map((u) => {
    const unitText = text.slice(u.start, u.end);
    if (!u.han) {
      const joined = joinedAt(text, u.start);
      return joined
        ? { start: u.start, end: u.end, text: unitText, joined }
        : { start: u.start, end: u.end, text: unitText };
    }
    const syllable = verified.get(u.start) ?? computed[h] ?? unitText;
    h++;
    return { start: u.start, end: u.end, text: unitText, syllable };
  });
}

/** The point or comma before a digit at `start` that follows a digit (undefined: none). */
function joinedAt(text: string, start: number): string | undefined {
  return start >= 2 && JOINED_DIGITS.test(text.slice(start - 2, start + 1)) ? text[start - 1] : undefined;
}

/** pinyin-pro's reading of a written form on its own, Latin letters and numbers as written (5.5G wǎng luò). */
export function wordReading(zh: string): string {
  return pinyinOfSpan(readText(zh), 0, zh.length);
}

/** A passage (or window) of a text: its offset in the text and its characters. */
export interface PassageText {
  readonly start: number;
  readonly text: string;
}

/** A span of a passage with, optionally, its verified (glossary) reading. */
export interface ReadSpan {
  readonly start: number;
  readonly end: number;
  readonly pinyin?: string;
}

/**
 * How much of the passage on each side of a span pinyin-pro sees when reading the span in context.
 * Its choice between readings (行 xíng / háng) depends on the words around a character, not on the
 * far end of a long passage.
 */
export const READING_CONTEXT = 48;
/**
 * Passages up to this length are read whole, in one call, exactly as a short one: pinyin-pro's
 * choices in a long chain of ambiguous words can depend on text far away (measured: reading a
 * 30,000-character run of real text in windows changes about 1 syllable in 1,000), so every passage
 * of real text keeps its whole-passage reading. Longer ones (a minified file, a book on one line)
 * are read a window of this size at a time, with READING_CONTEXT on both sides (as the hover
 * reads), so time stays linear and memory bounded.
 */
export const READING_SEGMENT = 1 << 16;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** [start, end) widened by READING_CONTEXT on each side, inside the passage, never splitting a pair. */
function contextWindow(passage: PassageText, start: number, end: number): { from: number; to: number } {
  const passageEnd = passage.start + passage.text.length;
  let from = Math.max(passage.start, start - READING_CONTEXT);
  let to = Math.min(passageEnd, end + READING_CONTEXT);
  if (from > passage.start && isLowSurrogate(passage.text.charCodeAt(from - passage.start))) from--;
  if (to < passageEnd && isLowSurrogate(passage.text.charCodeAt(to - passage.start))) to++;
  return { from, to };
}

/** Reads text[from, to) of the passage with the spans' verified readings; returns the spans' pinyin. */
function readWindow(
  passage: PassageText,
  from: number,
  to: number,
  spans: readonly ReadSpan[],
  style: ToneStyle,
): string[] {
  const text = passage.text.slice(from - passage.start, to - passage.start);
  const tokens = readText(
    text,
    spans.map((o) => ({ start: o.start - from, end: o.end - from, pinyin: o.pinyin })),
  );
  return spans.map((o) => pinyinOfSpan(tokens, o.start - from, o.end - from, style));
}

/**
 * The in-context reading of one span of a passage (the hover): only a window around the span is
 * read, so a hover costs the same in a passage of a million characters as in a short one.
 */
export function readingInContext(passage: PassageText, span: ReadSpan, style: ToneStyle = 'marks'): string {
  const { from, to } = contextWindow(passage, span.start, span.end);
  return readWindow(passage, from, to, [span], style)[0];
}

/**
 * The readings of spans of one passage (the scan, the term list), in one pass: a short passage is
 * read whole, once; a long one a window at a time (READING_SEGMENT plus the context on each side),
 * so the cost is linear in the passage's length. `spans` are in text order and do not overlap;
 * offsets, of the passage and of the spans, are in the text the passage came from.
 */
export function spanReadings(passage: PassageText, spans: readonly ReadSpan[], style: ToneStyle = 'marks'): string[] {
  const end = passage.start + passage.text.length;
  if (passage.text.length <= READING_SEGMENT) return readWindow(passage, passage.start, end, spans, style);
  const out: string[] = [];
  for (let k = 0; k < spans.length;) {
    const first = spans[k].start;
    let j = k + 1;
    while (j < spans.length && spans[j].end - first <= READING_SEGMENT) j++;
    const { from, to } = contextWindow(passage, first, spans[j - 1].end);
    for (const reading of readWindow(passage, from, to, spans.slice(k, j), style)) out.push(reading);
    k = j;
  }
  return out;
}

/** Pinyin of a span of already-read tokens: syllables for Han, Latin/digit runs as written. */
export function pinyinOfSpan(
  tokens: readonly ReadingToken[],
  start: number,
  end: number,
  style: ToneStyle = 'marks',
): string {
  // Tokens are in text order and do not overlap: those inside the span are one run, found by bisection.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const parts: string[] = [];
  for (let i = lo; i < tokens.length && tokens[i].end <= end; i++) {
    const t = tokens[i];
    // 5.786 as written, when both digit runs are the span's.
    if (t.joined !== undefined && i > lo) parts[parts.length - 1] += t.joined + t.text;
    else parts.push(t.syllable ?? t.text);
  }
  return formatSyllables(parts, style);
}
