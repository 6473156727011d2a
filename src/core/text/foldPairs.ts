/**
 * The traditional → simplified character fold, composed from OpenCC's tables. Composed at build
 * time (src/tools/generateFoldPairs.ts) and embedded in the bundles as a string of pairs, so that
 * matching traditional text never loads OpenCC's dictionaries; a unit test recomposes it from
 * opencc-js and compares.
 */

/** OpenCC dictionaries in opencc-js's "from to1 to2|from to1|…" form, in the order they apply. */
export interface FoldDictionaries {
  /** Compatibility ideographs → unified. */
  readonly cjkCompatibility: string;
  /** Taiwan and Hong Kong variants → standard traditional. */
  readonly twVariantsRev: string;
  readonly hkVariantsRev: string;
  /** Traditional → simplified characters. */
  readonly tsCharacters: string;
}

/** An OpenCC dictionary as first-candidate mappings between BMP characters (0: none). */
function charTable(d: string): Uint16Array {
  const table = new Uint16Array(0x10000);
  // Only single-unit "from" and first candidates matter: pairs look like "臺 台|…".
  for (let i = 0; i < d.length;) {
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

/**
 * Every BMP character that folds, followed by what it folds to: "臺台灣湾…". The order of OpenCC's
 * tw2s/hk2s chains: normalise compatibility ideographs, undo regional variants, then traditional →
 * simplified.
 */
export function composeFoldPairs(d: FoldDictionaries): string {
  const chain = [
    charTable(d.cjkCompatibility),
    charTable(d.twVariantsRev),
    charTable(d.hkVariantsRev),
    charTable(d.tsCharacters),
  ];
  let out = '';
  for (let c = 0x2e80; c < 0x10000; c++) {
    let x = c;
    for (const t of chain) x = t[x] || x;
    if (x !== c && !(x >= 0xd800 && x <= 0xdfff)) out += String.fromCharCode(c, x);
  }
  return out;
}

/**
 * `text` read through a fold table, character for character, with the same UTF-16 length; or
 * undefined when the table changes nothing in it.
 */
export function foldWith(text: string, table: Uint16Array): string | undefined {
  let i = 0;
  for (; i < text.length; i++) if (table[text.charCodeAt(i)] !== 0) break;
  if (i === text.length) return undefined;
  // Code units into a buffer, made a string in large chunks: far cheaper than growing a string per
  // character. Not through TextDecoder, which would turn a lone surrogate into U+FFFD.
  const codes = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const f = k >= i ? table[c] : 0;
    codes[k] = f !== 0 ? f : c;
  }
  let out = '';
  for (let k = 0; k < codes.length; k += CHUNK) out += String.fromCharCode(...codes.subarray(k, k + CHUNK));
  return out;
}

/** Code units per String.fromCharCode call (well under any engine's argument limit). */
const CHUNK = 8192;

/** The lookup table of a pair string: for each BMP code unit its simplified form (0: unchanged). */
export function foldTableOf(pairs: string): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < pairs.length; i += 2) table[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  return table;
}
