import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGlossaryJson } from '../../src/core/glossary/jsonGlossary';

const problemsOf = (text: string) => parseGlossaryJson(text, 'g.json').problems.map((p) => p.message);

test('a valid glossary with comments reads every field', () => {
  const text = `{
  // users may comment their glossaries
  "name": "Mine",
  "domain": "die-casting",
  "entries": [
    { "id": "a", "zh": "压铸", "pinyin": "yā zhù", "en": ["die casting", "HPDC"], "forbidden": ["pressure casting"],
      "category": "process", "note": "n", "aliases": [{ "zh": "压力铸造", "pinyin": "yā lì zhù zào" }] },
  ],
}`;
  const { glossary, problems } = parseGlossaryJson(text, 'g.json');
  assert.deepEqual(problems, []);
  assert.equal(glossary.name, 'Mine');
  assert.deepEqual(glossary.entries[0], {
    id: 'a',
    zh: '压铸',
    pinyin: 'yā zhù',
    en: ['die casting', 'HPDC'],
    forbidden: ['pressure casting'],
    domain: 'die-casting',
    category: 'process',
    note: 'n',
    aliases: [{ zh: '压力铸造', pinyin: 'yā lì zhù zào' }],
  });
});

test('syntax errors carry file, line and column', () => {
  assert.deepEqual(problemsOf('{\n  "entries": [\n    { "id": "a" "zh": "压铸" }\n  ]\n}'), [
    'g.json:3:17 JSON syntax error: CommaExpected',
  ]);
});

test('an empty file says so', () => {
  assert.deepEqual(problemsOf(''), ['g.json:1:1 empty file: expected a glossary object']);
});

test('missing and mistyped fields point at the entry or the value', () => {
  const text =
    '{"entries": [\n{"id": "a", "zh": "压铸"},\n{"id": "b", "zh": "开模", "en": "tooling"},\n{"id": "c", "zh": "tool", "en": ["x"]}\n]}';
  assert.deepEqual(problemsOf(text), [
    'g.json:2:1 entry needs "en" (English renderings, preferred first)',
    'g.json:3:31 "en" must be a non-empty array of strings',
    'g.json:4:19 "zh" must contain Chinese characters: "tool"',
  ]);
});

test('unknown properties are errors, so typos are caught', () => {
  assert.deepEqual(problemsOf('{"entries": [{"id": "a", "zh": "压铸", "en": ["x"], "englsh": ["y"]}]}'), [
    'g.json:1:51 unknown property "englsh" in an entry (allowed: id, zh, traditional, pinyin, en, forbidden, exact, domain, category, note, aliases, ref)',
  ]);
});

test('duplicate ids and duplicate terms are reported where the second one stands', () => {
  const text =
    '{"entries": [\n{"id": "a", "zh": "压铸", "en": ["x"]},\n{"id": "a", "zh": "开模", "en": ["y"]},\n{"id": "b", "zh": "压铸", "en": ["z"]}\n]}';
  const { glossary, problems } = parseGlossaryJson(text, 'g.json');
  assert.deepEqual(
    problems.map((p) => p.message),
    [
      'g.json:3:8 duplicate id "a" (first at line 2)',
      'g.json:4:19 duplicate term "压铸" in domain "" (first at line 2); add another English rendering to that entry instead',
    ],
  );
  assert.deepEqual(
    glossary.entries.map((e) => e.id),
    ['a'],
    'entries with problems are left out whole',
  );
});

test('a reading that does not fit its characters is an error at the pinyin', () => {
  const [p] = parseGlossaryJson(
    '{"entries": [{"id": "a", "zh": "压铸", "pinyin": "ya zhu4", "en": ["x"]}]}',
    'g.json',
  ).problems;
  assert.equal(p.line, 1);
  assert.equal(p.column, 48);
  assert.match(p.reason, /tone number/);
});

test('problems expose file, line and column separately', () => {
  const [p] = parseGlossaryJson('{"entries": 3}', 'dir/g.json').problems;
  assert.deepEqual([p.file, p.line, p.column], ['dir/g.json', 1, 13]);
});
