/**
 * The prebuilt search index (dist/search.bin, core/lexicon/searchAsset.ts) against the index built
 * at run time over the same layers: the same segments and the same results, alone and under a
 * workspace glossary built at run time; and an asset that is damaged or made from other assets is
 * refused or left out, never used.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assetFingerprint, bytesSource } from '../../src/core/lexicon/assetContainer';
import { composeLexicon } from '../../src/core/lexicon/compose';
import { GlossarySearch, type SearchResult } from '../../src/core/lexicon/search';
import {
  encodeSearchAsset,
  openSearchAsset,
  readSearchAsset,
  SearchAssetError,
} from '../../src/core/lexicon/searchAsset';
import { layerSegment, listSegment } from '../../src/core/lexicon/searchIndex';
import { fullLexicon, ROOT } from './fullLexicon';

const dist = (name: string) => readFileSync(join(ROOT, 'dist', name));
const lexicon = fullLexicon();
const [curated, cedict] = lexicon.layers;
const shipped = [
  { name: 'curated' as const, layer: curated, fingerprint: assetFingerprint(bytesSource(dist('curated.bin'))) },
  { name: 'cedict' as const, layer: cedict, fingerprint: assetFingerprint(bytesSource(dist('cedict.bin'))) },
];
const opened = openSearchAsset(dist('search.bin'), shipped);

const QUERIES = [
  'ljjt',
  'yazhuji',
  'ya zhu ji',
  'ya2zhu4',
  'clamping force',
  '力劲',
  '壓鑄機',
  '铝合金',
  'machine',
  'die-casting',
  'jiqi',
  'y',
  '机',
  'lü',
  'pingguo',
];
const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const shown = (results: SearchResult[]) => results.map((r) => [r.zh, r.pinyin, r.en, r.source.id, r.entry.id]);

test('the asset holds, for each shipped layer, exactly the segment the runtime builds', () => {
  assert.deepEqual(opened.skipped, []);
  assert.equal(opened.segments.size, 2);
  for (const [l, layer] of [curated, cedict].entries()) {
    const prebuilt = opened.segments.get(layer)!;
    const built = layerSegment(lexicon, l);
    for (const key of Object.keys(built) as (keyof typeof built)[]) {
      const [a, b] = [prebuilt[key], built[key]];
      assert.ok(
        typeof a === 'object' ? Buffer.compare(bytesOf(a), bytesOf(b as typeof a)) === 0 : a === b,
        `${l} ${key}`,
      );
    }
  }
});

test('prebuilt and runtime-built indexes give the same results, also under a workspace glossary', () => {
  const prebuilt = new GlossarySearch(lexicon, opened.segments);
  const runtime = new GlossarySearch(lexicon);
  for (const q of QUERIES) assert.deepEqual(shown(prebuilt.search(q, 200)), shown(runtime.search(q, 200)), q);
  assert.equal(prebuilt.search('ljjt', 1)[0].zh, '力劲集团');
  // A workspace glossary above the shipped layers (its segment built now) ranks first, as before.
  const workspace = {
    glossary: { name: 'w', entries: [{ id: 'w.1', zh: '力劲机', pinyin: 'lì jìn jī', en: ['LK machine'] }] },
    source: { layer: 'workspace' as const, label: 'w', id: 'workspace:w' },
  };
  const above = composeLexicon({
    workspace: [workspace],
    curated: { layer: curated, fileCount: 1, glossaries: () => [] },
    cedict,
  });
  assert.equal(above.layers[1], curated, 'the composed lexicon reuses the shipped layer objects');
  const merged = new GlossarySearch(above, opened.segments);
  const mergedRuntime = new GlossarySearch(above);
  for (const q of [...QUERIES, 'ljj', 'lk']) {
    assert.deepEqual(shown(merged.search(q, 200)), shown(mergedRuntime.search(q, 200)), q);
  }
  assert.equal(merged.search('ljj', 1)[0].zh, '力劲机');
});

test('a damaged asset is refused; one made from another dictionary is left out for that layer', () => {
  const bytes = new Uint8Array(dist('search.bin'));
  bytes[bytes.length >> 1] ^= 0xff;
  assert.throws(
    () => readSearchAsset(bytes),
    (e: Error) => {
      assert.ok(e instanceof SearchAssetError);
      assert.equal(e.message, 'corrupted search index asset (the index checksum does not match)');
      return true;
    },
  );
  assert.throws(
    () => readSearchAsset(dist('search.bin').subarray(0, 100)),
    /^SearchAssetError: truncated search index/,
  );
  const other = openSearchAsset(dist('search.bin'), [shipped[0], { ...shipped[1], fingerprint: '1:00000000' }]);
  assert.deepEqual([...other.segments.keys()], [curated]);
  assert.match(other.skipped[0], /^cedict: the index was built from \d+:[0-9a-f]{8}, the layer from 1:00000000$/);
});

test('fields that do not decode to what their offsets count are refused, not searched', () => {
  const segment = listSegment([{ zh: '压铸', pinyin: 'yā zhù', en: ['die casting'] }]);
  const roundTrip = readSearchAsset(encodeSearchAsset({ curated: { segment, fingerprint: 'f' } }));
  assert.equal(roundTrip.get('curated')?.segment.english, 'die casting\n');
  assert.equal(roundTrip.has('cedict'), false, 'a layer missing at build time has no segment');
  // English one character short of its offsets (as a build from mismatched parts would write it).
  const bad = encodeSearchAsset({ curated: { segment: { ...segment, english: 'die castin\n' }, fingerprint: 'f' } });
  assert.throws(
    () => readSearchAsset(bad),
    /^SearchAssetError: corrupted search index asset \(the curated fields do not match their offsets\)$/,
  );
});
