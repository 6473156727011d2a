import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileBaseName, fileStem, withExtension } from '../../src/core/text/fileName';
import { parseGlossaryFile } from '../../src/core/glossary/load';

test('the base name is the last segment after either slash', () => {
  assert.equal(fileBaseName('glossary/die-casting.json'), 'die-casting.json');
  assert.equal(fileBaseName('C:\\Users\\me\\supplier terms.tsv'), 'supplier terms.tsv');
  assert.equal(fileBaseName('a.b/c'), 'c');
  assert.equal(fileBaseName('plain'), 'plain');
});

test("the stem drops the last extension only, and never a folder's dot", () => {
  assert.equal(fileStem('glossary/die-casting.json'), 'die-casting');
  assert.equal(fileStem('/x/terms.v2.tbx'), 'terms.v2');
  assert.equal(fileStem('dir.v1/README'), 'README');
  assert.equal(fileStem('D:\\t\\供应商.csv'), '供应商');
});

test('with extensions given, only those are dropped, in any case, the longest first', () => {
  const json = ['.json', '.jsonc'];
  assert.equal(fileStem('u/Mine.JSONC', json), 'Mine');
  assert.equal(fileStem('u/mine.json', json), 'mine');
  assert.equal(fileStem('u/mine.txt', json), 'mine.txt');
  assert.equal(fileStem('a/x.tar.gz', ['.gz', '.tar.gz']), 'x');
});

test('every reader names an unnamed glossary after its file, as it did before', () => {
  const cases: [string, string, string][] = [
    ['in/Supplier Terms.tsv', '布勒\tBuhler\n', 'Supplier Terms'],
    ['in\\terms.csv', 'zh,en\n布勒,Buhler\n', 'terms'],
    ['in/list.u8', '布勒 布勒 [bu4 le4] /Buhler/\n', 'list'],
    ['in/mine.JSONC', '{ "entries": [] }', 'mine'],
  ];
  for (const [file, text, name] of cases) assert.equal(parseGlossaryFile(text, file).glossary.name, name, file);
});

test('a new extension replaces the last one, or is added when there is none', () => {
  assert.equal(withExtension('/d/notes.md', '.anki.tsv'), '/d/notes.anki.tsv');
  assert.equal(withExtension('/d.v1/notes', '.bilingual.html'), '/d.v1/notes.bilingual.html');
  assert.equal(withExtension('/d/a.b.txt', '.anki.tsv'), '/d/a.b.anki.tsv');
});
