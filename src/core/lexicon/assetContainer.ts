/**
 * The container the prebuilt lexicon assets share (CC-CEDICT in cedictAsset.ts, the curated
 * glossaries in curatedAsset.ts): a header of counts, typed-array sections taken as views over the
 * bytes, a checksum over them, and a blob of records read only when a lookup needs one. The term
 * index is stored packed (a child count per node, one bit per key end) and expanded a chunk of
 * nodes at a time as walks reach them.
 */
import { chunkStartsOf, edgeFilterOf, NODE_CHUNK, TermIndex, type TrieArrays } from './termIndex';

/**
 * Random access to an asset's bytes. The CLI reads the index part of the file at start and the
 * dictionary records (three quarters of the file) a page at a time when a lookup needs them.
 */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset`. */
  read(offset: number, length: number): Uint8Array;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

export function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * FNV-1a over 32-bit words: ~1 ms for the 3 MB that are read at start anyway, and any damaged
 * byte there would otherwise walk the trie into wrong or missing entries.
 */
export function wordsChecksum(words: Uint32Array, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
  return h >>> 0;
}

/** wordsChecksum over any bytes: their whole words (copied if not 4-aligned), then the last 0–3 bytes. */
export function bytesChecksum(bytes: Uint8Array, seed = 0x811c9dc5): number {
  const whole = bytes.length >>> 2;
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes.subarray(0, whole * 4));
  let h = wordsChecksum(new Uint32Array(aligned.buffer, aligned.byteOffset, whole), seed);
  for (let i = whole * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/** [0, c0, c0 + c1, …]: n + 1 running totals of n counts. */
export function prefixSums(counts: Uint8Array | Uint16Array | Uint32Array): Uint32Array {
  const out = new Uint32Array(counts.length + 1);
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    out[i] = sum;
    sum += counts[i];
  }
  out[counts.length] = sum;
  return out;
}

/** Running totals kept a chunk at a time: each chunk's first total is stored, the rest summed on first use. */
const SUM_CHUNK_SHIFT = 12;

/**
 * Per chunk of 4,096 totals, the first one: `chunkedSums` needs these to answer without summing
 * every count before (an asset stores them, so opening sums nothing).
 */
export function sumChunkStarts(counts: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(((counts.length + 1 + (1 << SUM_CHUNK_SHIFT) - 1) >>> SUM_CHUNK_SHIFT) | 0);
  let sum = 0;
  for (let i = 0; i <= counts.length; i++) {
    if ((i & ((1 << SUM_CHUNK_SHIFT) - 1)) === 0) out[i >>> SUM_CHUNK_SHIFT] = sum;
    if (i < counts.length) sum += counts[i];
  }
  return out;
}

/** Words of `sumChunkStarts` for n counts. */
export function sumChunkWords(n: number): number {
  return (n + 1 + (1 << SUM_CHUNK_SHIFT) - 1) >>> SUM_CHUNK_SHIFT;
}

/** The n + 1 running totals of n counts (prefixSums), a chunk filled when first asked. */
export interface RunningSums {
  /** The sum of counts [0, i), for 0 ≤ i ≤ n. */
  at(i: number): number;
  /** n + 1. */
  readonly length: number;
}

export function chunkedSums(counts: Uint8Array | Uint16Array, starts: Uint32Array): RunningSums {
  const length = counts.length + 1;
  if (starts.length !== sumChunkWords(counts.length)) throw new Error('running sums: chunk starts do not fit');
  const sums = new Uint32Array(length);
  const ready = new Uint8Array(starts.length);
  const fill = (c: number) => {
    const from = c << SUM_CHUNK_SHIFT;
    const to = Math.min(length, from + (1 << SUM_CHUNK_SHIFT));
    let sum = starts[c];
    for (let i = from; i < to; i++) {
      sums[i] = sum;
      sum += counts[i] ?? 0;
    }
    ready[c] = 1;
  };
  return {
    length,
    at: (i) => {
      if (ready[i >>> SUM_CHUNK_SHIFT] === 0) fill(i >>> SUM_CHUNK_SHIFT);
      return sums[i];
    },
  };
}

/** The trie's sections as stored, and TermIndex's value index of each key in node order. */
export interface PackedTrie {
  /**
   * rootChildren u32[65536], rootBits i32[2048], child count u16 per node, edges u16, key-end bits,
   * the edge filter i32 (`edgeFilterOf`), each node chunk's first edge and value u32 (`chunkStartsOf`).
   */
  readonly parts: readonly ArrayBufferView[];
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Words of the edge filter: a container stores it among its counts, for `trieSizes`. */
  readonly filterWords: number;
  /** The asset numbers values in node order; this is the built index's number of each. */
  readonly valueOrder: readonly number[];
}

export function packTrie(index: TermIndex<unknown>, what: string): PackedTrie {
  const { rootChildren, rootBits, edgeChar } = index.arrays;
  const nodeCount = index.nodeCount;
  const childCount = new Uint16Array(nodeCount);
  const terminal = new Uint8Array(align4(Math.ceil(nodeCount / 8)));
  const valueOrder: number[] = [];
  for (let n = 0; n < nodeCount; n++) {
    const count = index.childCount(n);
    if (count > 0xffff) throw new Error(`${what} asset: a trie node has more than 65,535 children`);
    childCount[n] = count;
    if (index.valueOfNode(n) < 0) continue;
    terminal[n >> 3] |= 1 << (n & 7);
    valueOrder.push(index.valueOfNode(n));
  }
  const { filter } = edgeFilterOf(index.arrays.nodes, edgeChar);
  return {
    parts: [rootChildren, rootBits, childCount, edgeChar, terminal, filter, chunkStartsOf(index.arrays.nodes)],
    nodeCount,
    edgeCount: edgeChar.length,
    filterWords: filter.length,
    valueOrder,
  };
}

/** Sizes of packTrie's sections, in (count, bytes per item) pairs, for readContainer. */
export function trieSizes(nodeCount: number, edgeCount: number, filterWords: number): [number, number][] {
  return [
    [0x10000, 4],
    [0x800, 4],
    [nodeCount, 2],
    [edgeCount, 2],
    [Math.ceil(nodeCount / 8), 1],
    [filterWords, 4],
    [2 * (Math.ceil(nodeCount / NODE_CHUNK) + 1), 4],
  ];
}

/** Sections of a packed trie, the first sections of a container that holds one. */
export const TRIE_PARTS = 7;

/**
 * The walkable trie over packTrie's sections (as readContainer gives them): views, nothing
 * expanded; the index expands its nodes a chunk at a time as walks reach them (`PackedNodes`).
 * `weights` (one byte per key, in key order) go into the nodes beside the values.
 */
export function packedTrieArrays(parts: readonly Uint8Array[], nodeCount: number, weights?: Uint8Array): TrieArrays {
  const i32 = (b: Uint8Array) => new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  const nodes = new Int32Array(2 * nodeCount + 2);
  nodes[2 * nodeCount + 1] = -1;
  return {
    rootChildren: u32(parts[0]),
    rootBits: i32(parts[1]),
    nodes,
    edgeChar: u16(parts[3]),
    edgeFilter: i32(parts[5]),
    packed: { childCount: u16(parts[2]), terminal: parts[4], weights, chunkStarts: u32(parts[6]) },
  };
}

export const u16 = (b: Uint8Array) => new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2);
export const u32 = (b: Uint8Array) => new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);

/*
 * Layout (little-endian, sections 4-byte aligned): header u32[counts + 3] = magic, the counts,
 * the records' byte length, the checksum of the sections; the sections; the records blob.
 */

export function encodeContainer(
  magic: number,
  counts: readonly number[],
  parts: readonly ArrayBufferView[],
  records: readonly Uint8Array[],
): Uint8Array {
  const headerWords = counts.length + 3;
  const blobBytes = records.reduce((n, r) => n + r.length, 0);
  let size = headerWords * 4;
  for (const p of parts) size += align4(p.byteLength);
  size += blobBytes;
  const out = new Uint8Array(size);
  const header = new Uint32Array(out.buffer, 0, headerWords);
  header.set([magic, ...counts, blobBytes, 0]);
  let at = headerWords * 4;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += align4(p.byteLength);
  }
  header[headerWords - 1] = wordsChecksum(new Uint32Array(out.buffer, headerWords * 4, (at - headerWords * 4) / 4));
  for (const r of records) {
    out.set(r, at);
    at += r.length;
  }
  return out;
}

export interface Container {
  readonly counts: readonly number[];
  /** Each section's bytes (4-aligned, so typed views can be taken over them). */
  readonly parts: readonly Uint8Array[];
  /** Bytes [offset, offset + length) of the records blob. */
  readonly records: (offset: number, length: number) => Uint8Array;
  /** The records blob's length. */
  readonly recordsBytes: number;
}

const PAGE = 1 << 16;

/** Records read through a cache of 64 KB pages; a record that spans two pages is read on its own. */
function pagedRecords(source: ByteSource, blobStart: number, blobBytes: number): Container['records'] {
  const pages = new Map<number, Uint8Array>();
  return (offset, length) => {
    const page = Math.floor(offset / PAGE);
    if (Math.floor((offset + length - 1) / PAGE) !== page) return source.read(blobStart + offset, length);
    let bytes = pages.get(page);
    if (!bytes) {
      bytes = source.read(blobStart + page * PAGE, Math.min(PAGE, blobBytes - page * PAGE));
      pages.set(page, bytes);
    }
    return bytes.subarray(offset - page * PAGE, offset - page * PAGE + length);
  };
}

/**
 * Opens a container: checks the magic number, the length and the sections' checksum (every
 * failure goes to `fail`, which names the asset). `sizes` gives the sections' (count, bytes per
 * item) from the header's counts.
 */
export function readContainer(
  source: ByteSource,
  expect: { magic: number; counts: number; what: string },
  sizes: (counts: readonly number[]) => readonly [number, number][],
  fail: (reason: string) => Error,
): Container {
  const headerWords = expect.counts + 3;
  const truncated = () => fail(`truncated ${expect.what} asset`);
  if (source.size < headerWords * 4) throw truncated();
  // new Uint8Array(view) copies (a Node Buffer's slice() would not): the header gets its own
  // aligned buffer whatever the source's offset and length.
  const header = new Uint32Array(new Uint8Array(source.read(0, headerWords * 4)).buffer);
  if (header[0] !== expect.magic) {
    throw fail(`not a Hanzi Gloss ${expect.what} asset of this version (bad magic number); rebuild it`);
  }
  const counts = [...header.subarray(1, 1 + expect.counts)];
  const blobBytes = header[headerWords - 2];
  const checksum = header[headerWords - 1];
  const byteSizes = sizes(counts).map(([n, unit]) => n * unit);
  const blobStart = byteSizes.reduce((n, s) => n + align4(s), headerWords * 4);
  if (source.size < blobStart + blobBytes) throw truncated();
  // Typed-array views need 4-byte alignment; copy once if the source's bytes are not aligned.
  const head = source.read(0, blobStart);
  const data = head.byteOffset % 4 === 0 ? head : new Uint8Array(head);
  const indexStart = headerWords * 4;
  const indexWords = new Uint32Array(data.buffer, data.byteOffset + indexStart, (blobStart - indexStart) / 4);
  if (wordsChecksum(indexWords) !== checksum) {
    throw fail(`corrupted ${expect.what} asset (the index checksum does not match)`);
  }
  const parts: Uint8Array[] = [];
  let at = indexStart;
  for (const s of byteSizes) {
    parts.push(data.subarray(at, at + s));
    at += align4(s);
  }
  return { counts, parts, records: pagedRecords(source, blobStart, blobBytes), recordsBytes: blobBytes };
}

/**
 * What names an asset for the assets built from it (the search index names the layers' assets):
 * its length and its first 64 bytes, which hold the header (counts, records length, the checksum
 * of the sections). Read without reading the rest, as the CLI reads the dictionary a page at a time.
 */
export function assetFingerprint(source: ByteSource): string {
  const head = new Uint8Array(source.read(0, Math.min(64, source.size)));
  return `${source.size}:${bytesChecksum(head).toString(16).padStart(8, '0')}`;
}
