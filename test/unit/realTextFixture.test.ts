import assert from 'node:assert/strict';
import { test } from 'node:test';
import { realTextCounts, realTextProblems, type RealTextSet } from '../shared/realText';
import { fixture } from './fullLexicon';

const set = JSON.parse(fixture('reading/real-text.json')) as RealTextSet;

test('the real-text set is sound: every source listed and used, every marked word in its sentence', () => {
  assert.deepEqual(realTextProblems(set), []);
});

test('the real-text set is big enough: ≥ 70 sentences, ≥ 18 sources, ≥ a third from traditional sources', () => {
  const counts = realTextCounts(set);
  assert.ok(counts.sentences >= 70, `${counts.sentences} sentences`);
  assert.ok(counts.sources >= 18, `${counts.sources} sources`);
  assert.ok(counts.traditional * 3 >= counts.sentences, `${counts.traditional} of ${counts.sentences} traditional`);
});

test('the check sees a word missing from its sentence, an unknown source and an unused one', () => {
  const broken = {
    description: 'x',
    sources: [
      { id: 'a', url: 'https://example.org/a', title: 't', publisher: 'p', date: 'n.d.', script: 'simplified' },
      { id: 'b', url: 'ftp://x', title: 't', publisher: 'p', date: 'n.d.', script: 'latin' },
    ],
    sentences: [
      { source: 'a', text: '新手机发布了。', words: ['手机', '新手机发布会'] },
      { source: 'c', text: '压铸机', words: ['压铸机'] },
    ],
  };
  assert.deepEqual(realTextProblems(broken), [
    'sources[1] (b): url is not an http(s) address',
    'sources[1] (b): script must be "simplified" or "traditional"',
    'sentences[0]: word 新手机发布会 does not occur in the text',
    'sentences[1]: source "c" not listed',
    'source b: no sentence uses it',
  ]);
  assert.deepEqual(realTextProblems(null), ['the set is not a JSON object']);
});
