import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ankiNotes } from '../../src/core/document/anki';
import { listTerms } from '../../src/core/document/termList';
import type { SourcedEntry } from '../../src/core/glossary/entry';
import { fixture, fullLexicon } from './fullLexicon';

const source = { id: 'user', label: 'User <glossary>', layer: 'user' };

test('notes: a header Anki reads, then term | pinyin, English and source, one a line', () => {
  const entry = { id: 'yz', zh: '压铸', en: ['die casting', 'HPDC'], source } as SourcedEntry;
  const text = ankiNotes([{ text: '压铸', reading: 'yā zhù', entries: [entry] }]);
  assert.equal(
    text,
    '#separator:tab\n#html:true\n#columns:Front\tBack\n' +
      '压铸\tyā zhù<br>die casting; HPDC<br><small>User &lt;glossary&gt;</small>\n',
  );
});

test('glossary text cannot add markup, fields or notes; quotes stay; a term without entries has no source', () => {
  const entry = { id: 'x', zh: '开模', en: ['<i>tooling</i> & "dies"\tline\r\nbreak'], source } as SourcedEntry;
  const lines = ankiNotes([
    { text: '开模', reading: 'kāi mú', entries: [entry] },
    { text: '模具', reading: 'mú jù', entries: [] },
  ]).split('\n');
  const english = '&lt;i&gt;tooling&lt;/i&gt; &amp; "dies" line break';
  assert.equal(lines[3], `开模\tkāi mú<br>${english}<br><small>User &lt;glossary&gt;</small>`);
  assert.equal(lines[4], '模具\tmú jù<br>');
  assert.equal(lines.length, 6, 'two notes and the final newline');
});

test('a real document: one note per distinct term, each with exactly one tab', () => {
  const terms = listTerms(fixture('diecasting-orders.txt'), fullLexicon());
  const lines = ankiNotes(terms).split('\n').slice(3, -1);
  assert.equal(lines.length, terms.length);
  assert.ok(terms.length > 5);
  for (const [k, line] of lines.entries()) {
    assert.equal(line.split('\t').length, 2, line);
    assert.ok(line.startsWith(`${terms[k].text}\t${terms[k].reading}<br>`), line);
  }
  assert.ok(lines.some((l) => l.startsWith('压铸\tyā zhù<br>die casting')));
});
