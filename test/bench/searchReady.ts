/**
 * Child process of the benchmark: opening the prebuilt search index in a cold process, as the
 * extension does on the first Search Glossary (GlossarySearchService): the lexicon loaded first
 * (not counted), then dist/search.bin read, its segments taken for the shipped layers and the
 * first query answered. Prints {"ready_ms", "heap_mb"} on stdout: the time from the read to the
 * first results, and the heap the index added (measured after a full collection, --expose-gc).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetFingerprint, bytesSource } from '../../src/core/lexicon/assetContainer';
import { loadCedictLayer } from '../../src/core/lexicon/cedictAsset';
import { composeLexicon } from '../../src/core/lexicon/compose';
import { isPrebuilt, loadCurated } from '../../src/core/lexicon/curatedAsset';
import { GlossarySearch } from '../../src/core/lexicon/search';
import { openSearchAsset } from '../../src/core/lexicon/searchAsset';
import { readGlossaryFolder } from '../../src/node/glossaryFolder';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const root = join(__dirname, '..', '..');
const dist = (name: string) => readFileSync(join(root, 'dist', name));
const curatedAsset = dist('curated.bin');
const cedictAsset = dist('cedict.bin');
const { curated } = loadCurated(
  readGlossaryFolder(join(root, 'glossary'), (n) => `glossary/${n}`),
  curatedAsset,
);
if (!isPrebuilt(curated)) throw new Error('searchReady: the curated asset does not match the glossary files');
const lexicon = composeLexicon({ curated, cedict: loadCedictLayer(cedictAsset) });
gc();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const { segments, skipped } = openSearchAsset(dist('search.bin'), [
  { name: 'curated', layer: lexicon.layers[0], fingerprint: assetFingerprint(bytesSource(curatedAsset)) },
  { name: 'cedict', layer: lexicon.layers[1], fingerprint: assetFingerprint(bytesSource(cedictAsset)) },
]);
if (skipped.length > 0) throw new Error(`searchReady: ${skipped.join('; ')}`);
const search = new GlossarySearch(lexicon, segments);
if (search.search('ljjt', 1)[0]?.zh !== '力劲集团') throw new Error('searchReady: the index is not usable');
const readyMs = performance.now() - started;
gc();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
process.stdout.write(JSON.stringify({ ready_ms: readyMs, heap_mb: heapMb, node_boot_ms: 0, terms: search.size }));
