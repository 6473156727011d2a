/**
 * Word segmentation for reading: the candidate words at every position (every dictionary match,
 * one "unknown" step per character nobody knows) and the path through them of least total cost,
 * by dynamic programming from the end of the text backwards, as jieba does with its DAG. A word's
 * cost is its negative log frequency (the build step stores it beside each dictionary key), so a
 * common two-word split beats a rare word that swallows a character of its neighbour (新手机 is
 * 新 | 手机, not 新手 | 机).
 *
 * This file knows nothing of dictionaries: a caller says which words start at a position (end,
 * cost, a tag of its own) when the solver asks, and reads the path back. The candidates are weighed
 * as they are made, position by position from the end, and never stored: every word ending after
 * a position is settled by then, so only the best choice per position is kept: memory follows the
 * passage's length, not its number of candidates (the speed measured the same as a stored lattice's
 * on the bench corpus; the trie walks dominate either way). The solver's arrays are
 * reused from passage to passage, so a scan allocates only when a passage is longer than any
 * before it.
 */

/** Cost of a key whose frequency is unknown (not in the frequency list): a word seen about once. */
export const UNKNOWN_FREQUENCY_COST = 18;
/** Added to every single-character word: a split into single characters is the reading of last resort. */
export const SINGLE_CHARACTER_PENALTY = 3;
/**
 * A glossary word (workspace, user, curated) of two characters or more costs at most this: less
 * than any split of its own characters into two or more dictionary words (the cheapest words are
 * 一个 at 6.0 and, with its penalty, 了 at 7.2), so a glossary term is read whole wherever it
 * stands. A cap of 10 would keep that and pull fewer characters off neighbours (生 | 产量), but then
 * a personal name (歐系車 | 廠) beats a glossary word it cuts: it gained one word of 938 on the
 * real-text set, so it waits.
 */
export const GLOSSARY_COST = 5;

/** A character no dictionary has, read on its own. */
export const UNKNOWN_CHARACTER_COST = UNKNOWN_FREQUENCY_COST + SINGLE_CHARACTER_PENALTY + 2;

/**
 * The cost of a dictionary word: its frequency's, capped for glossary words of several characters,
 * single characters penalised.
 */
export function wordCost(
  /** Negative natural log of the word's relative frequency (UNKNOWN_FREQUENCY_COST when unknown). */
  frequencyCost: number,
  characters: number,
  /** A glossary (not only the general dictionary) has the word. */
  glossary: boolean,
): number {
  // A glossary's single character keeps its frequency's cost: capped, the measure word 台 "unit" cut
  // 台中 (Taichung) into 台 | 中 (8 + 8.5 against 16.8); alone it has no characters to keep together.
  if (characters === 1) return frequencyCost + SINGLE_CHARACTER_PENALTY;
  return glossary ? Math.min(frequencyCost, GLOSSARY_COST) : frequencyCost;
}

/** Tag of a candidate that is no dictionary word (an unknown character). */
export const NO_TAG = -1;

/** The words starting at one position, as a caller adds them when the solver asks. */
export class Candidates {
  ends = new Int32Array(64);
  costs = new Float64Array(64);
  tags = new Int32Array(64);
  count = 0;

  /** Adds the word ending at `end` (an offset into the text) with its cost and tag. */
  add(end: number, cost: number, tag: number): void {
    if (this.count === this.ends.length) this.grow();
    const k = this.count++;
    this.ends[k] = end;
    this.costs[k] = cost;
    this.tags[k] = tag;
  }

  private grow(): void {
    const n = this.ends.length * 2;
    const ends = new Int32Array(n);
    const costs = new Float64Array(n);
    const tags = new Int32Array(n);
    ends.set(this.ends);
    costs.set(this.costs);
    tags.set(this.tags);
    this.ends = ends;
    this.costs = costs;
    this.tags = tags;
  }
}

/** Whether code unit `c` at `p` is the second half of a surrogate pair that starts inside [start, …). */
function isPairTail(text: string, p: number, start: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 0xdc00 || c > 0xdfff || p <= start) return false;
  const before = text.charCodeAt(p - 1);
  return before >= 0xd800 && before <= 0xdbff;
}

/**
 * Width of the character at i: both halves of a surrogate pair, one unit of a lone half or of a
 * pair the range's end cuts.
 */
export function charWidth(text: string, i: number, end: number): number {
  if (i + 1 >= end) return 1;
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * The least-cost path through a range's candidate words. A tag ≥ 0 stands for a word some layer
 * of the caller's has, as `value * layers + layer`; where several layers have the chosen word
 * (several candidates of the same span), the path keeps each layer's value of it.
 */
export class PathSolver {
  readonly candidates = new Candidates();
  private base = 0;
  private length = 0;
  private layers = 1;
  /** Per position (from the range's start): least cost to the range's end, the word taken there. */
  private best = new Float64Array(64);
  private ends = new Int32Array(64);
  private tags = new Int32Array(64);
  /** Per position and layer, that layer's value of the word taken there (-1: the layer lacks it). */
  private values = new Int32Array(64);

  /**
   * Finds the least-cost path through text[start, end): for each character from the last to the
   * first, `candidatesAt(p, width)` adds to `candidates` the words starting at p (width: the
   * character's code units). False if no path covers the range (a caller that adds one step per
   * character always has one).
   */
  solve(
    text: string,
    start: number,
    end: number,
    layers: number,
    candidatesAt: (p: number, width: number) => void,
  ): boolean {
    this.begin(start, end, layers);
    for (let p = end - 1; p >= start; p--) {
      const width = this.positionAt(text, p, start, end);
      if (width === 0) continue;
      candidatesAt(p, width);
      this.settle(p);
    }
    return this.solved();
  }

  /** Starts the range text[start, end) for positions to be settled from its end backwards. */
  private begin(start: number, end: number, layers: number): void {
    const n = end - start;
    this.reserve(n + 1, layers);
    this.base = start;
    this.length = n;
    this.layers = layers;
    this.best[n] = 0;
  }

  /**
   * The width of the character at p (0: p is the second half of a surrogate pair, no position:
   * no word starts there), with the candidates emptied for the caller to fill.
   */
  private positionAt(text: string, p: number, start: number, end: number): number {
    if (isPairTail(text, p, start)) {
      this.best[p - start] = Infinity;
      this.ends[p - start] = -1;
      return 0;
    }
    this.candidates.count = 0;
    return charWidth(text, p, end);
  }

  /**
   * Chooses the word taken at p among the candidates added for it: the least cost to the range's
   * end and, on equal cost, the longer word, then the one added last.
   */
  private settle(p: number): void {
    const { best, candidates } = this;
    const start = this.base;
    const cEnds = candidates.ends;
    const cCosts = candidates.costs;
    let least = Infinity;
    let k = -1;
    for (let j = 0; j < candidates.count; j++) {
      const e = cEnds[j];
      const c = cCosts[j] + best[e - start];
      if (c < least || (c === least && c !== Infinity && e >= cEnds[k])) {
        least = c;
        k = j;
      }
    }
    const at = p - start;
    best[at] = least;
    this.ends[at] = k < 0 ? -1 : cEnds[k];
    const tag = k < 0 ? NO_TAG : candidates.tags[k];
    this.tags[at] = tag;
    if (tag >= 0) this.keepValues(at, cEnds[k]);
  }

  /** Whether the range just settled has a path. */
  private solved(): boolean {
    return this.length === 0 || this.best[0] < Infinity;
  }

  /** Per layer, the value of the chosen span [p, end) among the position's candidates. */
  private keepValues(at: number, end: number): void {
    const { values, layers, candidates } = this;
    const from = at * layers;
    // A loop, not fill(): a builtin call costs more than the few stores of one position.
    for (let l = 0; l < layers; l++) values[from + l] = -1;
    for (let j = 0; j < candidates.count; j++) {
      const tag = candidates.tags[j];
      if (tag < 0 || candidates.ends[j] !== end) continue;
      const l = tag % layers;
      if (values[from + l] < 0) values[from + l] = (tag - l) / layers;
    }
  }

  private reserve(size: number, layers: number): void {
    if (this.best.length < size) {
      const grown = Math.max(size, this.best.length * 2);
      this.best = new Float64Array(grown);
      this.ends = new Int32Array(grown);
      this.tags = new Int32Array(grown);
    }
    if (this.values.length < size * layers) this.values = new Int32Array(Math.max(size, this.best.length) * layers);
  }

  /** End of the word the solved path takes at text offset `p` (which must be on the path). */
  endAt(p: number): number {
    return this.ends[p - this.base];
  }

  /** Tag of the word the solved path takes at `p`. */
  tagAt(p: number): number {
    return this.tags[p - this.base];
  }

  /** The per-layer values of the word at `p` are `valuesArray[valuesFrom(p) + layer]` (tags ≥ 0 only). */
  get valuesArray(): Int32Array {
    return this.values;
  }

  valuesFrom(p: number): number {
    return (p - this.base) * this.layers;
  }

  /** Calls `visit` with each word of the solved path, in text order. */
  forEachOnPath(visit: (start: number, end: number, tag: number) => void): void {
    let p = this.base;
    const end = this.base + this.length;
    while (p < end) {
      const e = this.ends[p - this.base];
      if (e < 0 || this.best[p - this.base] === Infinity) throw new Error(`segmentation: no path at offset ${p}`);
      visit(p, e, this.tags[p - this.base]);
      p = e;
    }
  }
}
