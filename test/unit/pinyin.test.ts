import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLayer, Lexicon } from '../../src/core/lexicon/lexicon';
import {
  markTone,
  pinyinOfSpan,
  pinyinProblem,
  readingSyllables,
  readText,
  splitTone,
  syllableProblem,
  toNumbered,
} from '../../src/core/reading/pinyin';
import { pinyinOfText } from '../../src/core/document/pinyinText';

const lex = new Lexicon([
  buildLayer([
    {
      source: { layer: 'curated', label: 'T', id: 'curated:t' },
      glossary: {
        name: 'T',
        entries: [
          { id: 'k', zh: '开模', pinyin: 'kāi mú', en: ['tooling'] },
          { id: 'j', zh: '极氪009', pinyin: 'jí kè 009', en: ['Zeekr 009'] },
        ],
      },
    },
  ]),
]);

test('tone marks split and rebuild, including ü', () => {
  assert.deepEqual(splitTone('zhù'), { base: 'zhu', tone: 4, marks: 1 });
  assert.deepEqual(splitTone('lǜ'), { base: 'lü', tone: 4, marks: 1 });
  assert.deepEqual(splitTone('ma'), { base: 'ma', tone: 5, marks: 0 });
  assert.equal(markTone('guo', 2), 'guó');
  assert.equal(markTone('liu', 4), 'liù');
  assert.equal(markTone('gui', 1), 'guī');
  assert.equal(markTone('lüe', 4), 'lüè');
  assert.equal(markTone('dou', 1), 'dōu');
});

test('numbers style', () => {
  assert.equal(toNumbered('yā'), 'ya1');
  assert.equal(toNumbered('zhù'), 'zhu4');
  assert.equal(toNumbered('ma'), 'ma5');
  assert.equal(toNumbered('009'), '009');
});

test('pinyin-pro reads heteronyms in context', () => {
  const read = (s: string) =>
    readText(s)
      .map((t) => t.syllable ?? t.text)
      .join(' ');
  assert.equal(read('银行'), 'yín háng');
  assert.equal(read('重要'), 'zhòng yào');
});

test('a glossary reading overrides pinyin-pro for the text it matched', () => {
  assert.equal(
    readText('开模')
      .map((t) => t.syllable)
      .join(' '),
    'kāi mó',
    'pinyin-pro alone reads 模 as mó here',
  );
  assert.equal(pinyinOfText('开模', lex), 'kāi mú');
  assert.equal(pinyinOfText('德国公司开模，在宁波加工。', lex), 'dé guó gōng sī kāi mú, zài níng bō jiā gōng.');
});

test('pinyin of mixed text keeps digits and Latin runs as written', () => {
  assert.equal(pinyinOfText('极氪009是自己压铸', lex), 'jí kè 009 shì zì jǐ yā zhù');
  assert.equal(pinyinOfText('2台6000吨', lex), '2 tái 6000 dūn');
  assert.equal(pinyinOfText('开模', lex, 'numbers'), 'kai1 mu2');
  assert.equal(pinyinOfText('压铸（开模）', lex), 'yā zhù (kāi mú)');
});

test('a number keeps its decimal point or thousands comma in the reading: 5.786 yì, not 5 786 yì', () => {
  assert.equal(pinyinOfText('营收达5.786亿元', lex), 'yíng shōu dá 5.786 yì yuán');
  assert.equal(pinyinOfText('已购8,800吨', lex), 'yǐ gòu 8,800 dūn');
  assert.equal(pinyinOfText('2024.03.15发布', lex), '2024.03.15 fā bù');
  // A point between a digit and a letter, or after a sentence, is punctuation as before.
  assert.equal(pinyinOfText('5G. 网络', lex), '5G. wǎng luò');
  assert.equal(pinyinOfText('共3台.5台在谈', lex), 'gòng 3 tái. 5 tái zài tán');
  const text = '营收达5.786亿元';
  const tokens = readText(text);
  // Still one token per reading unit (5 | 786), the second marked as joined by its point.
  assert.deepEqual(
    tokens.filter((t) => t.syllable === undefined).map((t) => [t.text, t.joined]),
    [
      ['5', undefined],
      ['786', '.'],
    ],
  );
  assert.equal(pinyinOfSpan(tokens, 3, text.length), '5.786 yì yuán');
  // A span that starts after the point reads its own digits only (no dangling point).
  assert.equal(pinyinOfSpan(tokens, 5, 9), '786 yì');
});

test('a reading is split into one token per reading unit, a written number into its digit runs', () => {
  assert.deepEqual(readingSyllables(' 5.786 yì  yuán '), ['5', '786', 'yì', 'yuán']);
  assert.deepEqual(readingSyllables('8,800 dūn'), ['8', '800', 'dūn']);
  assert.deepEqual(readingSyllables('5G. wǎng'), ['5G.', 'wǎng']);
  // A glossary may write 5.5G as written or as its units.
  assert.equal(pinyinProblem('5.5G网络', '5.5G wǎng luò'), undefined);
  assert.equal(pinyinProblem('5.5G网络', '5 5G wǎng luò'), undefined);
  assert.match(pinyinProblem('5.5G网络', '5.5G wǎng') ?? '', /needs 4/);
});

test('readings are validated: count, case, tone numbers, misplaced marks, non-syllables', () => {
  assert.equal(pinyinProblem('压铸', 'yā zhù'), undefined);
  assert.equal(pinyinProblem('极氪009', 'jí kè 009'), undefined);
  assert.match(pinyinProblem('压铸', 'yā') ?? '', /1 syllable\(s\) but "压铸" needs 2/);
  assert.match(pinyinProblem('压铸', 'Yā zhù') ?? '', /lower case/);
  assert.match(pinyinProblem('压铸', 'ya1 zhu4') ?? '', /tone number/);
  assert.match(syllableProblem('gúo') ?? '', /misplaced.*guó/);
  assert.match(syllableProblem('zhā̀') ?? '', /more than one tone mark/);
  assert.match(syllableProblem('blā') ?? '', /not a Mandarin syllable/);
  assert.equal(syllableProblem('mú'), undefined);
  assert.equal(syllableProblem('lǜ'), undefined);
});
