/**
 * Child process of the benchmark: from a cold Node process to a usable full index (curated +
 * CC-CEDICT, both scripts), the way the extension builds it (GlossaryService.load): the glossary
 * folder enumerated and read, the prebuilt curated layer checked against those files and opened
 * (or the files parsed, if it does not match), CC-CEDICT's asset opened on disk (its index read, its
 * records left for lookups to read page by page), the layers composed.
 * Prints {"ready_ms", "heap_mb", "curated_prebuilt", "phases"} on stdout. Time is taken from the
 * moment Node has booted (startMark.ts), so loading and compiling our code is included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCedictLayer } from '../../src/core/lexicon/cedictAsset';
import { composeLexicon } from '../../src/core/lexicon/compose';
import { isPrebuilt, loadCurated } from '../../src/core/lexicon/curatedAsset';
import { fileByteSource } from '../../src/node/fileByteSource';
import { readGlossaryFolder } from '../../src/node/glossaryFolder';

const start = (globalThis as { __hanziGlossStart?: number }).__hanziGlossStart ?? 0;
const phases: Record<string, number> = {};
let last = start;
const phase = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round((now - last) * 10) / 10;
  last = now;
};
phase('load_code');
const root = join(__dirname, '..', '..');
const files = readGlossaryFolder(join(root, 'glossary'), (name) => `glossary/${name}`);
let asset: Uint8Array | undefined;
try {
  asset = readFileSync(join(root, 'dist', 'curated.bin'));
} catch {
  // measured as the extension runs without it: the files are parsed
}
phase('read_glossary_files_and_asset');
const { curated, problems, fallback } = loadCurated(files, asset);
if (problems.length > 0) throw new Error(problems[0].message);
phase(fallback ? 'parse_curated_json' : 'check_open_curated_asset');
const cedict = loadCedictLayer(fileByteSource(join(root, 'dist', 'cedict.bin')));
phase('read_open_cedict');
const lexicon = composeLexicon({ curated, cedict, disabledDomains: [] });
phase('compose');
const hit = lexicon.matchAt('壓鑄機器', 0);
if (!hit || hit.entries.length === 0 || hit.simplified !== '压铸机') throw new Error('index not usable');
phase('first_match');
const readyMs = performance.now();
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(
  JSON.stringify({
    ready_ms: readyMs - start,
    node_boot_ms: start,
    heap_mb: process.memoryUsage().heapUsed / 1048576,
    keys: lexicon.keyCount,
    curated_prebuilt: isPrebuilt(curated),
    ...(fallback ? { fallback } : {}),
    phases,
  }),
);
