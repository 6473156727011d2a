/**
 * The words the keys step through and inline pinyin reads (core/document/readingWords), on real
 * text from the fixtures (sources recorded in them): the terms are the term list's, the readings
 * the scan's, each Han character gets its syllable's tone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineWords, readLineWords, syllableTones, wordAfter } from '../../src/core/document/readingWords';
import { scanText } from '../../src/core/document/scan';
import { listTerms } from '../../src/core/document/termList';
import { fixture, fullLexicon } from './fullLexicon';

const lexicon = fullLexicon();
/** Real lines: a die-casting order report (simplified) and a traditional clause of the phrases fixture. */
const orders = fixture('diecasting-orders.txt')
  .split('\n')
  .filter((l) => l.trim());
const traditional = fixture('traditional-phrases.txt')
  .split('\n')
  .filter((l) => /^[^#\s]/.test(l) && /[\u4e00-\u9fff]/.test(l))
  .map((l) => l.replace(/[[\]]/g, ''));

const pairs = (bounds: number[]) =>
  bounds.reduce<string[]>((a, _, k) => (k % 2 ? a : [...a, `${bounds[k]}-${bounds[k + 1]}`]), []);

test("the terms of a line are the term list's occurrences on it, in text order", () => {
  for (const line of orders.slice(0, 6)) {
    const listed = listTerms(line, lexicon).flatMap((t) => t.occurrences.map((o) => o));
    listed.sort((a, b) => a.start - b.start);
    assert.deepEqual(
      pairs(lineWords(line, lexicon, 'terms')),
      listed.map((o) => `${o.start}-${o.end}`),
      line,
    );
  }
});

test('the words of the reading cover every Han character; each term lies inside one', () => {
  const line = orders[0];
  const words = lineWords(line, lexicon, 'words');
  const covered = new Set<number>();
  for (let k = 0; k < words.length; k += 2) for (let i = words[k]; i < words[k + 1]; i++) covered.add(i);
  for (let i = 0; i < line.length; i++)
    if (/[\u4e00-\u9fff]/.test(line[i])) assert.ok(covered.has(i), `${line[i]} at ${i}`);
  // Each term lies inside a word (a unit 台 inside the number word 2台), and some words are no term.
  const terms = lineWords(line, lexicon, 'terms');
  assert.ok(terms.length > 0);
  for (let k = 0; k < terms.length; k += 2) {
    const inside = pairs(words).some((p) => {
      const [s, e] = p.split('-').map(Number);
      return s <= terms[k] && terms[k + 1] <= e;
    });
    assert.ok(inside, line.slice(terms[k], terms[k + 1]));
  }
  const termSet = new Set(pairs(terms));
  assert.ok(
    pairs(words).some((w) => !termSet.has(w)),
    "some words are only the dictionary's",
  );
});

test('wordAfter finds the next and previous word start, -1 past either end', () => {
  const bounds = [2, 4, 6, 9, 12, 13];
  assert.equal(wordAfter(bounds, 0, true), 0);
  assert.equal(wordAfter(bounds, 2, true), 2, 'a word starting at the cursor is not the next one');
  assert.equal(wordAfter(bounds, 12, true), -1);
  assert.equal(wordAfter(bounds, 12, false), 2);
  assert.equal(wordAfter(bounds, 7, false), 2);
  assert.equal(wordAfter(bounds, 2, false), -1);
});

test('the readings are those of the scan, for simplified and traditional text alike', () => {
  for (const line of [...orders.slice(0, 4), ...traditional.slice(0, 8)]) {
    const scanned = new Map(scanText(line, lexicon).matches.map((m) => [`${m.start}-${m.end}`, m.reading]));
    const read = readLineWords(line, lexicon, 'terms', 'marks');
    for (const w of read) {
      const same = scanned.get(`${w.start}-${w.end}`);
      if (same !== undefined) assert.equal(w.reading, same, `${line.slice(w.start, w.end)} in ${line}`);
    }
  }
});

test('压铸机 and a traditional clause read with tones per character', () => {
  const line = traditional.find((l) => l.includes('压铸机'));
  assert.ok(line, 'the fixture has 压铸机');
  const words = readLineWords(line, lexicon, 'words', 'marks');
  const machine = words.find((w) => line.slice(w.start, w.end) === '压铸机');
  assert.ok(machine, words.map((w) => line.slice(w.start, w.end)).join('|'));
  assert.equal(machine.reading, 'yā zhù jī');
  assert.deepEqual(
    machine.tones.map((t) => t.tone),
    [1, 4, 1],
  );
  const numbered = readLineWords(line, lexicon, 'words', 'numbers').find((w) => w.start === machine.start);
  assert.equal(numbered?.reading, 'ya1 zhu4 ji1');
  assert.deepEqual(
    numbered?.tones.map((t) => t.tone),
    [1, 4, 1],
  );
  const cats = traditional.find((l) => l.includes('飼養'));
  assert.ok(cats);
  const read = readLineWords(cats, lexicon, 'words', 'marks');
  const raise = read.find((w) => cats.slice(w.start, w.end) === '飼養');
  assert.equal(raise?.reading, 'sì yǎng');
  assert.deepEqual(
    raise?.tones.map((t) => t.tone),
    [4, 3],
  );
});

test('a number with a decimal point reads as written, its unit with its tone (udn-machinery-tariff)', () => {
  const set = JSON.parse(fixture('reading/real-text.json')) as { sentences: { source: string; text: string }[] };
  const line = set.sentences.find((s) => s.source === 'udn-machinery-tariff' && s.text.includes('27.93億美元'))?.text;
  assert.ok(line, 'the fixture has the sentence with 27.93億美元');
  const words = readLineWords(line, lexicon, 'words', 'marks');
  const amount = words.find((w) => line.slice(w.start, w.end).startsWith('27.93'));
  assert.ok(amount, words.map((w) => line.slice(w.start, w.end)).join('|'));
  assert.match(amount.reading, /^27\.93 yì/);
  // Tones for the Han characters only, one per character, however the digits are written.
  const han = [...line.slice(amount.start, amount.end)].filter((c) => /\p{Script=Han}/u.test(c)).length;
  assert.equal(amount.tones.length, han);
  assert.equal(amount.tones[0].tone, 4, 'yì');
  // The hover colours per space-separated token: the number is one token and has no tone.
  assert.deepEqual(syllableTones('5.786亿元', '5.786 yì yuán'), [undefined, 4, 2]);
  assert.deepEqual(syllableTones('5.786亿元', '5 786 yì yuán'), [undefined, undefined, 4, 2]);
});
