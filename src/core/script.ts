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
import { ConverterBuilder, type ConverterFunction, type LocalePreset } from 'opencc-js/core';
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

/** OpenCC's s2tw converter as opencc-js's own preset builds it, over tables given here. */
export function s2twConverter(t: S2twTables<string | [string, string][]>): ConverterFunction {
  const phrases = [t.stPhrases, t.stPhrasesGenerated];
  const preset = {
    from: { cn: [[...phrases, t.stCharacters]] },
    to: { tw: [[t.twVariantsPhrases, t.twVariants]] },
    configs: {
      s2tw: {
        normalizationChain: [[t.cjkCompatibility]],
        // Only the phrases' keys matter for segmenting; opencc-js takes pairs here as one list.
        segmentation: phrases.some((d) => typeof d !== 'string') ? phrases.flatMap(pairsOf) : phrases,
        conversionChain: [[...phrases, t.stCharacters], [t.twVariantsPhrases, t.twVariants]],
      },
    },
  };
  return ConverterBuilder(preset as LocalePreset)({ from: 'cn', to: 'tw' });
}

const pairsOf = (d: string | [string, string][]): [string, string][] =>
  typeof d === 'string' ? d.split('|').map((item) => item.split(' ') as [string, string]) : d;

function converter(): ConverterFunction {
  // The vendor file (large) is required here, on the first conversion.
  traditionalizer ??= s2twConverter(unpackS2tw((require('hanzi-gloss:opencc-s2tw') as { default: string }).default));
  return traditionalizer;
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
  return converted.length === window.length ? converted.slice(start - from, end - from) : toTraditional(text.slice(start, end));
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Why `traditional` cannot be the traditional form of the simplified term `zh`, or undefined if it
 * can: the same number of characters, each the same or one that folds to the simplified one.
 */
export function traditionalProblem(zh: string, traditional: string): string | undefined {
  const s = [...zh];
  const t = [...traditional];
  if (s.length !== t.length) return `"traditional" must have as many characters as "zh" (${t.length} ≠ ${s.length})`;
  const table = simplifiedFoldTable();
  for (let i = 0; i < s.length; i++) {
    const c = t[i];
    const folded = c.length === 1 ? String.fromCharCode(table[c.charCodeAt(0)] || c.charCodeAt(0)) : c;
    if (c !== s[i] && folded !== s[i]) return `"traditional" has ${c} where "zh" has ${s[i]}: ${c} is not a traditional form of ${s[i]}`;
  }
  return undefined;
}
