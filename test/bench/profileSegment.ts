/**
 * The segmentation alone on the bench corpus, for a profiler (`node --cpu-prof
 * dist-test/bench/profileSegment.js`): `npm run bench` runs much else around it. Prints the best
 * of the runs for ours and for jieba's cut, alternating as the bench does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { findPassages } from '../../src/core/text/detect';
import { loadCedictLayer } from '../../src/core/lexicon/cedictAsset';
import { buildLayer, Lexicon } from '../../src/core/lexicon/lexicon';
import { simplifiedFoldTable } from '../../src/core/text/script';
import { benchFixtures, cedictLines, curatedGlossaries } from './benchData';
import { buildCorpus } from './corpus';

const root = join(__dirname, '..', '..');
const runs = Number(process.argv[2] ?? 10);
const withJieba = !process.argv.includes('--no-jieba');
const cedict = cedictLines();
const curated = curatedGlossaries();
const fixtures = benchFixtures();
const { text: built } = buildCorpus({
  chineseChars: 1_300_000,
  cedict,
  terms: curated.flatMap((g) => g.glossary.entries.map((e) => e.zh)),
  fixtures: fixtures[0].split('\n').filter((l) => l.trim()),
  english: fixtures[1].split('\n').filter((l) => l.trim().length > 40 && !/[\u4e00-\u9fff]/.test(l)),
});
const corpus = Buffer.from(built, 'utf8').toString('utf8');
const passages = findPassages(corpus);
const lexicon = new Lexicon(
  [buildLayer(curated), loadCedictLayer(readFileSync(join(root, 'dist', 'cedict.bin')))],
  simplifiedFoldTable,
);
const jieba = Jieba.withDict(dict);
let ours = Infinity;
let theirs = Infinity;
let words = 0;
for (let k = 0; k < runs; k++) {
  let t = performance.now();
  words = lexicon.matchPassages(corpus, passages).length;
  ours = Math.min(ours, performance.now() - t);
  if (!withJieba) continue;
  t = performance.now();
  jieba.cut(corpus, false);
  theirs = Math.min(theirs, performance.now() - t);
}
const ratio = withJieba ? `, ratio ${(theirs / ours).toFixed(2)}` : '';
process.stdout.write(`ours ${ours.toFixed(0)} ms (${words} words), jieba ${theirs.toFixed(0)} ms${ratio}\n`);
