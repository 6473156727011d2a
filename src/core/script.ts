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
/** BMP code units that the folding dictionaries would change; most text has none and skips OpenCC. */
let foldable: Uint8Array | undefined;
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
  if (!folder || !foldable) {
    const dicts = [dict('CJK'), dict('TWVariantsRev'), dict('HKVariantsRev'), dict('TSCharacters')];
    folder = ConverterFactory([dicts[0]], [dicts[1], dicts[2]], [dicts[3]]);
    // OpenCC dictionaries are "from to1 to2|from to1|…"; only the "from" side matters here.
    foldable = new Uint8Array(0x10000);
    for (const d of dicts) {
      for (const pair of d.split('|')) {
        const [from, to] = pair.split(' ');
        if (from.length === 1 && to !== from) foldable[from.charCodeAt(0)] = 1;
      }
    }
    // Chains can lead back to the same character (HK 台 → 臺 → 台): keep only real changes.
    for (let c = 0; c < 0x10000; c++) if (foldable[c] === 1 && folder(String.fromCharCode(c)) === String.fromCharCode(c)) foldable[c] = 0;
  }
  let needed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Surrogates: ideographs outside the BMP are rare; let OpenCC decide for them.
    if (foldable[c] === 1 || (c >= 0xd800 && c <= 0xdbff)) {
      needed = true;
      break;
    }
  }
  if (!needed) return undefined;
  const folded = folder(text);
  return folded !== text && folded.length === text.length ? folded : undefined;
}

/** Standard traditional form of a simplified term (character-level OpenCC table), for display. */
export function toTraditional(text: string): string {
  traditionalizer ??= ConverterFactory([dict('STCharacters')]);
  return traditionalizer(text);
}
