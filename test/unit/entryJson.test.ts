import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryJson, serializeGlossaryJson } from '../../src/core/glossary/formats/json';
import { addEntryEdits, applyTextEdits } from '../../src/core/glossary/jsonEdit';
import type { GlossaryEntry } from '../../src/core/glossary/entry';

const entry: GlossaryEntry = {
  ref: 'https://example.com',
  aliases: [{ zh: '高压铸造' }],
  note: 'own note',
  category: 'process',
  domain: 'die-casting',
  forbidden: ['pressure casting'],
  en: ['die casting'],
  pinyin: 'yā zhù',
  traditional: '壓鑄',
  zh: '压铸',
  id: 'yazhu',
};

test('one entry serialiser: schema field order, empty optional fields left out, no shared arrays', () => {
  const json = entryJson(entry);
  const schemaOrder = 'id zh traditional pinyin en forbidden domain category note aliases ref'.split(' ');
  assert.deepEqual(Object.keys(json), schemaOrder);
  assert.notEqual(json.en, entry.en, 'a copy: editing the written object leaves the entry alone');
  const bare = entryJson({ id: 'k', zh: '开模', en: ['tooling'], forbidden: [], aliases: [], note: '' });
  assert.deepEqual(Object.keys(bare), ['id', 'zh', 'en']);
});

test('export and in-place edit write the entry the same way', () => {
  const exported = serializeGlossaryJson({ name: 'g', entries: [entry] });
  const empty = '{\n  "name": "g",\n  "entries": []\n}\n';
  const added = applyTextEdits(empty, addEntryEdits(empty, entry, 'g'));
  const entriesOf = (text: string) => JSON.stringify(JSON.parse(text).entries);
  assert.equal(entriesOf(added), entriesOf(exported));
  assert.equal(entriesOf(exported), JSON.stringify([entryJson(entry)]));
});
