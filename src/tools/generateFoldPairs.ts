/**
 * Build step: composes the traditional → simplified fold from opencc-js's tables and writes the
 * pair string that esbuild.mjs embeds as the module `hanzi-gloss:fold-pairs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { composeFoldPairs } from '../core/text/foldPairs';
import { openccFoldDictionaries } from './openccFoldDictionaries';

const out = process.argv[2] ?? 'dist-tools/fold-pairs.txt';
const pairs = composeFoldPairs(openccFoldDictionaries());
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, pairs);
console.log(`fold pairs: ${pairs.length / 2} characters → ${out}`);
