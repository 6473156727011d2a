/**
 * Property tests of the packed forms the assets store: a trie opened from its packed sections
 * expands its nodes a chunk at a time as walks reach them, and running sums fill a chunk at a time
 * as lookups ask; either must answer exactly as the fully built form does, in any order of asking.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  align4,
  chunkedSums,
  packTrie,
  prefixSums,
  sumChunkStarts,
  trieSizes,
  packedTrieArrays,
} from '../../src/core/lexicon/assetContainer';
import { NODE_CHUNK, TermIndex } from '../../src/core/lexicon/termIndex';

/** The packed sections as a container gives them: byte views, each its own copy. */
function asStored(index: TermIndex<number>): TermIndex<number> {
  const packed = packTrie(index, 'test');
  const sizes = trieSizes(packed.nodeCount, packed.edgeCount, packed.filterWords);
  const parts = packed.parts.map((p, i) => {
    const bytes = new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
    const size = sizes[i][0] * sizes[i][1];
    // A section is padded to 4 bytes when written; the container gives exactly its size.
    assert.equal(align4(bytes.length), align4(size), `section ${i} has the size trieSizes gives`);
    return new Uint8Array(bytes.subarray(0, size));
  });
  // Values in node order, as the assets number them: the stored index's value v is packed.valueOrder[v].
  return new TermIndex(packedTrieArrays(parts, packed.nodeCount), index.size, (v) => packed.valueOrder[v]);
}

const ALPHABET = [...'压铸机台湾的一二三四五六七八九十公司集团科技电子汽车大学中国人民'];

/** Deterministic keys enough for several node chunks (a seeded generator, not Math.random). */
function manyKeys(count: number, seed: number): string[] {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const keys: string[] = [];
  for (let k = 0; k < count; k++) {
    const length = 1 + Math.floor(next() * 6);
    let key = '';
    for (let i = 0; i < length; i++) key += ALPHABET[Math.floor(next() * ALPHABET.length)];
    keys.push(key);
  }
  return keys;
}

const built = TermIndex.build(manyKeys(30_000, 7).map((k, i) => [k, i] as const));
const textArb = fc.array(fc.constantFrom(...ALPHABET, 'a', '1'), { maxLength: 12 }).map((u) => u.join(''));

test('the keys fill several node chunks, so the walks cross chunk bounds', () => {
  assert.ok(built.nodeCount > 4 * NODE_CHUNK, `${built.nodeCount} nodes`);
});

test('a trie expanded as walks reach its chunks finds what the built trie finds', () => {
  const stored = asStored(built);
  const lengths = [new Int32Array(8), new Int32Array(8)];
  const values = [new Int32Array(8), new Int32Array(8)];
  const weights = [new Int32Array(8), new Int32Array(8)];
  fc.assert(
    fc.property(textArb, (text) => {
      for (let i = 0; i < text.length; i++) {
        const n = built.prefixesAt(text, i, text.length, undefined, lengths[0], values[0], weights[0]);
        const m = stored.prefixesAt(text, i, text.length, undefined, lengths[1], values[1], weights[1]);
        assert.equal(m, n);
        assert.equal(stored.lastDepth, built.lastDepth);
        for (let h = 0; h < n; h++) {
          assert.equal(lengths[1][h], lengths[0][h]);
          // The same key: the stored value names the built one through the asset's value order.
          assert.equal(stored.valueAt(values[1][h]), values[0][h]);
        }
      }
    }),
    { numRuns: 2_000 },
  );
  // Expanded in full, the stored nodes are the built ones.
  assert.deepEqual(stored.arrays.nodes.length, built.arrays.nodes.length);
  for (let n = 0; n < built.nodeCount; n++) assert.equal(stored.childCount(n), built.childCount(n));
});

test('running sums filled a chunk at a time equal the sums made at once, asked in any order', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 20_000 }),
      fc.array(fc.nat(), { maxLength: 50 }),
      (list, asks) => {
        const counts = Uint16Array.from(list);
        const whole = prefixSums(counts);
        const sums = chunkedSums(counts, sumChunkStarts(counts));
        assert.equal(sums.length, whole.length);
        for (const a of asks) assert.equal(sums.at(a % whole.length), whole[a % whole.length]);
        assert.equal(sums.at(whole.length - 1), whole[whole.length - 1]);
      },
    ),
    { numRuns: 300 },
  );
});
