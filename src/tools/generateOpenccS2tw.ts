/**
 * Build step: packs opencc-js's simplified → Taiwan-standard tables (phraseTable.ts) into the text
 * that esbuild.mjs ships as the vendor file opencc-s2tw.js, loaded on the first conversion.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { packS2tw } from '../core/text/phraseTable';
import { openccS2twTables } from './openccS2twTables';

const out = process.argv[2] ?? 'dist-tools/opencc-s2tw.txt';
const packed = packS2tw(openccS2twTables());
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, packed);
console.log(`OpenCC s2tw tables: ${(Buffer.byteLength(packed) / 1024).toFixed(0)} KB → ${out}`);
