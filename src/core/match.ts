/**
 * The term index: a trie flattened into typed arrays, with a direct 64K table for the first code
 * unit. Most positions in a text fail on that first lookup; the rest walk sorted edge arrays with a
 * binary search. Typed arrays keep ~200,000 keys (curated + CC-CEDICT, both scripts) compact and let
 * a prebuilt index be loaded from bytes without rebuilding it.
 */


/** The trie's typed arrays: what a prebuilt index stores and loads without rebuilding. */
export interface TrieArrays {
  /** Child of the root for each first UTF-16 code unit (0: none). */
  readonly rootChildren: Uint32Array;
  /**
   * Edges of node n are edgeStart[n] .. edgeStart[n + 1] - 1, sorted by code unit. Nodes are
   * numbered breadth-first with each node's children in edge order, so edge e always leads to
   * node e + 1 and no target array is stored.
   */
  readonly edgeStart: Uint32Array;
  readonly edgeChar: Uint16Array;
  /** Value index of the key ending at each node, or -1. */
  readonly nodeValue: Int32Array;
}

export class TermIndex<V> {
  private readonly rootChildren: Uint32Array;
  private readonly edgeStart: Uint32Array;
  private readonly edgeChar: Uint16Array;
  private readonly nodeValue: Int32Array;

  /**
   * @param valueAt the value of key number i; a prebuilt index decodes values lazily through it,
   *   so loading costs nothing per key.
   */
  constructor(
    readonly arrays: TrieArrays,
    readonly size: number,
    readonly valueAt: (i: number) => V,
  ) {
    ({ rootChildren: this.rootChildren, edgeStart: this.edgeStart, edgeChar: this.edgeChar, nodeValue: this.nodeValue } = arrays);
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
    // A transient pointer trie, flattened breadth-first so every node's edges are contiguous.
    interface Node { children: Map<number, Node>; value: number; id: number }
    const root: Node = { children: new Map(), value: -1, id: 0 };
    const values: V[] = [];
    for (const key of keys) {
      let node = root;
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        let child = node.children.get(c);
        if (!child) {
          child = { children: new Map(), value: -1, id: -1 };
          node.children.set(c, child);
        }
        node = child;
      }
      node.value = values.length;
      values.push(byKey.get(key) as V);
    }
    const order: Node[] = [root];
    for (let q = 0; q < order.length; q++) {
      const sorted = [...order[q].children.entries()].sort((a, b) => a[0] - b[0]);
      for (const [, child] of sorted) {
        child.id = order.length;
        order.push(child);
      }
    }
    const nodeCount = order.length;
    const edgeStart = new Uint32Array(nodeCount + 1);
    const edgeChar = new Uint16Array(Math.max(0, nodeCount - 1));
    const nodeValue = new Int32Array(nodeCount);
    const rootChildren = new Uint32Array(0x10000);
    let e = 0;
    for (const node of order) {
      edgeStart[node.id] = e;
      nodeValue[node.id] = node.value;
      const sorted = [...node.children.entries()].sort((a, b) => a[0] - b[0]);
      for (const [c, child] of sorted) {
        edgeChar[e] = c;
        if (child.id !== e + 1) throw new Error('term index: breadth-first numbering broken');
        e++;
        if (node === root) rootChildren[c] = child.id;
      }
    }
    edgeStart[nodeCount] = e;
    return new TermIndex({ rootChildren, edgeStart, edgeChar, nodeValue }, values.length, (i) => values[i]);
  }

  /**
   * Value index of the key found by the last `longestAt` (-1 if none). A field rather than a
   * returned object: matching calls longestAt at every position and must not allocate.
   */
  lastValue = -1;
  /** How many code units past `start` the last `longestAt` examined (its walk stopped there). */
  lastDepth = 0;

  /** Length of the longest key that starts at `start` and ends at or before `end` (0: none); its value index goes to `lastValue`. */
  longestAt(text: string, start: number, end: number = text.length): number {
    this.lastValue = -1;
    this.lastDepth = 0;
    let node = this.rootChildren[text.charCodeAt(start)];
    if (node === 0) return 0;
    let bestLength = 0;
    let bestValue = -1;
    let i = start + 1;
    for (;;) {
      const v = this.nodeValue[node];
      if (v >= 0) {
        bestLength = i - start;
        bestValue = v;
      }
      if (i >= end) break;
      const next = this.child(node, text.charCodeAt(i));
      if (next === 0) break;
      node = next;
      i++;
    }
    this.lastValue = bestValue;
    this.lastDepth = i - start;
    return bestLength;
  }

  /** The value stored for exactly `key`, if any. */
  get(key: string): V | undefined {
    const length = this.longestAt(key, 0, key.length);
    return length === key.length && length > 0 ? this.valueAt(this.lastValue) : undefined;
  }

  private child(node: number, c: number): number {
    let lo = this.edgeStart[node];
    let hi = this.edgeStart[node + 1] - 1;
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
