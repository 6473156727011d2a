/**
 * Show Terms in Document's filter (termListSearch, core/document/termList.ts): Search Glossary's
 * matcher over a document's terms. The document is the die-casting order notes of the fixtures
 * (test/fixtures/diecasting-orders.txt, sources recorded beside it); before, the filter was VS
 * Code's own fuzzy match on the shown pinyin, which needed the tone marks (ya zhu found nothing).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listTerms, termListSearch } from '../../src/core/document/termList';
import { fixture, fullLexicon } from './fullLexicon';

const terms = listTerms(fixture('diecasting-orders.txt'), fullLexicon());
const matcher = termListSearch(terms);
const found = (q: string) => matcher.search(q).map((i) => terms[i].text);

test('pinyin without tone marks, with or without spaces, finds 压铸 first; tone marks and numbers too', () => {
  for (const q of ['ya zhu', 'yazhu', 'yā zhù', 'ya1zhu4', 'YaZhu']) assert.equal(found(q)[0], '压铸', q);
});

test('initials, English words and Chinese in either script find their terms; no match lists nothing', () => {
  assert.ok(found('yz').includes('压铸'), found('yz').join(' '));
  assert.ok(found('die casting').includes('压铸'), found('die casting').join(' '));
  assert.equal(found('壓鑄')[0], '压铸');
  assert.equal(found('力劲')[0], '力劲');
  // Ranked exact before prefix: 开模 is exactly "kai mu" (kāi mú), others only begin with "kai".
  assert.equal(found('kaimu')[0], '开模');
  assert.deepEqual(found('xyzzy'), []);
  // Every index is a term of the list, once.
  const all = matcher.search('a');
  assert.equal(new Set(all).size, all.length);
  assert.ok(all.every((i) => i >= 0 && i < terms.length));
});
