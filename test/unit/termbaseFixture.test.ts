import assert from 'node:assert/strict';
import { test } from 'node:test';
import { termbaseProblems, type TermbaseSet } from '../shared/termbaseText';
import { fixture } from './fullLexicon';

const set = JSON.parse(fixture('termbase/real-text.json')) as TermbaseSet;

test('the termbase set is sound: every item in its passage, with English, kind and, for a name, its ref', () => {
  assert.deepEqual(termbaseProblems(set), []);
});

test('the termbase set is big enough: ≥ 40 passages, ≥ 15 sources, ≥ a third from traditional sources', () => {
  const traditional = new Set(set.sources.filter((s) => s.script === 'traditional').map((s) => s.id));
  const fromTraditional = set.passages.filter((p) => traditional.has(p.source)).length;
  assert.ok(set.passages.length >= 40, `${set.passages.length} passages`);
  assert.ok(set.sources.length >= 15, `${set.sources.length} sources`);
  assert.ok(fromTraditional * 3 >= set.passages.length, `${fromTraditional} of ${set.passages.length} traditional`);
});

test('the check sees an item not in its passage, a name without its ref and an unknown kind', () => {
  const broken = {
    description: 'x',
    sources: [
      { id: 'a', url: 'https://example.org/a', title: 't', publisher: 'p', date: 'n.d.', script: 'traditional' },
    ],
    passages: [
      {
        source: 'a',
        text: '台積電的3奈米製程',
        expect: [
          { zh: '台積電', en: ['TSMC'], kind: 'organisation', refKind: 'official' },
          { zh: '製程', en: [], kind: 'term' },
          { zh: '良率', en: ['yield'], kind: 'word' },
        ],
      },
    ],
  };
  assert.deepEqual(termbaseProblems(broken), [
    'passages[0] 台積電: a checked name needs its ref',
    'passages[0] 製程: no English',
    'passages[0] 良率: does not occur in the text',
    'passages[0] 良率: kind must be "term" or "organisation"',
  ]);
});
