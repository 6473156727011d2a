/**
 * The term index: a trie flattened into typed arrays, with a direct 64K table for the first code
 * unit. Most positions in a text fail on that first lookup; the rest walk sorted edge arrays with a
 * binary search. Typed arrays keep ~200,000 keys (curated + CC-CEDICT, both scripts) compact and let
 * a prebuilt index be loaded from bytes without rebuilding it.
 *
 * Walking the trie is bound by memory latency, not arithmetic (a hash of the edges measured slower
 * than the binary search), so the layout aims at touching few cache lines: an 8 KB bitset answers
 * "does any key start with this character" before the 256 KB root table is read.
 */

/** The trie's typed arrays: what a prebuilt index stores and loads without rebuilding. */
export interface TrieArrays {
  /** Child of the root for each first UTF-16 code unit (0: none). */
  readonly rootChildren: Uint32Array;
  /**
   * Two integers per node, side by side so that one cache line serves both: nodes[2n] is the first
   * edge of node n and nodes[2n + 1] the value index of the key ending there (-1: none). Edges of
   * node n are nodes[2n] .. nodes[2n + 2] - 1 (one extra entry closes the last node), sorted by
   * code unit. Nodes are numbered breadth-first with each node's children in edge order, so edge
   * e always leads to node e + 1 and no target array is stored.
   */
  readonly nodes: Int32Array;
  readonly edgeChar: Uint16Array;
  /** One bit per code unit, set if some key starts with it. */
  readonly rootBits: Int32Array;
}

/**
 * The flat trie of keys sorted by code unit, built breadth-first without a pointer trie: each node
 * is the range of keys sharing its prefix, so children are found by scanning that range once. The
 * value of the key keys[i] is i.
 */
function trieOfSortedKeys(keys: readonly string[]): TrieArrays {
  let maxNodes = 1;
  for (const k of keys) maxNodes += k.length;
  // Queue of nodes in breadth-first order: the key range [lo, hi) and the prefix length.
  const lo = new Int32Array(maxNodes);
  const hi = new Int32Array(maxNodes);
  const depth = new Int32Array(maxNodes);
  const nodes = new Int32Array(2 * maxNodes + 2);
  const edgeChar = new Uint16Array(Math.max(0, maxNodes - 1));
  const rootChildren = new Uint32Array(0x10000);
  const rootBits = new Int32Array(0x800);
  hi[0] = keys.length;
  let count = 1;
  let e = 0;
  for (let n = 0; n < count; n++) {
    const d = depth[n];
    let k = lo[n];
    nodes[2 * n] = e;
    nodes[2 * n + 1] = -1;
    // Sorted keys put the one equal to the prefix (if any) first.
    if (k < hi[n] && keys[k].length === d) nodes[2 * n + 1] = k++;
    while (k < hi[n]) {
      const c = keys[k].charCodeAt(d);
      const from = k;
      while (k < hi[n] && keys[k].charCodeAt(d) === c) k++;
      edgeChar[e] = c;
      lo[count] = from;
      hi[count] = k;
      depth[count] = d + 1;
      if (n === 0) {
        rootChildren[c] = count;
        rootBits[c >>> 5] |= 1 << (c & 31);
      }
      // Breadth-first numbering: edge e leads to node e + 1.
      count++;
      e++;
    }
  }
  nodes[2 * count] = e;
  nodes[2 * count + 1] = -1;
  return { rootChildren, rootBits, nodes: nodes.slice(0, 2 * count + 2), edgeChar: edgeChar.slice(0, e) };
}

export class TermIndex<V> {
  private readonly rootChildren: Uint32Array;
  private readonly nodes: Int32Array;
  private readonly edgeChar: Uint16Array;
  /** One bit per code unit: set if some key starts with it (small enough to stay in the L1 cache). */
  private readonly rootBits: Int32Array;

  /**
   * @param valueAt the value of key number i; a prebuilt index decodes values lazily through it,
   *   so loading costs nothing per key.
   */
  constructor(
    readonly arrays: TrieArrays,
    readonly size: number,
    readonly valueAt: (i: number) => V,
  ) {
    ({ rootChildren: this.rootChildren, rootBits: this.rootBits, nodes: this.nodes, edgeChar: this.edgeChar } = arrays);
  }

  /** Builds an index from keys and their values; a repeated key keeps the value merged by `merge`. */
  static build<V>(pairs: Iterable<readonly [string, V]>, merge: (a: V, b: V) => V = (a) => a): TermIndex<V> {
    const byKey = new Map<string, V>();
    for (const [key, value] of pairs) {
      if (key.length === 0) continue;
      const prior = byKey.get(key);
      byKey.set(key, prior === undefined ? value : merge(prior, value));
    }
    const keys = [...byKey.keys()].sort();
    const values = keys.map((k) => byKey.get(k) as V);
    return new TermIndex(trieOfSortedKeys(keys), values.length, (i) => values[i]);
  }

  /**
   * Value index of the key found by the last `longestAt` (-1 if none). A field rather than a
   * returned object: matching calls longestAt at every position and must not allocate.
   */
  lastValue = -1;
  /** How many code units past `start` the last `longestAt` examined (its walk stopped there). */
  lastDepth = 0;

  /**
   * Length of the longest key that starts at `start` and ends at or before `end` (0: none); its
   * value index goes to `lastValue`. With `fold`, the text is read as the table maps it, code unit
   * for code unit (0: unchanged), without making the folded string: traditional text is matched
   * against simplified keys in place.
   */
  longestAt(text: string, start: number, end: number = text.length, fold?: Uint16Array): number {
    this.lastValue = -1;
    this.lastDepth = 0;
    let c = text.charCodeAt(start);
    if (fold !== undefined) c = fold[c] || c;
    if ((this.rootBits[c >>> 5] & (1 << (c & 31))) === 0) return 0;
    let node = this.rootChildren[c];
    let bestLength = 0;
    let bestValue = -1;
    let i = start + 1;
    for (;;) {
      const v = this.nodes[2 * node + 1];
      if (v >= 0) {
        bestLength = i - start;
        bestValue = v;
      }
      if (i >= end) break;
      c = text.charCodeAt(i);
      if (fold !== undefined) c = fold[c] || c;
      const next = this.child(node, c);
      if (next === 0) break;
      node = next;
      i++;
    }
    this.lastValue = bestValue;
    this.lastDepth = i - start;
    return bestLength;
  }

  /**
   * Every key that starts at `start` and ends at or before `end`, shortest first: their lengths go
   * to `lengths` and their value indexes to `values` (both at least as long as the longest key);
   * returns how many. `lastDepth` is set as by `longestAt`. The lattice of a segmentation needs
   * every word at a position, not only the longest, and this is the same walk.
   */
  prefixesAt(
    text: string,
    start: number,
    end: number,
    fold: Uint16Array | undefined,
    lengths: Int32Array,
    values: Int32Array,
  ): number {
    this.lastDepth = 0;
    let c = text.charCodeAt(start);
    if (fold !== undefined) c = fold[c] || c;
    if ((this.rootBits[c >>> 5] & (1 << (c & 31))) === 0) return 0;
    let node = this.rootChildren[c];
    let found = 0;
    let i = start + 1;
    for (;;) {
      const v = this.nodes[2 * node + 1];
      if (v >= 0 && found < lengths.length) {
        lengths[found] = i - start;
        values[found++] = v;
      }
      if (i >= end) break;
      c = text.charCodeAt(i);
      if (fold !== undefined) c = fold[c] || c;
      const next = this.child(node, c);
      if (next === 0) break;
      node = next;
      i++;
    }
    this.lastDepth = i - start;
    return found;
  }

  get nodeCount(): number {
    return this.nodes.length / 2 - 1;
  }

  /** How many children node n has. */
  childCount(n: number): number {
    return this.nodes[2 * n + 2] - this.nodes[2 * n];
  }

  /** Value index of the key ending at node n, or -1. */
  valueOfNode(n: number): number {
    return this.nodes[2 * n + 1];
  }

  /** The value stored for exactly `key`, if any. */
  get(key: string): V | undefined {
    const length = this.longestAt(key, 0, key.length);
    return length === key.length && length > 0 ? this.valueAt(this.lastValue) : undefined;
  }

  private child(node: number, c: number): number {
    let lo = this.nodes[2 * node];
    let hi = this.nodes[2 * node + 2] - 1;
    const chars = this.edgeChar;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = chars[mid];
      if (m === c) return mid + 1;
      if (m < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
