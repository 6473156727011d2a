/** Readings in context: the heteronym list and the fixtures' coverage. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hanWidthAt } from '../../src/core/text/detect';
import { cedictPinyinToMarks } from '../../src/core/glossary/cedictLine';
import { pinyinOfText } from '../../src/core/document/pinyinText';
import { scanText } from '../../src/core/document/scan';
import { fixture, fullLexicon } from './fullLexicon';

const heteronyms = fixture('heteronyms.txt')
  .trim()
  .split('\n')
  .map((line) => {
    const [word, ...syllables] = line.trim().split(/\s+/);
    return { word, expected: syllables.join(' ') };
  });

test('the heteronym list has at least 40 words', () => {
  assert.ok(heteronyms.length >= 40, `${heteronyms.length} words`);
});

for (const { word, expected } of heteronyms) {
  test(`heteronym ${word} reads ${expected}`, () => {
    assert.equal(pinyinOfText(word, fullLexicon()), expected);
  });
}

test('CC-CEDICT readings convert to tone marks', () => {
  assert.equal(cedictPinyinToMarks('ya1 zhu4'), 'yā zhù');
  assert.equal(cedictPinyinToMarks('Bei3 jing1'), 'běi jīng');
  assert.equal(cedictPinyinToMarks('nu:3 er2'), 'nǚ ér');
  assert.equal(cedictPinyinToMarks('ma5'), 'ma');
  assert.equal(cedictPinyinToMarks('A A zhi4'), 'A A zhì');
});

for (const name of ['forum-thread.txt', 'diecasting-orders.txt']) {
  test(`every Han character of ${name} is covered by a match with an English gloss, curated first`, () => {
    const text = fixture(name);
    const { matches } = scanText(text, fullLexicon());
    const covered = new Uint8Array(text.length);
    for (const m of matches) {
      // An organisation name no glossary lists (宜安科技) is one unit with no English of its own.
      if (m.unlisted) {
        assert.equal(m.entries.length, 0, `${m.text}: no entries`);
        covered.fill(1, m.start, m.end);
        continue;
      }
      assert.ok(m.entries.length > 0 && m.entries[0].en.length > 0, `${m.text} has a gloss`);
      const curated = m.entries.findIndex((e) => e.source.layer === 'curated');
      const dictionary = m.entries.findIndex((e) => e.source.layer === 'cedict');
      if (curated >= 0 && dictionary >= 0) assert.ok(curated < dictionary, `${m.text}: curated before CC-CEDICT`);
      covered.fill(1, m.start, m.end);
    }
    for (let i = 0; i < text.length; i++) {
      if (hanWidthAt(text, i) > 0) assert.equal(covered[i], 1, `${text.slice(i, i + 2)} at ${i} is covered`);
    }
  });
}

test('the hover reads a term in a window of its passage and gets the same reading as the whole-text scan', async () => {
  const { describePosition } = await import('../../src/core/document/scan');
  const lexicon = fullLexicon();
  let compared = 0;
  for (const name of ['diecasting-orders.txt', 'forum-thread.txt', 'heteronyms.txt']) {
    // Long passages too: several lines joined into one, so that windows cut through them.
    const text = fixture(name);
    const long = text
      .split('\n')
      .filter((l) => /[\u4e00-\u9fff]/.test(l))
      .join('，');
    for (const line of [...text.split('\n'), long]) {
      for (const m of scanText(line, lexicon).matches) {
        const info = describePosition(line, m.start, lexicon);
        assert.equal(info?.reading, m.reading, `${name}: ${m.text} at ${m.start}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 300, `${compared} matches compared`);
});
