/**
 * Simplified ↔ traditional, from opencc-js's dictionaries, loaded on first use.
 *
 * Matching traditional text needs a conversion that keeps every character where it was, so that
 * offsets into the original text stay valid. OpenCC's character tables are one code point for one,
 * so `foldToSimplified` composes them per character (regional variants → standard traditional →
 * simplified) into one lookup table and never changes a string's length. Display forms use
 * OpenCC's converter over the simplified→traditional character table (`toTraditional`).
 */
import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';

type Dict = string;

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

/** An OpenCC dictionary ("from to1 to2|from to1|…") as first-candidate mappings between BMP characters (0: none). */
function charTable(d: Dict): Uint16Array {
  const table = new Uint16Array(0x10000);
  // Only single-unit "from" and first candidates matter: pairs look like "臺 台|…".
  for (let i = 0; i < d.length; ) {
    const end = d.indexOf('|', i);
    const stop = end < 0 ? d.length : end;
    if (d.charCodeAt(i + 1) === 0x20 && (stop === i + 3 || d.charCodeAt(i + 3) === 0x20)) {
      const from = d.charCodeAt(i);
      if (table[from] === 0) table[from] = d.charCodeAt(i + 2);
    }
    i = stop + 1;
  }
  return table;
}

/** For each BMP code unit, its simplified form (0: unchanged). */
let foldTo: Uint16Array | undefined;
let traditionalizer: ConverterFunction | undefined;

function buildFoldTable(): Uint16Array {
  // The order of OpenCC's tw2s/hk2s chains: normalise compatibility ideographs, undo regional
  // variants, then traditional → simplified.
  const chain = [charTable(dict('CJK')), charTable(dict('TWVariantsRev')), charTable(dict('HKVariantsRev')), charTable(dict('TSCharacters'))];
  const table = new Uint16Array(0x10000);
  for (let c = 0x2e80; c < 0x10000; c++) {
    let x = c;
    for (const t of chain) x = t[x] || x;
    if (x !== c && !(x >= 0xd800 && x <= 0xdfff)) table[c] = x;
  }
  return table;
}

/** For each BMP code unit, its simplified form (0: unchanged); built on first use. */
export function simplifiedFoldTable(): Uint16Array {
  foldTo ??= buildFoldTable();
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
  traditionalizer ??= ConverterFactory([dict('STCharacters')]);
  return traditionalizer(text);
}
