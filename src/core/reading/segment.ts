/**
 * Word segmentation for reading: a lattice of candidate words (every dictionary match at every
 * position, one "unknown" step per character nobody knows) and the path
 * through it of least total cost, by dynamic programming from the end of the text backwards, as
 * jieba does with its DAG. A word's cost is its negative log frequency (the build step stores it
 * beside each dictionary key), so a common two-word split beats a rare word that swallows a
 * character of its neighbour (新手机 is 新 | 手机, not 新手 | 机).
 *
 * This file knows nothing of dictionaries: callers add candidates (start, end, cost, a tag of their
 * own) and read the path back. The lattice is reused from passage to passage, so a scan allocates
 * only when a passage is longer than any before it.
 */

/** Cost of a key whose frequency is unknown (not in the frequency list): a word seen about once. */
export const UNKNOWN_FREQUENCY_COST = 18;
/** Added to every single-character word: a split into single characters is the reading of last resort. */
export const SINGLE_CHARACTER_PENALTY = 3;
/**
 * A glossary word (workspace, user, curated) costs at most this: less than any split of its own
 * characters into two or more dictionary words (the cheapest words are 一个 at 6.0 and, with its
 * penalty, 了 at 7.2), so a glossary term is read whole wherever it stands. A cap of 10 would keep
 * that and pull fewer characters off neighbours (生 | 产量), but then a personal name (歐系車 | 廠)
 * beats a glossary word it cuts: it gained one word of 938 on the real-text set, so it waits.
 */
export const GLOSSARY_COST = 5;
/** A character no dictionary has, read on its own. */
export const UNKNOWN_CHARACTER_COST = UNKNOWN_FREQUENCY_COST + SINGLE_CHARACTER_PENALTY + 2;

/** The cost of a dictionary word: its frequency's, capped for glossary words, single characters penalised. */
export function wordCost(
  /** Negative natural log of the word's relative frequency (UNKNOWN_FREQUENCY_COST when unknown). */
  frequencyCost: number,
  characters: number,
  /** A glossary (not only the general dictionary) has the word. */
  glossary: boolean,
): number {
  const base = glossary ? Math.min(frequencyCost, GLOSSARY_COST) : frequencyCost;
  return characters === 1 ? base + SINGLE_CHARACTER_PENALTY : base;
}

/** Tag of a candidate that is no dictionary word (an unknown character). */
export const NO_TAG = -1;

/**
 * Candidates of one range of text, added in order of their start (all candidates starting at a
 * position before any starting later), and the least-cost path through them.
 */
export class Lattice {
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private costs = new Float64Array(64);
  private tags = new Int32Array(64);
  private count = 0;
  private base = 0;
  private length = 0;
  /** Per position (from the range's start), the least cost to the end and the candidate taken. */
  private best = new Float64Array(64);
  private choice = new Int32Array(64);

  /** Empties the lattice for the range [base, base + length). */
  reset(base: number, length: number): void {
    this.base = base;
    this.length = length;
    this.count = 0;
    if (this.best.length < length + 1) {
      const size = Math.max(length + 1, this.best.length * 2);
      this.best = new Float64Array(size);
      this.choice = new Int32Array(size);
    }
  }

  get size(): number {
    return this.count;
  }

  /** Adds the candidate [start, end) (offsets into the text), not before one added earlier. */
  add(start: number, end: number, cost: number, tag: number): void {
    if (this.count === this.starts.length) this.grow();
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.costs[k] = cost;
    this.tags[k] = tag;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.starts = copy(this.starts, (m) => new Int32Array(m));
    this.ends = copy(this.ends, (m) => new Int32Array(m));
    this.costs = copy(this.costs, (m) => new Float64Array(m));
    this.tags = copy(this.tags, (m) => new Int32Array(m));
  }

  startOf(k: number): number {
    return this.starts[k];
  }

  endOf(k: number): number {
    return this.ends[k];
  }

  tagOf(k: number): number {
    return this.tags[k];
  }

  costOf(k: number): number {
    return this.costs[k];
  }

  /**
   * Finds the least-cost path from the range's start to its end; then `pathFrom(p)` gives the
   * candidate taken at position p of the path. Candidates are visited last to first: all those
   * starting later are then settled. On equal cost the longer word wins. False if no path covers
   * the range (a caller that adds one step per character always has one).
   */
  solve(): boolean {
    const n = this.length;
    const best = this.best;
    const choice = this.choice;
    best.fill(Infinity, 0, n);
    best[n] = 0;
    choice.fill(-1, 0, n + 1);
    const base = this.base;
    for (let k = this.count - 1; k >= 0; k--) {
      const s = this.starts[k] - base;
      const rest = best[this.ends[k] - base];
      const c = this.costs[k] + rest;
      const b = best[s];
      if (c < b || (c === b && this.ends[k] > this.ends[choice[s]])) {
        best[s] = c;
        choice[s] = k;
      }
    }
    return n === 0 || best[0] < Infinity;
  }

  /** The candidate the solved path takes at text offset `at` (which must be on the path). */
  pathAt(at: number): number {
    return this.choice[at - this.base];
  }

  /** Calls `visit` with each candidate of the solved path, in text order. */
  forEachOnPath(visit: (k: number) => void): void {
    let p = this.base;
    const end = this.base + this.length;
    while (p < end) {
      const k = this.choice[p - this.base];
      if (k < 0) throw new Error(`segmentation: no path at offset ${p}`);
      visit(k);
      p = this.ends[k];
    }
  }
}
