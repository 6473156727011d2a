/**
 * The side bar's data (core/document: termTree, glossaryTree, annotationList) on the die-casting
 * order notes of the fixtures (test/fixtures/diecasting-orders.txt, sources recorded beside it)
 * and on small hand-made inputs where an exact order is the point.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listTerms, Occurrences } from '../../src/core/document/termList';
import { groupTerms, nextOccurrence, NO_DOMAIN, UNLISTED } from '../../src/core/document/termTree';
import { entriesByDomain, entryDescription } from '../../src/core/document/glossaryTree';
import { annotationItems } from '../../src/core/document/annotationList';
import { dictionaryEntryCount } from '../../src/core/lexicon/cedictAsset';
import { fixture, fullLexicon } from './fullLexicon';

const labels = { domain: (k: string) => k, category: (k: string) => k };

test('terms of the order notes: grouped by domain and category, every term once, counts kept', () => {
  const terms = listTerms(fixture('diecasting-orders.txt'), fullLexicon());
  const domains = groupTerms(terms, labels);
  const rows = domains.flatMap((d) => d.categories.flatMap((c) => c.terms.map((t) => ({ d: d.key, c: c.key, t }))));
  assert.equal(rows.length, terms.length, 'every term in one group');
  assert.equal(new Set(rows.map((r) => r.t.text)).size, terms.length);
  const row = (text: string) => rows.find((r) => r.t.text === text);
  assert.deepEqual(
    { d: row('压铸')?.d, c: row('压铸')?.c, reading: row('压铸')?.t.reading, english: row('压铸')?.t.english },
    { d: 'die-casting', c: 'process', reading: 'yā zhù', english: 'die casting; die-cast; high-pressure die casting' },
  );
  assert.equal(row('在谈')?.t.count, 4, '在谈 four times in the notes');
  for (const d of domains) {
    assert.equal(
      d.terms,
      d.categories.reduce((n, c) => n + c.terms.length, 0),
    );
    assert.equal(
      d.occurrences,
      d.categories.reduce((n, c) => n + c.terms.reduce((m, t) => m + t.count, 0), 0),
    );
    for (const c of d.categories) {
      const counts = c.terms.map((t) => t.count);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
        `${d.key}/${c.key} most frequent first`,
      );
    }
  }
  const keys = domains.map((d) => d.key);
  const named = keys.filter((k) => k !== NO_DOMAIN && k !== UNLISTED);
  assert.deepEqual(named, [...named].sort(), 'named domains by label');
  assert.deepEqual(
    keys.slice(named.length),
    keys.filter((k) => k === NO_DOMAIN || k === UNLISTED),
  );
});

test('groups by label in the reader’s language; no domain and unlisted names last', () => {
  const terms = listTerms(fixture('diecasting-orders.txt'), fullLexicon());
  const reversed = groupTerms(terms, { domain: (k) => (k === 'trade' ? 'A' : `Z${k}`), category: (k) => k });
  assert.equal(reversed[0].key, 'trade');
});

test('the next occurrence is the first at or after the offset, round to the first past the last', () => {
  const o = new Occurrences();
  o.add(3, 5);
  o.add(10, 12);
  o.add(40, 42);
  assert.deepEqual(nextOccurrence(o, 0), { index: 0, wrapped: false });
  assert.deepEqual(nextOccurrence(o, 3), { index: 0, wrapped: false });
  assert.deepEqual(nextOccurrence(o, 4), { index: 1, wrapped: false });
  assert.deepEqual(nextOccurrence(o, 40), { index: 2, wrapped: false });
  assert.deepEqual(nextOccurrence(o, 41), { index: 0, wrapped: true });
  assert.equal(nextOccurrence(new Occurrences(), 0), undefined);
});

test('a file’s entries by domain, file order kept within each, entries without a domain last', () => {
  const e = (id: string, domain?: string) => ({ id, zh: '压铸', en: ['die |casting'], ...(domain ? { domain } : {}) });
  const groups = entriesByDomain([e('a', 'trade'), e('b'), e('c', 'die-casting'), e('d', 'trade')]);
  assert.deepEqual(
    groups.map((g) => [g.domain, g.entries.map((x) => x.id)]),
    [
      ['die-casting', ['c']],
      ['trade', ['a', 'd']],
      ['', ['b']],
    ],
  );
  assert.equal(
    entryDescription({ id: 'x', zh: '压铸', pinyin: 'yā zhù', en: ['die cast|ing', 'HPDC'] }),
    'yā zhù — die casting; HPDC',
  );
  assert.equal(entryDescription({ id: 'x', zh: '压铸', en: ['HPDC'] }), 'HPDC');
});

test('annotations and notes by their passage’s line, with their problems counted and stale notes marked', () => {
  const items = annotationItems(
    [
      { line: 5, column: 4, text: 'Geely: …' },
      { line: 1, column: 4, text: 'Haitian Metal: …' },
    ],
    [
      { line: 4, stale: false, text: 'a note', chinese: '吉利：…' },
      { line: 8, stale: true, text: 'old note', chinese: '布勒：…' },
    ],
    [
      { kind: 'inline', line: 1, severity: 'error' },
      { kind: 'inline', line: 1, severity: 'warning' },
      { kind: 'inline', line: 1, severity: 'information' },
      { kind: 'note', line: 4, severity: 'warning' },
      // On the line of an inline annotation's passage, but a note's: not the annotation's.
      { kind: 'note', line: 0, severity: 'error' },
    ],
  );
  assert.deepEqual(
    items.map((i) => [i.kind, i.chineseLine, i.line, i.problemCount, i.stale]),
    [
      ['inline', 0, 1, 3, false],
      ['inline', 4, 5, 0, false],
      ['note', 4, 4, 1, false],
      ['note', 8, 8, 0, true],
    ],
  );
  assert.deepEqual(items[0].problems, { error: 1, warning: 1, information: 1, hint: 0 });
  assert.equal(items[3].writtenFor, '布勒：…');
});

test('CC-CEDICT’s entry count: its dictionary records, not the jieba words listed after them', () => {
  const listed = fullLexicon().layers.at(-1)?.listed;
  assert.ok(listed);
  const count = dictionaryEntryCount(listed);
  assert.ok(count > 120_000 && count < listed.count, `${count} of ${listed.count}`);
  assert.ok(listed.at(count - 1) !== undefined && listed.at(count) === undefined);
  const fake = { count: 10, at: (n: number) => (n < 7 ? listed.at(0) : undefined) };
  assert.equal(dictionaryEntryCount(fake), 7);
});
