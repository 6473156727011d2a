/**
 * Simplified ↔ traditional, through opencc-js's converters and dictionaries, loaded on first use.
 *
 * Matching traditional text needs a conversion that keeps every character where it was, so that
 * offsets into the original text stay valid: `foldToSimplified` uses only OpenCC's character-level
 * dictionaries (regional variants → standard traditional → simplified), one code point for one,
 * and gives up (returns undefined) if the length would change. Display forms use the same tables
 * the other way (`toTraditional`).
 */
import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';

type Dict = string;

let folder: ConverterFunction | undefined;
let traditionalizer: ConverterFunction | undefined;

function dict(name: string): Dict {
  // Required lazily: the tables are only evaluated when script conversion is first needed.
  switch (name) {
    case 'CJK':
      return (require('opencc-js/dict/CJK_Compatibility_Ideographs') as { default: Dict }).default;
    case 'TWVariantsRev':
      return (require('opencc-js/dict/TWVariantsRev') as { default: Dict }).default;
    case 'HKVariantsRev':
      return (require('opencc-js/dict/HKVariantsRev') as { default: Dict }).default;
    case 'TSCharacters':
      return (require('opencc-js/dict/TSCharacters') as { default: Dict }).default;
    case 'STCharacters':
      return (require('opencc-js/dict/STCharacters') as { default: Dict }).default;
    default:
      throw new Error(`unknown OpenCC dictionary ${name}`);
  }
}

/**
 * The simplified reading of `text`, character for character, with the same UTF-16 length; or
 * undefined when nothing changes (already simplified) or the length would change.
 */
export function foldToSimplified(text: string): string | undefined {
  folder ??= ConverterFactory([dict('CJK')], [dict('TWVariantsRev'), dict('HKVariantsRev')], [dict('TSCharacters')]);
  const folded = folder(text);
  return folded !== text && folded.length === text.length ? folded : undefined;
}

/** Standard traditional form of a simplified term (character-level OpenCC table), for display. */
export function toTraditional(text: string): string {
  traditionalizer ??= ConverterFactory([dict('STCharacters')]);
  return traditionalizer(text);
}
