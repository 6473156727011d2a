/**
 * The segmentation as it was before the speed work (commit 543b063), kept only here as the
 * reference the fast reader must agree with: candidates found by looking up every substring
 * text[i, i + n) as an exact key (no prefix lists, no edge filter, no packed weights, no
 * precomputed fold positions), all of them stored in a list, then the least-cost path by the old
 * solve: candidates visited last to first, least cost, on equal cost the longer word. Slow by
 * design (a lookup per substring); used by test/unit/segmentReference.property.test.ts.
 */
import { NAME_COST, NUMBER_COST, PERSONAL_NAME_COST, type Lexicon } from '../../src/core/lexicon/lexicon';
import { personalNameAt } from '../../src/core/reading/names';
import { NO_WEIGHT } from '../../src/core/lexicon/termIndex';
import { NUMBER_CHARACTERS, numberPhrases } from '../../src/core/reading/numbers';
import { UNKNOWN_CHARACTER_COST, UNKNOWN_FREQUENCY_COST, wordCost } from '../../src/core/reading/segment';
import { foldWith } from '../../src/core/text/foldPairs';

/** One step of the path: [start, end), and per layer the key's value index (-1: none; none for non-words). */
export interface ReferenceStep {
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
  readonly values: readonly number[];
}

interface Candidate {
  start: number;
  end: number;
  cost: number;
  layer: number;
  value: number;
}

/** The layer field of the candidates of words the reader makes (no layer has them). */
const NAME_LAYER = -2;
const NUMBER_LAYER = -3;
const PERSON_LAYER = -4;

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function charWidth(text: string, i: number, end: number): number {
  if (i + 1 >= end) return 1;
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** The old Lexicon.numberSpans: number phrases read on the folded text where the fold touches one. */
function numberSpans(text: string, start: number, end: number, fold: Uint16Array): number[] {
  let touches = false;
  for (let i = start; i < end && !touches; i++) {
    const f = fold[text.charCodeAt(i)];
    touches = f !== 0 && NUMBER_CHARACTERS.includes(String.fromCharCode(f));
  }
  if (!touches) return numberPhrases(text, start, end);
  const folded = foldWith(text.slice(start, end), fold) ?? text.slice(start, end);
  return numberPhrases(folded, 0, end - start).map((offset) => offset + start);
}

function endsInsidePhrase(phrases: readonly number[], from: number, end: number): boolean {
  for (let k = from; k < phrases.length && phrases[k] < end; k += 2) if (end < phrases[k + 1]) return true;
  return false;
}

/**
 * Keys of one layer starting at `i` and ending at or before `limit`, found by exact lookup of each
 * substring (stopping once no key continues it), as [length, value index, weight] triples.
 */
function keysAt(lexicon: Lexicon, l: number, text: string, i: number, limit: number): number[][] {
  const layer = lexicon.layers[l];
  const out: number[][] = [];
  for (let n = 1; i + n <= limit; n++) {
    const key = text.slice(i, i + n);
    if (layer.longestAt(key, 0, n) === n) out.push([n, layer.lastValue, layer.lastWeight]);
    if (layer.lastDepth < n) break;
  }
  return out;
}

/** The old Lexicon.segment + Lattice.solve + forEachOnPath + valuesOf, over text[start, end). */
export function referenceSegment(lexicon: Lexicon, fold: Uint16Array, text: string, start: number, end: number) {
  const steps: ReferenceStep[] = [];
  const layerCount = lexicon.layers.length;
  if (layerCount === 0 || start >= end) return steps;
  const numbers = numberSpans(text, start, end, fold);
  // Unlisted organisation names (added after the speed work) come from the lexicon's own finder.
  const names = lexicon.unlistedRuns(text, start, end);
  const candidates: Candidate[] = [];
  // The old folded walk read each code unit through the fold; offsets stay those of the text.
  const foldedText = foldWith(text, fold) ?? text;
  let phrase = 0;
  for (let i = start; i < end;) {
    const width = charWidth(text, i, end);
    let single = false;
    const insideAscii = isAsciiAlnum(text.charCodeAt(i)) && i > 0 && isAsciiAlnum(text.charCodeAt(i - 1));
    while (phrase < numbers.length && numbers[phrase + 1] <= i) phrase += 2;
    const inPhrase = phrase < numbers.length && numbers[phrase] < i;
    const limit = inPhrase ? numbers[phrase + 1] : end;
    const startsPhrase = phrase < numbers.length && numbers[phrase] === i;
    const later = startsPhrase ? phrase + 2 : phrase;
    let longest = 0;
    let phraseIsKey = false;
    for (let l = 0; l < (insideAscii ? 0 : layerCount); l++) {
      const glossary = !lexicon.isDictionary(l);
      const plain = keysAt(lexicon, l, text, i, limit);
      const folded = keysAt(lexicon, l, foldedText, i, limit).filter(([n]) => !plain.some(([m]) => m === n));
      for (const [length, value, weight] of [...plain, ...folded]) {
        const e = i + length;
        if (isAsciiAlnum(text.charCodeAt(e - 1)) && e < text.length && isAsciiAlnum(text.charCodeAt(e))) continue;
        if (!inPhrase && endsInsidePhrase(numbers, later, e)) continue;
        if (length === width) single = true;
        longest = Math.max(longest, length);
        if (startsPhrase && e === numbers[phrase + 1]) phraseIsKey = true;
        const frequencyCost = weight === NO_WEIGHT ? UNKNOWN_FREQUENCY_COST : weight / 10;
        candidates.push({ start: i, end: e, cost: wordCost(frequencyCost, length, glossary), layer: l, value });
      }
    }
    if (!single) candidates.push({ start: i, end: i + width, cost: UNKNOWN_CHARACTER_COST, layer: -1, value: -1 });
    // Number words (added after the speed work): a number phrase no key spans, its unit inside it.
    const phraseEnd = startsPhrase ? numbers[phrase + 1] : 0;
    const cutsAscii = (e: number) =>
      e < text.length && isAsciiAlnum(text.charCodeAt(e - 1)) && isAsciiAlnum(text.charCodeAt(e));
    if (startsPhrase && !phraseIsKey && !insideAscii && !cutsAscii(phraseEnd)) {
      candidates.push({ start: i, end: phraseEnd, cost: NUMBER_COST, layer: NUMBER_LAYER, value: -1 });
    }
    // Personal names: a surname and a given name where no key longer than the character starts, or after a title.
    const at = (k: number) => foldedText.charCodeAt(k);
    if (!inPhrase && personalNameAt(at, i, start, end, longest > width) && !endsInsidePhrase(numbers, later, i + 3)) {
      candidates.push({ start: i, end: i + 3, cost: PERSONAL_NAME_COST, layer: PERSON_LAYER, value: -1 });
    }
    for (const { start: s, end: e } of names) {
      if (s === i && !inPhrase && !endsInsidePhrase(numbers, later, e)) {
        candidates.push({ start: i, end: e, cost: NAME_COST, layer: NAME_LAYER, value: -1 });
      }
    }
    i += width;
  }
  // Candidates are in order of their start, so visiting them last to first settles every later
  // position before a candidate ending there is weighed.
  const n = end - start;
  const best = new Array<number>(n + 1).fill(Infinity);
  const choice = new Array<number>(n + 1).fill(-1);
  best[n] = 0;
  for (let k = candidates.length - 1; k >= 0; k--) {
    const cand = candidates[k];
    const s = cand.start - start;
    const c = cand.cost + best[cand.end - start];
    if (c < best[s] || (c === best[s] && choice[s] >= 0 && cand.end > candidates[choice[s]].end)) {
      best[s] = c;
      choice[s] = k;
    }
  }
  for (let p = start; p < end;) {
    const k = choice[p - start];
    if (k < 0) throw new Error(`reference segmentation: no path at offset ${p}`);
    const { start: s, end: e, layer } = candidates[k];
    const values = new Array<number>(layerCount).fill(-1);
    if (layer >= 0) {
      for (const other of candidates) {
        if (other.start === s && other.end === e && other.layer >= 0 && values[other.layer] < 0) {
          values[other.layer] = other.value;
        }
      }
    }
    steps.push({ start: s, end: e, word: layer !== -1, values });
    p = e;
  }
  return steps;
}
