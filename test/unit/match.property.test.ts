/**
 * Property tests of matching: over a small random dictionary in a few layers, the lexicon's
 * reading costs what a naive least-cost reading costs (every length tried at every position, plain
 * and folded to simplified), its words are keys with their entries, and folding keeps every
 * string's length.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { GlossarySource } from '../../src/core/glossary/entry';
import { buildLayer, Lexicon } from '../../src/core/lexicon/lexicon';
import { foldToSimplified, simplifiedFoldTable } from '../../src/core/text/script';
import { numberPhrases } from '../../src/core/reading/numbers';
import { UNKNOWN_CHARACTER_COST, UNKNOWN_FREQUENCY_COST, wordCost } from '../../src/core/reading/segment';
import { personalNameAt } from '../../src/core/reading/names';
import { PERSONAL_NAME_COST, NUMBER_COST, type ReadingStep } from '../../src/core/lexicon/lexicon';

const RUNS = 10_000;

/** Characters that fold (臺 → 台, 鑄 → 铸), their simplified forms, a pair, lone halves, others. */
const unit = fc.constantFrom(
  ...['台', '臺', '湾', '灣', '压', '壓', '铸', '鑄', '机', '機'],
  // Numerals and units (第二代, 2年), a surname in both scripts and given-name characters (黄仁勋).
  ...['第', '二', '代', '年', '黄', '黃', '仁', '勋', '勳'],
  ...['𠀀', '\ud840', '\udc00', 'a', '1', ' ', '，'],
);
const word = fc.array(unit, { minLength: 1, maxLength: 4 }).map((u) => u.join(''));
const textArb = fc.array(unit, { maxLength: 30 }).map((u) => u.join(''));
/** Keys are written as glossaries write them: in simplified, or now and then in traditional. */
const layersArb = fc.array(fc.uniqueArray(word, { maxLength: 12 }), { minLength: 1, maxLength: 3 });

function lexiconOf(layers: string[][]): Lexicon {
  return new Lexicon(
    layers.map((keys, l) => {
      const source: GlossarySource = { label: `L${l}`, layer: 'user', id: `l${l}` };
      const entries = keys.map((zh, i) => ({ id: `e${i}`, zh, en: [zh] }));
      return buildLayer([{ source, glossary: { name: `L${l}`, entries } }]);
    }),
    simplifiedFoldTable,
  );
}

const fold = (s: string) => foldToSimplified(s) ?? s;

const isAlnum = (ch: string | undefined) => ch !== undefined && /^[0-9A-Za-z]$/.test(ch);

/**
 * The contract, naively: the least total cost of any reading of [start, end) as steps, each a key
 * of some layer (as written or folded) or one character at the unknown cost; no key starting or
 * ending inside an ASCII run, none partly overlapping a number phrase, none starting inside a
 * surrogate pair. Every layer here is a
 * glossary, so a key costs wordCost(unknown frequency, length, glossary). Number phrases come from
 * the numbers reader (tested on its own in segment.test.ts); each is also a step of its own at
 * NUMBER_COST unless a key spans it, and a personal name (personalNameAt, tested in segment.test.ts)
 * at PERSONAL_NAME_COST where no key of two characters or more starts, or after a title, and no
 * phrase is crossed.
 */
function referenceCost(text: string, layers: string[][], start: number, end: number): number {
  const keys = new Set(layers.flat());
  const phrases = numberPhrases(fold(text), start, end); // read folded: 1臺 is 1台
  const crossesPhrase = (i: number, e: number) => {
    for (let k = 0; k < phrases.length; k += 2) {
      const [ps, pe] = [phrases[k], phrases[k + 1]];
      const overlap = i < pe && ps < e;
      if (overlap && !(ps <= i && e <= pe) && !(i <= ps && pe <= e)) return true;
    }
    return false;
  };
  const best = new Array<number>(end - start + 1).fill(Infinity);
  best[end - start] = 0;
  for (let i = end - 1; i >= start; i--) {
    const high = (k: number) => /[\ud800-\udbff]/.test(text[k] ?? '');
    const low = (k: number) => /[\udc00-\udfff]/.test(text[k] ?? '');
    // No step starts at the low half of a pair: a pair is one character.
    if (i > start && high(i - 1) && low(i)) continue;
    const pair = i + 1 < end && high(i) && low(i + 1);
    const width = pair ? 2 : 1;
    let single = false;
    let b = Infinity;
    for (let e = i + 1; e <= end; e++) {
      const s = text.slice(i, e);
      if (!keys.has(s) && !keys.has(fold(s))) continue;
      if (isAlnum(text[i]) && isAlnum(text[i - 1])) continue;
      if (isAlnum(text[e - 1]) && isAlnum(text[e])) continue;
      if (crossesPhrase(i, e)) continue;
      if (e - i === width) single = true;
      b = Math.min(b, wordCost(UNKNOWN_FREQUENCY_COST, e - i, true) + best[e - start]);
    }
    if (!single) b = Math.min(b, UNKNOWN_CHARACTER_COST + best[i + width - start]);
    const phrase = phrases.findIndex((p, k) => k % 2 === 0 && p === i);
    const phraseEnd = phrase >= 0 ? phrases[phrase + 1] : -1;
    const cutsRun = (e: number) => isAlnum(text[e - 1]) && isAlnum(text[e]);
    const keyAt = (e: number) => {
      const s = text.slice(i, e);
      const ok = (keys.has(s) || keys.has(fold(s))) && !(isAlnum(text[i]) && isAlnum(text[i - 1])) && !cutsRun(e);
      return ok && !crossesPhrase(i, e);
    };
    // A number phrase is a word though a glossary key lies inside it.
    const numberOk = !keyAt(phraseEnd) && !(isAlnum(text[i]) && isAlnum(text[i - 1])) && !cutsRun(phraseEnd);
    if (phraseEnd > 0 && numberOk) {
      b = Math.min(b, NUMBER_COST + best[phraseEnd - start]);
    }
    const insidePhrase = phrases.some((p, k) => k % 2 === 0 && p < i && i < phrases[k + 1]);
    let longKey = false;
    for (let e = i + width + 1; e <= end && !longKey; e++) longKey = keyAt(e);
    const folded = fold(text);
    const named = personalNameAt((k) => folded.charCodeAt(k), i, start, end, longKey);
    if (!insidePhrase && named && !crossesPhrase(i, i + 3)) {
      b = Math.min(b, PERSONAL_NAME_COST + best[i + 3 - start]);
    }
    best[i - start] = b;
  }
  return best[0];
}

const spans = fc.tuple(textArb, fc.nat(), fc.nat()).map(([text, a, b]) => {
  const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
  return { text, start, end };
});

test('the reading costs what the naive least-cost reading costs, in any range', () => {
  fc.assert(
    fc.property(layersArb, spans, (layers, { text, start, end }) => {
      const steps = lexiconOf(layers).segmentRange(text, start, end);
      const stepCost = (s: ReadingStep) => {
        if (s.made) return s.made === 'number' ? NUMBER_COST : PERSONAL_NAME_COST;
        return s.word ? wordCost(UNKNOWN_FREQUENCY_COST, s.end - s.start, true) : UNKNOWN_CHARACTER_COST;
      };
      const cost = steps.reduce((sum, s) => sum + stepCost(s), 0);
      assert.ok(Math.abs(cost - referenceCost(text, layers, start, end)) < 1e-9, JSON.stringify(steps));
    }),
    { numRuns: RUNS },
  );
});

test('every match is a key (as written or folded), in order, disjoint, with the entries of that key', () => {
  fc.assert(
    fc.property(layersArb, textArb, (layers, text) => {
      let at = 0;
      for (const m of lexiconOf(layers).matchRange(text, 0, text.length)) {
        assert.ok(m.start >= at && m.end > m.start && m.end <= text.length);
        assert.equal(m.text, text.slice(m.start, m.end));
        at = m.end;
        // A word the reader made (a number with its unit, a name) has its one composed entry.
        if (m.entries[0]?.composed) {
          assert.equal(m.entries.length, 1);
          continue;
        }
        const keys = new Set([m.text, fold(m.text)]);
        const ofKey = m.entries.length > 0 && m.entries.every((e) => keys.has(e.zh));
        assert.ok(ofKey, `${m.text}: ${m.entries.map((e) => e.zh)}`);
        // Every layer that has the key contributes its entry.
        const holding = layers.filter((l) => l.includes(m.text) || l.includes(fold(m.text))).length;
        assert.ok(m.entries.length >= holding);
      }
    }),
    { numRuns: RUNS },
  );
});

test('folding to simplified keeps the length of every string, surrogates included', () => {
  fc.assert(
    fc.property(fc.oneof(textArb, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
      assert.equal(fold(s).length, s.length);
      const folded = fold(s);
      // One code unit for one: each unit is unchanged or the fold of that unit alone.
      for (let i = 0; i < s.length; i++) assert.ok(folded[i] === s[i] || folded[i] === fold(s[i]));
    }),
    { numRuns: RUNS },
  );
});
