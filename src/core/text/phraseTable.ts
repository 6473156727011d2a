/**
 * OpenCC's simplified → traditional phrase table (STPhrases, ~49,000 phrases, 1 MB) in a compact
 * form that decodes back to exactly the same table: the vendor file that ships it would otherwise
 * be most of the extension's size budget. Two facts make it small:
 * - the phrases are sorted, so each shares a prefix with the one before (front coding);
 * - a phrase's traditional form differs from the character table's reading of it in only one or
 *   two places (that is why the phrase is listed), so only those places are stored.
 * The build step (src/tools/generateOpenccS2tw.ts) encodes; script.ts decodes on first use; a unit
 * test checks that decoding gives opencc-js's own table back.
 */

/** Longest shared prefix written (one digit). */
const MAX_PREFIX = 9;
/** Code unit for "position i differs": '0' + i (phrases are at most a few dozen units long). */
const POSITION_BASE = 0x30;

/** For each BMP code unit, the first candidate of its single-unit entry in a character table (0: none). */
export function characterTable(table: string): Uint16Array {
  const out = new Uint16Array(0x10000);
  for (const item of table.split('|')) {
    const [from, to] = item.split(' ');
    const c = from.charCodeAt(0);
    if (from.length === 1 && to?.length === 1 && out[c] === 0) out[c] = to.charCodeAt(0);
  }
  return out;
}

/** The character table's reading of `from`, unit by unit, into `units`. */
function readInto(units: Uint16Array, chars: Uint16Array, from: string): void {
  for (let i = 0; i < from.length; i++) {
    const c = from.charCodeAt(i);
    units[i] = chars[c] || c;
  }
}

/**
 * "签上 簽上|签上去 簽上去|…" → "0签上 00簽|2去 |…": prefix length, the rest of the phrase, a
 * space, then (position, character) for each place where the traditional form is not the
 * character table's reading. A phrase whose forms differ in length is stored whole after a tab.
 */
export function encodePhraseTable(phrases: string, characters: string): string {
  const chars = characterTable(characters);
  const units = new Uint16Array(0x10000);
  const out: string[] = [];
  let prior = '';
  for (const item of phrases.split('|')) {
    const [from, to] = item.split(' ');
    let p = 0;
    while (p < MAX_PREFIX && p < from.length && p < prior.length && from[p] === prior[p]) p++;
    let tail: string;
    if (from.length !== to.length || from.length + POSITION_BASE > 0x7b) {
      tail = `\t${to}`;
    } else {
      tail = ' ';
      readInto(units, chars, from);
      for (let i = 0; i < from.length; i++) {
        if (to.charCodeAt(i) !== units[i]) tail += String.fromCharCode(POSITION_BASE + i) + to[i];
      }
    }
    out.push(`${p}${from.slice(p)}${tail}`);
    prior = from;
  }
  return out.join('|');
}

/** The phrase table `encodePhraseTable` was given, as [phrase, traditional] pairs in its order, one at a time. */
export function* phrasePairs(encoded: string, characters: string): Generator<[string, string], void, void> {
  const chars = characterTable(characters);
  const units = new Uint16Array(0x10000);
  let prior = '';
  let at = 0;
  while (at < encoded.length) {
    let stop = encoded.indexOf('|', at);
    if (stop < 0) stop = encoded.length;
    const p = encoded.charCodeAt(at) - 0x30;
    let split = at + 1;
    while (split < stop && encoded.charCodeAt(split) !== 0x20 && encoded.charCodeAt(split) !== 0x09) split++;
    const from = prior.slice(0, p) + encoded.slice(at + 1, split);
    let to: string;
    if (encoded.charCodeAt(split) === 0x09) {
      to = encoded.slice(split + 1, stop);
    } else {
      readInto(units, chars, from);
      // Few places differ: patch them into the character table's reading.
      for (let k = split + 1; k + 1 < stop; k += 2) {
        units[encoded.charCodeAt(k) - POSITION_BASE] = encoded.charCodeAt(k + 1);
      }
      to = '';
      for (let i = 0; i < from.length; i++) to += String.fromCharCode(units[i]);
    }
    yield [from, to];
    prior = from;
    at = stop + 1;
  }
}

/** The phrase table `encodePhraseTable` was given, as [phrase, traditional] pairs in its order. */
export function decodePhrasePairs(encoded: string, characters: string): [string, string][] {
  return Array.from(phrasePairs(encoded, characters));
}

/** The phrase table `encodePhraseTable` was given, in opencc-js's "from to|…" form. */
export function decodePhraseTable(encoded: string, characters: string): string {
  return decodePhrasePairs(encoded, characters)
    .map(([from, to]) => `${from} ${to}`)
    .join('|');
}

/** The tables of OpenCC's simplified → Taiwan-standard (s2tw) conversion, as opencc-js has them. */
export interface S2twTables<Phrases = string> {
  readonly cjkCompatibility: string;
  readonly stPhrases: Phrases;
  readonly stPhrasesGenerated: string;
  readonly stCharacters: string;
  readonly twVariantsPhrases: string;
  readonly twVariants: string;
}

const SECTIONS = [
  'cjkCompatibility',
  'stPhrases',
  'stPhrasesGenerated',
  'stCharacters',
  'twVariantsPhrases',
  'twVariants',
] as const;

/** The tables as one text (one table a line, STPhrases encoded), for the vendor file. */
export function packS2tw(t: S2twTables): string {
  return SECTIONS.map((k) => (k === 'stPhrases' ? encodePhraseTable(t.stPhrases, t.stCharacters) : t[k])).join('\n');
}

/**
 * The packed tables, STPhrases as pairs decoded as they are iterated (so that a converter can be
 * built a slice at a time; each iteration decodes afresh).
 */
export function unpackS2tw(packed: string): S2twTables<Iterable<[string, string]>> {
  const parts = packed.split('\n');
  if (parts.length !== SECTIONS.length) {
    throw new Error(`OpenCC tables: ${parts.length} sections, expected ${SECTIONS.length}`);
  }
  const t = Object.fromEntries(SECTIONS.map((k, i) => [k, parts[i]])) as Record<(typeof SECTIONS)[number], string>;
  return { ...t, stPhrases: { [Symbol.iterator]: () => phrasePairs(t.stPhrases, t.stCharacters) } };
}
