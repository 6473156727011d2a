/**
 * The particle 地 on real sentences (the reading fixtures and the QA corpus, sources recorded
 * there): after an adjective or adverb and before the verb it is de, the particle's sense first;
 * the noun 地 (a plot bought, "and other places") stays dì with its own senses first.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describePosition } from '../../src/core/document/scan';
import { isAdverbialDe, particleLast } from '../../src/core/reading/particles';
import { fixture, fullLexicon } from './fullLexicon';

/** Every sentence of the fixtures that holds `phrase`. */
function sentenceWith(phrase: string): string {
  const texts = [
    ...['reading/real-text.json', 'reading/held-out.json', 'reading/held-out-2.json'].flatMap((f) =>
      (JSON.parse(fixture(f)).sentences as { text: string }[]).map((s) => s.text),
    ),
    ...(JSON.parse(fixture('qa/corpus.json')).lines as { zh: string }[]).map((l) => l.zh),
  ];
  const found = texts.find((t) => t.includes(phrase));
  assert.ok(found, `a fixture sentence holds ${phrase}`);
  return found;
}

/** The hover's reading and first English at the 地 of `phrase` in its real sentence. */
function hoverAtDi(phrase: string): { text: string; reading: string; first: string } {
  const line = sentenceWith(phrase);
  const info = describePosition(line, line.indexOf(phrase) + phrase.indexOf('地'), fullLexicon());
  assert.ok(info, phrase);
  return { text: info.text, reading: info.reading, first: info.entries[0].en[0] };
}

test('real sentences: 地 after an adverb and before its verb reads de, the particle first', () => {
  for (const phrase of ['更好地平衡', '不断地发展', '更好地提升']) {
    const { text, reading, first } = hoverAtDi(phrase);
    assert.equal(text, '地', phrase);
    assert.equal(reading, 'de', phrase);
    assert.match(first, /particle/, phrase);
  }
});

test('real sentences: the noun 地 stays dì, its senses first', () => {
  for (const phrase of ['等地的']) {
    const { text, reading, first } = hoverAtDi(phrase);
    assert.equal(text, '地', phrase);
    assert.equal(reading, 'dì', phrase);
    assert.equal(first, 'earth', phrase);
  }
});

test('the particle rule: a word of two characters before, more Chinese after, no count or pointer', () => {
  const at = (text: string, before: number) => isAdverbialDe(text, before, text.indexOf('地'), text.length);
  assert.equal(at('有效地降低成本', 0), true);
  assert.equal(at('有效地', 0), false, 'the end of the passage');
  assert.equal(at('有效地，', 0), false, 'punctuation after');
  assert.equal(at('两块地建厂', 0), false, 'a count');
  assert.equal(at('这块地建厂', 0), false, 'a pointer');
  assert.equal(at('GPU地', 0), false, 'Latin before');
  assert.equal(at('好地方', 1), false, 'one character before');
  assert.deepEqual(
    particleLast('地', [
      { pinyin: 'de', n: 1 },
      { pinyin: 'dì', n: 2 },
      { pinyin: 'dì', n: 3 },
    ]).map((e) => e.n),
    [2, 3, 1],
  );
});
