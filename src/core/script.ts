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
import { foldTableOf, foldWith } from './foldPairs';

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
  return foldWith(text, simplifiedFoldTable());
}

/** Standard traditional form of a simplified term (OpenCC's character table), for display. */
export function toTraditional(text: string): string {
  traditionalizer ??= ConverterFactory([stCharacters()]);
  return traditionalizer(text);
}
