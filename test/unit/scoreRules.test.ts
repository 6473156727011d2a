import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cutsAsciiRun, insideGlossaryTerm, isJunk, isJunkFirst, readWhole } from '../shared/readingScore';
import type { ScannedMatch } from '../../src/core/document/scan';
import { CEDICT_SOURCE } from '../../src/core/lexicon/cedictAsset';
import { accepts } from '../shared/termbaseText';

const spans = (text: string, pieces: string[]) => {
  let at = 0;
  return pieces.map((p) => {
    const start = text.indexOf(p, at);
    at = start + p.length;
    return { start, end: at };
  });
};

test('a marked word is whole only where one match has its bounds, at every place it stands as a word', () => {
  const text = '买新手机和旧手机';
  assert.equal(readWhole(text, '手机', ['手机'], spans(text, ['新', '手机', '旧', '手机'])), true);
  // Read right once (旧手机) and wrong once (新手 | 机): not whole.
  assert.equal(readWhole(text, '手机', ['手机'], spans(text, ['新手', '机', '旧', '手机'])), false);
  // 压铸 inside a marked 压铸机 is not a place of its own.
  const casting = '压铸机用于压铸';
  assert.equal(readWhole(casting, '压铸', ['压铸机', '压铸'], spans(casting, ['压铸机', '用于', '压铸'])), true);
});

test('a word without Han characters is whole when no match cuts into it; a cut in an ASCII run is seen', () => {
  const text = '采用GPU芯片';
  assert.equal(readWhole(text, 'GPU', ['GPU'], spans(text, ['采用', '芯片'])), true);
  const pu = { start: 3, end: 5 };
  assert.equal(readWhole(text, 'GPU', ['GPU'], [pu]), false);
  assert.equal(cutsAsciiRun(text, pu), true);
  assert.equal(cutsAsciiRun(text, { start: 5, end: 7 }), false, '芯片 right after GPU');
  assert.equal(cutsAsciiRun('8800吨', { start: 0, end: 2 }), true, '88 in 8800');
});

test('junk first senses are redirects, names and notes; plain senses are not', () => {
  for (const j of ['variant of 發布|发布[fa1 bu4]', 'surname Ji', 'used in 自個兒', 'see 合肥市', '(Tw) meter']) {
    assert.equal(isJunk(j), true, j);
  }
  for (const ok of ['to release; to publish', 'quantum computer', 'seed']) assert.equal(isJunk(ok), false, ok);
});

test('a surname first is junk only where the match has a plain sense too (龚 has none; 向 has "towards")', () => {
  const match = (...senses: string[][]) =>
    ({
      entries: senses.map((en, i) => ({ id: `${i}`, zh: 'x', en, source: CEDICT_SOURCE })),
    }) as unknown as ScannedMatch;
  assert.equal(isJunkFirst(match(['surname Gong'])), false);
  assert.equal(isJunkFirst(match(['surname Xiang'], ['towards', 'to face'])), true);
  assert.equal(isJunkFirst(match(['variant of 發布|发布[fa1 bu4]'])), true, 'a redirect is junk even when alone');
  assert.equal(isJunkFirst(match(['meter (unit of length)'])), false);
});

test('an English line is accepted when it holds an accepted rendering as a whole phrase', () => {
  assert.equal(accepts('integrated circuit (IC)', ['integrated circuit']), true);
  assert.equal(accepts('Taiwan Mobile Co., Ltd.', ['Taiwan Mobile']), true);
  assert.equal(accepts('(bus, train etc) depot', ['automaker', 'carmaker']), false);
  assert.equal(accepts('cast', ['casting']), false, 'a part of a word is not the phrase');
});

test('a marked word inside one longer glossary term counts as not split; inside a CC-CEDICT word it does not', () => {
  const term = (start: number, end: number, layer: 'curated' | 'cedict') =>
    ({ start, end, entries: [{ source: { layer } }] }) as unknown as ScannedMatch;
  // 同比 (0–2) inside the curated 同比增长 (0–4): not split; inside a CC-CEDICT 同比增长 it would be.
  assert.equal(insideGlossaryTerm(0, 2, [term(0, 4, 'curated')]), true);
  assert.equal(insideGlossaryTerm(0, 2, [term(0, 4, 'cedict')]), false);
  // The same bounds are "whole", not "inside"; a term that only overlaps does not hold the word.
  assert.equal(insideGlossaryTerm(0, 2, [term(0, 2, 'curated')]), false);
  assert.equal(insideGlossaryTerm(1, 3, [term(0, 2, 'curated'), term(2, 4, 'curated')]), false);
});
