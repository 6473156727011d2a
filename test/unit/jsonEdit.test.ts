import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addEntryEdits, applyTextEdits, removeEntryEdits, replaceEntryEdits } from '../../src/core/glossary/jsonEdit';
import { parseGlossaryJson } from '../../src/core/glossary/jsonGlossary';

const original = `{
    // my suppliers — keep this comment
    "name": "Mine",
    "entries": [
        { "id": "a", "zh": "压铸", "en": ["HPDC"] } // inline comment
    ]
}
`;

const entry = { id: 'b', zh: '开模', pinyin: 'kāi mú', en: ['tooling', 'die making'], note: 'a "quoted", note' };

test("adding keeps comments, order and the file's indentation", () => {
  const after = applyTextEdits(original, addEntryEdits(original, entry, 'x'));
  assert.ok(after.includes('// my suppliers — keep this comment'));
  assert.ok(after.includes('// inline comment'));
  assert.match(after, /\n {8}\{\n {12}"id": "b"/, after);
  const { glossary, problems } = parseGlossaryJson(after, 'g.json');
  assert.deepEqual(problems, []);
  assert.deepEqual(
    glossary.entries.map((e) => e.id),
    ['a', 'b'],
  );
  assert.deepEqual(glossary.entries[1], entry);
});

test('an empty or missing file becomes a new glossary', () => {
  const created = applyTextEdits('', addEntryEdits('', entry, 'My glossary'));
  const { glossary, problems } = parseGlossaryJson(created, 'g.json');
  assert.deepEqual(problems, []);
  assert.equal(glossary.name, 'My glossary');
  assert.deepEqual(glossary.entries, [entry]);
  const noEntries = applyTextEdits('{ "name": "x" }', addEntryEdits('{ "name": "x" }', entry, 'x'));
  assert.deepEqual(parseGlossaryJson(noEntries, 'g.json').glossary.entries, [entry]);
});

test('replace and remove address the entry by id and keep the rest', () => {
  const replaced = applyTextEdits(
    original,
    replaceEntryEdits(original, 'a', { id: 'a', zh: '压铸', en: ['die casting'] }),
  );
  assert.ok(replaced.includes('// my suppliers'));
  assert.deepEqual(parseGlossaryJson(replaced, 'g.json').glossary.entries[0].en, ['die casting']);
  const withTwo = applyTextEdits(original, addEntryEdits(original, entry, 'x'));
  const removed = applyTextEdits(withTwo, removeEntryEdits(withTwo, 'a'));
  assert.deepEqual(
    parseGlossaryJson(removed, 'g.json').glossary.entries.map((e) => e.id),
    ['b'],
  );
  assert.ok(removed.includes('// my suppliers'));
  assert.throws(() => removeEntryEdits(original, 'zzz'), /no entry with id "zzz"/);
});

test('editing an entry keeps its traditional form (Edit Glossary Entry writes the whole entry back)', () => {
  const text = '{"entries": [{"id": "q", "zh": "已签合同", "traditional": "已簽合同", "en": ["signed contract"]}]}';
  const edited = { ...parseGlossaryJson(text, 'g.json').glossary.entries[0], en: ['contract signed'] };
  const after = applyTextEdits(text, replaceEntryEdits(text, 'q', edited));
  assert.equal(parseGlossaryJson(after, 'g.json').glossary.entries[0].traditional, '已簽合同');
  const added = applyTextEdits(original, addEntryEdits(original, edited, 'x'));
  assert.equal(parseGlossaryJson(added, 'g.json').glossary.entries[1].traditional, '已簽合同');
});
