/**
 * Child process of the benchmark: from a cold Node process to a usable full index (curated +
 * CC-CEDICT, both scripts), as the CLI builds it. Prints {"ready_ms", "heap_mb", "phases"} on
 * stdout. Time is taken from the moment Node has booted (startMark.ts), so loading and compiling
 * our code is included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileByteSource } from '../../src/cli/fileByteSource';
import { loadCedictLayer } from '../../src/core/lexicon/cedictAsset';
import { isGlossaryFileName, loadGlossaries } from '../../src/core/glossary/load';
import { buildLayer, Lexicon } from '../../src/core/lexicon/lexicon';
import { simplifiedFoldTable } from '../../src/core/text/script';

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
const dir = join(root, 'glossary');
const files = readdirSync(dir)
  .filter(isGlossaryFileName)
  .map((n) => ({ path: n, bytes: readFileSync(join(dir, n)) }));
const glossaries = loadGlossaries(files, 'curated', { checkPinyin: false, trusted: true }).glossaries;
phase('read_parse_glossaries');
const curated = buildLayer(glossaries);
phase('build_curated_layer');
const cedict = loadCedictLayer(fileByteSource(join(root, 'dist', 'cedict.bin')));
phase('load_cedict');
const lexicon = new Lexicon([curated, cedict], simplifiedFoldTable);
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
    phases,
  }),
);
