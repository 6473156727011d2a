/**
 * Simplified ↔ traditional, from opencc-js's dictionaries.
 *
 * Matching traditional text needs a conversion that keeps every character where it was, so that
 * offsets into the original text stay valid. OpenCC's character tables are one code point for one,
 * so `foldToSimplified` uses them composed per character (regional variants → standard traditional
 * → simplified) into one lookup table, and never changes a string's length. The composition is
 * done at build time (foldPairs.ts) so that matching never loads OpenCC's dictionaries.
 *
 * Display forms need more than a character table: 签 is 簽 in 签署 and 籤 in 标签, 发 is 發 in 发展
 * and 髮 in 头发. They go through OpenCC's phrase-level simplified → Taiwan-standard converter
 * (s2tw: phrases first, then characters, then Taiwan's standard variants 裡 為 說 著, the forms
 * CC-CEDICT's traditional column uses). Its tables are a vendor file required on the first
 * conversion (phraseTable.ts), never at activation.
 */
import FOLD_PAIRS from 'hanzi-gloss:fold-pairs';
import { ConverterFactory, Trie, type ConverterFunction } from 'opencc-js/core';
import { foldTableOf, foldWith } from './foldPairs';
import { unpackS2tw, type S2twTables } from './phraseTable';

/** For each BMP code unit, its simplified form (0: unchanged). */
let foldTo: Uint16Array | undefined;
let traditionalizer: ConverterFunction | undefined;

/** For each BMP code unit, its simplified form (0: unchanged); built on first use. */
export function simplifiedFoldTable(): Uint16Array {
  // The pairs were composed from OpenCC's tables at build time (see foldPairs.ts).
  foldTo ??= foldTableOf(FOLD_PAIRS);
  return foldTo;
}

/**
 * The simplified reading of `text`, character for character, with the same UTF-16 length; or
 * undefined when nothing changes (already simplified).
 */
export function foldToSimplified(text: string): string | undefined {
  return foldWith(text, simplifiedFoldTable());
}

/** Words added to OpenCC's tries between two yields of `buildS2tw` (about a millisecond). */
const WORDS_PER_STEP = 1500;

type Pairs = string | Iterable<[string, string]>;

/**
 * OpenCC's s2tw conversion (opencc-js's preset: normalise compatibility ideographs, segment by the
 * phrase table, convert each segment by phrases then characters, then by Taiwan's variants), over
 * opencc-js's tries. The preset builds the 49,000-phrase trie twice, once to segment and once to
 * convert (0.3 s, 40 MB); here one trie does both, and a set of the phrase keys tells a phrase
 * segment from a run of characters (0.15 s, 22 MB). A unit test checks the output against
 * opencc-js's own converter.
 *
 * Built a step at a time: each `next()` adds about WORDS_PER_STEP words, so that the extension can
 * build it in time slices while the editor is idle; the generator returns the converter.
 */
export function* buildS2tw(t: S2twTables<Pairs>): Generator<void, ConverterFunction, void> {
  let added = 0;
  // opencc-js's loadDictGroup loads a group's tables last to first, so the first table's word wins.
  function* load(trie: Trie, tables: Pairs[], keys?: Set<string>): Generator<void, void, void> {
    for (const table of [...tables].reverse()) {
      for (const [from, to] of pairsOf(table)) {
        trie.addWord(from, to);
        keys?.add(from);
        if (++added % WORDS_PER_STEP === 0) yield;
      }
    }
  }
  const convert = new Trie();
  const phraseKeys = new Set<string>();
  yield* load(convert, [t.stCharacters]);
  yield* load(convert, [t.stPhrases, t.stPhrasesGenerated], phraseKeys);
  const variants = new Trie();
  yield* load(variants, [t.twVariantsPhrases, t.twVariants]);
  return s2twWith(convert, phraseKeys, variants, ConverterFactory([t.cjkCompatibility]));
}

/** `buildS2tw` run to its end in one go. */
export function s2twConverter(t: S2twTables<Pairs>): ConverterFunction {
  const build = buildS2tw(t);
  for (;;) {
    const step = build.next();
    if (step.done) return step.value;
  }
}

function s2twWith(
  convert: Trie,
  phraseKeys: Set<string>,
  variants: Trie,
  normalize: ConverterFunction,
): ConverterFunction {
  return (input) => {
    const s = normalize(input);
    const out: string[] = [];
    // The characters between phrases, converted, waiting to be one segment.
    let run = '';
    for (let i = 0; i < s.length;) {
      const m = convert.matchPrefix(s, i);
      if (m && phraseKeys.has(s.slice(i, m.end))) {
        if (run !== '') out.push(variants.convert(run));
        run = '';
        out.push(variants.convert(m.value));
        i = m.end;
      } else if (m) {
        run += m.value;
        i = m.end;
      } else {
        const width = unmatchedLength(s, i);
        run += s.slice(i, i + width);
        i += width;
      }
    }
    if (run !== '') out.push(variants.convert(run));
    return out.join('');
  };
}

/**
 * How far opencc-js steps past text it has no entry for: one code point, or a whole ideographic
 * description sequence (⿰氵发 describes one character; its parts are not converted).
 */
function unmatchedLength(s: string, i: number): number {
  const end = descriptionEnd(s, i);
  return end > i ? end - i : codePointLength(s, i);
}

function codePointLength(s: string, i: number): number {
  return s.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** End of the description sequence starting at i (⿰ takes two parts, ⿲ three), or 0 if none. */
function descriptionEnd(s: string, i: number): number {
  const c = s.codePointAt(i)!;
  const arity = c === 0x2ff2 || c === 0x2ff3 ? 3 : c >= 0x2ff0 && c <= 0x2fff ? 2 : 0;
  if (arity === 0) return 0;
  let end = i + 1;
  for (let n = 0; n < arity; n++) {
    if (end >= s.length) return 0;
    end = descriptionEnd(s, end) || end + codePointLength(s, end);
  }
  return end;
}

function* pairsOf(d: Pairs): Iterable<[string, string]> {
  if (typeof d !== 'string') {
    yield* d;
    return;
  }
  for (const item of d.split('|')) yield item.split(' ') as [string, string];
}

let building: Generator<void, ConverterFunction, void> | undefined;

/**
 * Builds the traditional converter until `expired()` says stop; true once it is built. The
 * extension calls it in idle time slices, so that neither the first hover nor one long task pays
 * for OpenCC's tables (0.25 s in one go). A failure (a missing vendor file) is thrown, and the
 * next call starts again.
 */
export function buildTraditional(expired: () => boolean): boolean {
  if (traditionalizer) return true;
  try {
    // The vendor file (large) is required here, on the first conversion or warm-up.
    building ??= buildS2tw(unpackS2tw((require('hanzi-gloss:opencc-s2tw') as { default: string }).default));
    for (;;) {
      const step = building.next();
      if (step.done) {
        traditionalizer = step.value;
        building = undefined;
        return true;
      }
      if (expired()) return false;
    }
  } catch (e) {
    building = undefined;
    throw e;
  }
}

function converter(): ConverterFunction {
  if (!traditionalizer) buildTraditional(() => false);
  return traditionalizer!;
}

/** Taiwan-standard traditional form of a simplified text, phrase by phrase (OpenCC s2tw). */
export function toTraditional(text: string): string {
  return converter()(text);
}

/** How far on each side of a span its traditional form is read (OpenCC's phrases are ≤ 12 units). */
const CONTEXT = 16;

/**
 * The traditional form of text[start, end) as read in its context: 发 alone is 發, but in 头发 it is
 * 髮. Only a window around the span is converted, so the cost does not grow with the text.
 */
export function traditionalIn(text: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  const window = text.slice(from, to);
  const converted = converter()(window);
  // A few phrases trade a supplementary-plane character for a BMP one; then offsets no longer
  // line up, and the span is converted alone.
  if (converted.length !== window.length) return toTraditional(text.slice(start, end));
  return converted.slice(start - from, end - from);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** What `traditionalProblem` tells a user (localised by the extension, English in the CLI). */
export interface ScriptLabels {
  readonly traditionalLength: (traditionalCount: number, zhCount: number) => string;
  readonly notTraditionalForm: (traditional: string, simplified: string) => string;
}

export const ENGLISH_SCRIPT_LABELS: ScriptLabels = {
  traditionalLength: (t, s) => `"traditional" must have as many characters as "zh" (${t} ≠ ${s})`,
  notTraditionalForm: (c, s) => `"traditional" has ${c} where "zh" has ${s}: ${c} is not a traditional form of ${s}`,
};

/**
 * Why `traditional` cannot be the traditional form of the simplified term `zh`, or undefined if it
 * can: the same number of characters, each the same or one that folds to the simplified one.
 */
export function traditionalProblem(
  zh: string,
  traditional: string,
  labels: ScriptLabels = ENGLISH_SCRIPT_LABELS,
): string | undefined {
  const s = [...zh];
  const t = [...traditional];
  if (s.length !== t.length) return labels.traditionalLength(t.length, s.length);
  const table = simplifiedFoldTable();
  for (let i = 0; i < s.length; i++) {
    const c = t[i];
    const folded = c.length === 1 ? String.fromCharCode(table[c.charCodeAt(0)] || c.charCodeAt(0)) : c;
    if (c !== s[i] && folded !== s[i]) {
      return labels.notTraditionalForm(c, s[i]);
    }
  }
  return undefined;
}
