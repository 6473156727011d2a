import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPassages } from '../../src/core/detect';
import type { GlossarySource } from '../../src/core/glossary/entry';
import { buildLayer, Lexicon } from '../../src/core/glossary/lexicon';
import { TermIndex } from '../../src/core/match';

const curated: GlossarySource = { layer: 'curated', label: 'Test', id: 'curated:test' };
const user: GlossarySource = { layer: 'workspace', label: 'Mine', id: 'mine.json' };

function lexicon(): Lexicon {
  return new Lexicon([
    buildLayer([{ source: user, glossary: { name: 'Mine', entries: [{ id: 'u1', zh: '压铸', en: ['HPDC'] }, { id: 'u2', zh: '压铸岛', en: ['die-casting cell'] }] } }]),
    buildLayer([
      {
        source: curated,
        glossary: {
          name: 'Test',
          entries: [
            { id: 'c1', zh: '压铸', pinyin: 'yā zhù', en: ['die casting'] },
            { id: 'c2', zh: '压铸机', pinyin: 'yā zhù jī', en: ['die-casting machine'] },
            { id: 'c3', zh: '力劲科技', pinyin: 'lì jìn kē jì', en: ['LK Technology Holdings Limited', 'LK Technology'], aliases: [{ zh: '力劲', pinyin: 'lì jìn' }] },
            { id: 'c4', zh: '𠀀', en: ['rare test character'] },
          ],
        },
      },
    ]),
  ]);
}

test('TermIndex finds the longest key at a position and nothing where no key starts', () => {
  const index = TermIndex.build([['压铸', 1], ['压铸机', 2], ['机器', 3]] as [string, number][]);
  const text = '用压铸机器';
  assert.equal(index.longestAt(text, 1), 3);
  assert.equal(index.valueAt(index.lastValue), 2);
  assert.equal(index.longestAt(text, 0), 0);
  assert.equal(index.lastValue, -1);
  assert.equal(index.longestAt(text, 1, 3), 2, 'a match never runs past the end bound');
  assert.equal(index.get('压铸'), 1);
  assert.equal(index.get('压'), undefined);
  assert.equal(index.size, 3);
});

test('TermIndex merges values of a repeated key', () => {
  const index = TermIndex.build([['吨', [1]], ['吨', [2]]] as [string, number[]][], (a, b) => [...a, ...b]);
  assert.deepEqual(index.get('吨'), [1, 2]);
});

test('leftmost-longest matching across layers, entries highest layer first', () => {
  const lex = lexicon();
  const text = '海天：压铸机2台，压铸岛1个，力劲8000吨';
  const matches = lex.matchPassages(text, findPassages(text));
  assert.deepEqual(
    matches.map((m) => [m.text, m.start, m.end]),
    [
      ['压铸机', 3, 6],
      ['压铸岛', 9, 12],
      ['力劲', 15, 17],
    ],
  );
  const ya = lex.matchAt('压铸', 0);
  assert.deepEqual(ya?.entries.map((e) => e.en[0]), ['HPDC', 'die casting']);
  assert.equal(ya?.pinyin, 'yā zhù', 'the verified reading comes from whichever layer has one');
  assert.equal(matches[2].entries[0].zh, '力劲科技', 'an alias match carries its entry');
  assert.equal(matches[2].pinyin, 'lì jìn');
});

test('matching steps over surrogate pairs whole and matches them as keys', () => {
  const lex = lexicon();
  const text = '𠁀𠀀压铸';
  const matches = lex.matchRange(text, 0, text.length);
  assert.deepEqual(matches.map((m) => [m.text, m.start]), [['𠀀', 2], ['压铸', 4]]);
});

test('an empty lexicon matches nothing', () => {
  assert.deepEqual(Lexicon.empty().matchRange('压铸', 0, 2), []);
});

test('index built from 200,000 keys answers lookups correctly', () => {
  const pairs: [string, number][] = [];
  for (let k = 0; k < 200_000; k++) pairs.push([String.fromCharCode(0x4e00 + (k % 20000)) + String.fromCharCode(0x4e00 + Math.floor(k / 20000)) + (k % 3 === 0 ? '机' : ''), k]);
  const index = TermIndex.build(pairs);
  for (const k of [0, 1, 3, 19_999, 123_456, 199_999]) assert.equal(index.get(pairs[k][0]), k);
  assert.equal(index.size, 200_000);
});

test('per-line counts and the term list of a text', async () => {
  const { countLine, listTerms } = await import('../../src/core/termList');
  const lex = lexicon();
  assert.deepEqual(countLine('海天：压铸机2台，压铸岛1个；English text here', lex), { passages: 1, terms: 2 });
  assert.deepEqual(countLine('only English', lex), { passages: 0, terms: 0 });
  const text = '压铸机\n力劲8000吨\n\n压铸机和力劲';
  const terms = listTerms(text, lex);
  assert.deepEqual(terms.map((t) => [t.text, t.occurrences.map((o) => text.slice(o.start, o.end))]), [
    ['压铸机', ['压铸机', '压铸机']],
    ['力劲', ['力劲', '力劲']],
  ]);
  assert.equal(terms[1].reading, 'lì jìn');
});

test('counting matches gives the same numbers as building them', () => {
  const lex = lexicon();
  const text = '海天：压铸机2台，压铸岛1个，力劲8000吨，𠀀';
  const built = lex.matchRange(text, 0, text.length);
  assert.deepEqual(lex.countRange(text, 0, text.length), { matches: built.length, glossary: built.filter((m) => m.entries.some((e) => e.source.layer !== 'cedict')).length });
});
