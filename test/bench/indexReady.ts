/**
 * Child process of the benchmark: from a cold Node process to a usable full index (curated +
 * CC-CEDICT, both scripts), as the CLI builds it. Prints {"ready_ms", "heap_mb"} on stdout.
 * Time is taken from the process's own time origin, so Node's start-up is included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCedictLayer } from '../../src/core/glossary/cedict';
import { isGlossaryFileName, loadGlossaries } from '../../src/core/glossary/curated';
import { buildLayer, Lexicon } from '../../src/core/glossary/lexicon';
import { simplifiedFoldTable } from '../../src/core/script';

const root = join(__dirname, '..', '..');
const dir = join(root, 'glossary');
const files = readdirSync(dir)
  .filter(isGlossaryFileName)
  .map((n) => ({ path: n, bytes: readFileSync(join(dir, n)) }));
const lexicon = new Lexicon([buildLayer(loadGlossaries(files, 'curated', { checkPinyin: false, trusted: true }).glossaries), loadCedictLayer(readFileSync(join(root, 'dist', 'cedict.bin')))], simplifiedFoldTable);
const hit = lexicon.matchAt('压铸机器', 0);
const readyMs = performance.now();
if (!hit || hit.entries.length === 0) throw new Error('index not usable');
(globalThis as { gc?: () => void }).gc?.();
const start = (globalThis as { __hanziGlossStart?: number }).__hanziGlossStart ?? 0;
process.stdout.write(JSON.stringify({ ready_ms: readyMs - start, node_boot_ms: start, heap_mb: process.memoryUsage().heapUsed / 1048576, keys: lexicon.keyCount }));
