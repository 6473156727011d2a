/**
 * The term index: a trie flattened into typed arrays, with a direct 64K table for the first code
 * unit. Most positions in a text fail on that first lookup; the rest walk sorted edge arrays with a
 * binary search. Typed arrays keep ~200,000 keys (curated + CC-CEDICT, both scripts) compact and let
 * a prebuilt index be loaded from bytes without rebuilding it.
 *
 * Walking the trie is bound by memory latency, not arithmetic (a hash of the edges measured slower
 * than the binary search), so the layout aims at touching few cache lines: an 8 KB bitset answers
 * "does any key start with this character", and its running popcount (another 8 KB) gives the
 * root's child, so the walk does not read the 256 KB root table at all (profiled on the bench
 * corpus: that table and a separate per-key cost array were a cache miss at nearly every position).
 * A key's weight byte (the lexicon's word cost) sits beside its value in the node, read with it.
 * Most walks end on a child search that fails (the next character continues no key), and the
 * nodes with many children (the first characters, up to 770 children in CC-CEDICT) make that
 * search several cache misses: a bit filter of their (node, code unit) edges, 128 KB at most,
 * answers most failures with one read (measured: the walk ~30 % faster on the bench corpus).
 */

/** Weight byte of a key that has none. */
export const NO_WEIGHT = 255;
/** Value field of a node where no key ends (value 0xffffff with weight 255): -1. */
const NO_KEY = -1;
/** Largest value index a node can hold beside its weight byte. */
const MAX_VALUE = 0xfffffe;

/** The trie's typed arrays: what a prebuilt index stores and loads without rebuilding. */
export interface TrieArrays {
  /** Child of the root for each first UTF-16 code unit (0: none). */
  readonly rootChildren: Uint32Array;
  /**
   * Two integers per node, side by side so that one cache line serves both: nodes[2n] is the first
   * edge of node n and nodes[2n + 1] the key ending there (-1: none), its value index in the low 24
   * bits and its weight byte (NO_WEIGHT: none) in the high 8 (`packKey`). Edges of
   * node n are nodes[2n] .. nodes[2n + 2] - 1 (one extra entry closes the last node), sorted by
   * code unit. Nodes are numbered breadth-first with each node's children in edge order, so edge
   * e always leads to node e + 1 and no target array is stored.
   */
  readonly nodes: Int32Array;
  readonly edgeChar: Uint16Array;
  /**
   * One bit per code unit, set if some key starts with it. The root's children are nodes 1, 2, …
   * in code-unit order (breadth-first numbering), so the child for c is 1 + the bits set below c.
   */
  readonly rootBits: Int32Array;
  /**
   * The edge filter (`edgeFilterOf`), when a prebuilt index stores it: opening then builds nothing.
   * Its size says its hash width (2^shift bits).
   */
  readonly edgeFilter?: Int32Array;
  /**
   * A prebuilt index's nodes as stored (`PackedNodes`): `nodes` is then filled a chunk of
   * NODE_CHUNK nodes at a time, when a walk first reaches one, so opening expands nothing.
   */
  readonly packed?: PackedNodes;
}

/**
 * Nodes expanded together from their packed form: a walk reaching one expands its 1,024 (a few
 * microseconds; the first lookups touch a few dozen chunks of CC-CEDICT's 600).
 */
export const NODE_CHUNK_SHIFT = 10;
export const NODE_CHUNK = 1 << NODE_CHUNK_SHIFT;

/** A trie's nodes as an asset stores them, the compact form `nodes` is expanded from. */
export interface PackedNodes {
  /** Per node, its number of children. */
  readonly childCount: Uint16Array;
  /** One bit per node: a key ends there (values are numbered in node order). */
  readonly terminal: Uint8Array;
  /** One byte per key, in value order: its weight (NO_WEIGHT if none stored). */
  readonly weights?: Uint8Array;
  /** Per chunk, then once more for the end: its first node's first edge and first value index. */
  readonly chunkStarts: Uint32Array;
}

/** PackedNodes.chunkStarts of an expanded trie: (first edge, first value) of each chunk, then the end. */
export function chunkStartsOf(nodes: Int32Array): Uint32Array {
  const nodeCount = nodes.length / 2 - 1;
  const chunks = Math.ceil(nodeCount / NODE_CHUNK);
  const out = new Uint32Array(2 * (chunks + 1));
  let value = 0;
  for (let n = 0; n <= nodeCount; n++) {
    if ((n & (NODE_CHUNK - 1)) === 0 || n === nodeCount) {
      const c = n === nodeCount ? chunks : n >>> NODE_CHUNK_SHIFT;
      out[2 * c] = nodes[2 * n];
      out[2 * c + 1] = value;
    }
    if (n < nodeCount && nodes[2 * n + 1] !== NO_KEY) value++;
  }
  return out;
}

/** The value field of a node: value index `value` with weight byte `weight`. */
export function packKey(value: number, weight: number = NO_WEIGHT): number {
  if (value < 0 || value > MAX_VALUE) throw new Error(`term index: value index ${value} out of range`);
  return value | (weight << 24);
}

/** Nodes with at least this many children have their edges in the edge filter. */
const FILTERED_FANOUT = 4;
/** Filter bits per filtered edge (about 12 % false positives), and the largest filter, 2²⁰ bits. */
const FILTER_BITS_PER_EDGE = 8;
const MAX_FILTER_SHIFT = 20;

/** Hash of the edge (node, code unit) into the filter's `shift` bits. */
function edgeHash(node: number, c: number, shift: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> (32 - shift);
}

/** Bits set in a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
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
    nodes[2 * n + 1] = NO_KEY;
    // Sorted keys put the one equal to the prefix (if any) first.
    if (k < hi[n] && keys[k].length === d) nodes[2 * n + 1] = packKey(k++);
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
  nodes[2 * count + 1] = NO_KEY;
  return { rootChildren, rootBits, nodes: nodes.slice(0, 2 * count + 2), edgeChar: edgeChar.slice(0, e) };
}

export class TermIndex<V> {
  private readonly trie: TrieArrays;
  private readonly nodes: Int32Array;
  /** Per chunk of NODE_CHUNK nodes, 1 once `nodes` holds it (always, for an index built here). */
  private readonly chunkReady: Uint8Array;
  private readonly edgeChar: Uint16Array;
  /** One bit per code unit: set if some key starts with it (small enough to stay in the L1 cache). */
  private readonly rootBits: Int32Array;
  /** Per word of rootBits, the bits set in the words before it: the root's child by a popcount. */
  private readonly rootRank: Int32Array;
  /** One bit per hashed edge of the nodes with FILTERED_FANOUT children or more (edgeHash). */
  private readonly edgeFilter: Int32Array;
  private readonly filterShift: number;
  /** One-slot scratch of `longestAt`: the walk keeps the longest key in the last slot. */
  private readonly oneLength = new Int32Array(1);
  private readonly oneValue = new Int32Array(1);
  private readonly oneWeight = new Int32Array(1);

  /**
   * @param valueAt the value of key number i; a prebuilt index decodes values lazily through it,
   *   so loading costs nothing per key.
   */
  constructor(
    arrays: TrieArrays,
    readonly size: number,
    readonly valueAt: (i: number) => V,
  ) {
    this.trie = arrays;
    ({ rootBits: this.rootBits, nodes: this.nodes, edgeChar: this.edgeChar } = arrays);
    const chunks = Math.ceil((this.nodes.length / 2 - 1) / NODE_CHUNK);
    this.chunkReady = new Uint8Array(chunks).fill(arrays.packed ? 0 : 1);
    if (arrays.packed && !arrays.edgeFilter) this.expandAll();
    this.rootRank = new Int32Array(this.rootBits.length);
    const bits = this.rootBits;
    for (let w = 1; w < bits.length; w++) this.rootRank[w] = this.rootRank[w - 1] + popcount(bits[w - 1]);
    const stored = arrays.edgeFilter;
    ({ filter: this.edgeFilter, shift: this.filterShift } = stored
      ? { filter: stored, shift: 31 - Math.clz32(stored.length * 32) }
      : edgeFilterOf(this.nodes, this.edgeChar));
  }

  /** The trie's arrays, every node expanded (a prebuilt index expands the chunks not yet walked). */
  get arrays(): TrieArrays {
    this.expandAll();
    return this.trie;
  }

  private expandAll(): void {
    for (let c = 0; c < this.chunkReady.length; c++) if (this.chunkReady[c] === 0) this.expandChunk(c);
  }

  /** Fills `nodes` for chunk c from the packed nodes, and the first edge of the node after it. */
  private expandChunk(c: number): void {
    const { childCount, terminal, weights, chunkStarts } = this.trie.packed as PackedNodes;
    const nodes = this.nodes;
    const from = c << NODE_CHUNK_SHIFT;
    const to = Math.min(from + NODE_CHUNK, childCount.length);
    let edge = chunkStarts[2 * c];
    let value = chunkStarts[2 * c + 1];
    for (let n = from; n < to; n++) {
      nodes[2 * n] = edge;
      edge += childCount[n];
      if ((terminal[n >> 3] & (1 << (n & 7))) === 0) nodes[2 * n + 1] = NO_KEY;
      else {
        nodes[2 * n + 1] = packKey(value, weights ? weights[value] : NO_WEIGHT);
        value++;
      }
    }
    // The node after the chunk's last closes its edges (`child` reads it): the same first edge
    // its own chunk will write.
    nodes[2 * to] = edge;
    this.chunkReady[c] = 1;
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
  /** Weight byte of the key found by the last `longestAt` (NO_WEIGHT if none or unweighted). */
  lastWeight = NO_WEIGHT;
  /** How many code units past `start` the last walk (`longestAt`, `prefixesAt`) examined. */
  lastDepth = 0;

  /**
   * Length of the longest key that starts at `start` and ends at or before `end` (0: none); its
   * value index goes to `lastValue`. With `fold`, the text is read as the table maps it, code unit
   * for code unit (0: unchanged), without making the folded string: traditional text is matched
   * against simplified keys in place. The same walk as `prefixesAt`, keeping only the last key.
   */
  longestAt(text: string, start: number, end: number = text.length, fold?: Uint16Array): number {
    const found = this.prefixesAt(text, start, end, fold, this.oneLength, this.oneValue, this.oneWeight);
    this.lastValue = found > 0 ? this.oneValue[0] : -1;
    this.lastWeight = found > 0 ? this.oneWeight[0] : NO_WEIGHT;
    return found > 0 ? this.oneLength[0] : 0;
  }

  /**
   * Every key that starts at `start` and ends at or before `end`, shortest first: their lengths go
   * to `lengths`, their value indexes to `values` and their weight bytes to `weights`; returns how
   * many. Arrays shorter than the number of keys keep the shortest ones and, in the last slot, the
   * longest. `lastDepth` is set to how far the walk read. The segmentation needs every
   * word at a position, `longestAt` only the last: one walk serves both.
   */
  prefixesAt(
    text: string,
    start: number,
    end: number,
    fold: Uint16Array | undefined,
    lengths: Int32Array,
    values: Int32Array,
    weights: Int32Array,
  ): number {
    this.lastDepth = 0;
    let c = text.charCodeAt(start);
    if (fold !== undefined) c = fold[c] || c;
    const word = this.rootBits[c >>> 5];
    const bit = 1 << (c & 31);
    if ((word & bit) === 0) return 0;
    // bit - 1 masks the bits below c (for c & 31 = 31 it is -2³¹ - 1, which & reads as 2³¹ - 1).
    let node = 1 + this.rootRank[c >>> 5] + popcount(word & (bit - 1));
    const nodes = this.nodes;
    const ready = this.chunkReady;
    const room = lengths.length;
    let found = 0;
    let i = start + 1;
    for (;;) {
      if (ready[node >>> NODE_CHUNK_SHIFT] === 0) this.expandChunk(node >>> NODE_CHUNK_SHIFT);
      const key = nodes[2 * node + 1];
      if (key !== NO_KEY) {
        const slot = found < room ? found++ : room - 1;
        lengths[slot] = i - start;
        values[slot] = key & 0xffffff;
        weights[slot] = key >>> 24;
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

  /** Whether some key starts with code unit c (as the text reads it: fold first). */
  startsKeys(c: number): boolean {
    return (this.rootBits[c >>> 5] & (1 << (c & 31))) !== 0;
  }

  get nodeCount(): number {
    return this.nodes.length / 2 - 1;
  }

  /** How many children node n has. */
  childCount(n: number): number {
    if (this.chunkReady[n >>> NODE_CHUNK_SHIFT] === 0) this.expandChunk(n >>> NODE_CHUNK_SHIFT);
    return this.nodes[2 * n + 2] - this.nodes[2 * n];
  }

  /** Value index of the key ending at node n, or -1. */
  valueOfNode(n: number): number {
    if (this.chunkReady[n >>> NODE_CHUNK_SHIFT] === 0) this.expandChunk(n >>> NODE_CHUNK_SHIFT);
    const key = this.nodes[2 * n + 1];
    return key === NO_KEY ? -1 : key & 0xffffff;
  }

  /** The value stored for exactly `key`, if any. */
  get(key: string): V | undefined {
    const length = this.longestAt(key, 0, key.length);
    return length === key.length && length > 0 ? this.valueAt(this.lastValue) : undefined;
  }

  private child(node: number, c: number): number {
    let lo = this.nodes[2 * node];
    let hi = this.nodes[2 * node + 2] - 1;
    if (hi - lo + 1 >= FILTERED_FANOUT) {
      const h = edgeHash(node, c, this.filterShift);
      if ((this.edgeFilter[h >>> 5] & (1 << (h & 31))) === 0) return 0;
    }
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

/**
 * The edge filter of a trie, sized to its filtered edges (2^shift bits, at least 32). Built when an
 * index is made or opened without one; a prebuilt asset stores it (building it for CC-CEDICT's
 * 600,000 nodes took 15–30 ms of the start).
 */
export function edgeFilterOf(nodes: Int32Array, edgeChar: Uint16Array): { filter: Int32Array; shift: number } {
  const nodeCount = nodes.length / 2 - 1;
  let edges = 0;
  for (let n = 0; n < nodeCount; n++) {
    const count = nodes[2 * n + 2] - nodes[2 * n];
    if (count >= FILTERED_FANOUT) edges += count;
  }
  let shift = 5;
  while (shift < MAX_FILTER_SHIFT && 1 << shift < edges * FILTER_BITS_PER_EDGE) shift++;
  const filter = new Int32Array(1 << (shift - 5));
  for (let n = 0; n < nodeCount; n++) {
    const first = nodes[2 * n];
    const last = nodes[2 * n + 2];
    if (last - first < FILTERED_FANOUT) continue;
    for (let e = first; e < last; e++) {
      const h = edgeHash(n, edgeChar[e], shift);
      filter[h >>> 5] |= 1 << (h & 31);
    }
  }
  return { filter, shift };
}
