/**
 * Simplified ↔ traditional, from opencc-js's dictionaries.
 *
 * Matching traditional text needs a conversion that keeps every character where it was, so that
 * offsets into the original text stay valid. OpenCC's character tables are one code point for one,
 * so `foldToSimplified` uses them composed per character (regional variants → standard traditional
 * → simplified) into one lookup table, and never changes a string's length. The composition is
 * done at build time (foldPairs.ts) so that matching never loads OpenCC's dictionaries. Display forms use
 * OpenCC's converter over the simplified→traditional character table (`toTraditional`).
 */
import FOLD_PAIRS from 'hanzi-gloss:fold-pairs';
import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import { foldTableOf } from './foldPairs';

/** OpenCC's simplified → traditional character table, required when first needed (it is large). */
function stCharacters(): string {
  return (require('opencc-js/dict/STCharacters') as { default: string }).default;
}

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
  const table = simplifiedFoldTable();
  let i = 0;
  for (; i < text.length; i++) if (table[text.charCodeAt(i)] !== 0) break;
  if (i === text.length) return undefined;
  // Code units into a buffer, decoded once: far cheaper than growing a string per character.
  const codes = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const f = k >= i ? table[c] : 0;
    codes[k] = f !== 0 ? f : c;
  }
  return utf16.decode(codes);
}

const utf16 = new TextDecoder('utf-16le');

/** Standard traditional form of a simplified term (OpenCC's character table), for display. */
export function toTraditional(text: string): string {
  traditionalizer ??= ConverterFactory([stCharacters()]);
  return traditionalizer(text);
}
