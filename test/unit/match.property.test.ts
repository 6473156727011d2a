/**
 * Property tests of matching: over a small random dictionary in a few layers, the lexicon's
 * leftmost-longest matches equal those of a naive reference matcher (every length tried at every
 * position, plain and folded to simplified), and folding keeps every string's length.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { GlossarySource } from '../../src/core/glossary/entry';
import { buildLayer, Lexicon } from '../../src/core/lexicon/lexicon';
import { foldToSimplified, simplifiedFoldTable } from '../../src/core/text/script';

const RUNS = 10_000;

/** Characters that fold (臺 → 台, 鑄 → 铸), their simplified forms, a pair, lone halves, others. */
const unit = fc.constantFrom(
  ...['台', '臺', '湾', '灣', '压', '壓', '铸', '鑄', '机', '機'],
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

/** The contract, naively: at each position the longest key of any layer, as written or folded. */
function reference(text: string, layers: string[][], start: number, end: number): string[] {
  const keys = new Set(layers.flat());
  const out: string[] = [];
  let i = start;
  while (i < end) {
    let best = 0;
    for (let length = end - i; length > 0; length--) {
      const s = text.slice(i, i + length);
      if (keys.has(s) || keys.has(fold(s))) {
        best = length;
        break;
      }
    }
    if (best > 0) {
      out.push(`${i}-${i + best}`);
      i += best;
    } else {
      // Past one character: both halves of a surrogate pair, else one unit.
      const pair = /[\ud800-\udbff]/.test(text[i]) && /[\udc00-\udfff]/.test(text[i + 1] ?? '');
      i += pair ? 2 : 1;
    }
  }
  return out;
}

const spans = fc.tuple(textArb, fc.nat(), fc.nat()).map(([text, a, b]) => {
  const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
  return { text, start, end };
});

test('the lexicon finds the matches the naive reference matcher finds, in any range', () => {
  fc.assert(
    fc.property(layersArb, spans, (layers, { text, start, end }) => {
      const got = lexiconOf(layers).matchRange(text, start, end).toArray();
      assert.deepEqual(
        got.map((m) => `${m.start}-${m.end}`),
        reference(text, layers, start, end),
      );
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
        const keys = new Set([m.text, fold(m.text)]);
        const ofKey = m.entries.length > 0 && m.entries.every((e) => keys.has(e.zh));
        assert.ok(ofKey, `${m.text}: ${m.entries.map((e) => e.zh)}`);
        // Every layer that has the key contributes its entry.
        const holding = layers.filter((l) => l.includes(m.text) || l.includes(fold(m.text))).length;
        assert.ok(m.entries.length >= holding);
        at = m.end;
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
