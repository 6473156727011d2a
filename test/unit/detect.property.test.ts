/**
 * Property tests of passage detection against a plain reference over \p{Script=Han}: passages are
 * in order and disjoint, cover every Han character, cut no surrogate pair, and join Chinese runs
 * only across short non-English stretches.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findPassages } from '../../src/core/text/detect';

const RUNS = 10_000;

/** Every Han code point, and every unassigned one inside a Han block (the detector takes blocks). */
const HAN = /\p{Script=Han}/u;
const hanCodePoints: number[] = [];
for (let c = 0x2e80; c <= 0x323af; c++) if (HAN.test(String.fromCodePoint(c))) hanCodePoints.push(c);
/** First and last code point of each range of Han, and their neighbours: where tables go wrong. */
const hanEdges = [
  ...new Set(
    hanCodePoints.flatMap((c, i) => {
      const first = i === 0 || hanCodePoints[i - 1] !== c - 1;
      const last = i === hanCodePoints.length - 1 || hanCodePoints[i + 1] !== c + 1;
      return first || last ? [c - 1, c, c + 1] : [];
    }),
  ),
];

const LATIN = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/;
/** Units that may sit between two Chinese runs of one passage (detect.ts's joining rule). */
const JOINING = new RegExp(
  `^[${LATIN.source.slice(1, -1)}0-9 \t\u00a0,.:;%+\\-_/&'()\u00b7\u2014\u2026\u2018\u2019\u201c\u201d]*$`,
);

/** Pieces real mixed text is made of, so that joining, punctuation and surrogates all come up. */
const piece = fc.oneof(
  fc.constantFrom(...hanCodePoints).map((c) => String.fromCodePoint(c)),
  fc.constantFrom(...hanEdges).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('压铸', '极氪', '，', '。', '、', '「', '」', '\u3000', '（', '）', '々', '〇', '𠀀', '𪚥'),
  fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '-', '/', '.', ',', '(', ')', '·', '—', '…', '“', '”'),
  fc.constantFrom('"', '!', '?'),
  fc.constantFrom('a', 'HNB', '009', '6000', 'the', 'die casting', 'Giga Press', 'é', 'x1', 'A/B', 'v2.0'),
  fc.constantFrom('\ud840', '\udc00', '\ud83d\ude00', '\u2e9a', '\ufa6e', 'Ω', 'ア', '한'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** A valid boundary: not between the two halves of a surrogate pair. */
const boundary = (s: string, i: number) =>
  i <= 0 || i >= s.length || !(isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i)));

test('passages are in order, disjoint, non-empty, and their text is the slice they name', () => {
  fc.assert(
    fc.property(text, (s) => {
      const ps = findPassages(s);
      let at = 0;
      for (const p of ps) {
        assert.ok(p.start >= at && p.end > p.start && p.end <= s.length, `${p.start}-${p.end} after ${at}`);
        assert.equal(p.text, s.slice(p.start, p.end));
        at = p.end;
      }
    }),
    { numRuns: RUNS },
  );
});

test('every run of Han characters (the reference: /\\p{Script=Han}+/u) lies inside one passage', () => {
  fc.assert(
    fc.property(text, (s) => {
      const ps = findPassages(s);
      for (const m of s.matchAll(/\p{Script=Han}+/gu)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        const inside = ps.some((p) => p.start <= start && end <= p.end);
        assert.ok(inside, `${JSON.stringify(m[0])} at ${start} is in no passage`);
      }
    }),
    { numRuns: RUNS },
  );
});

test('passage boundaries never split a surrogate pair, and every passage holds a Han character', () => {
  fc.assert(
    fc.property(text, (s) => {
      for (const p of findPassages(s)) {
        assert.ok(boundary(s, p.start) && boundary(s, p.end), `${p.start}-${p.end} splits a pair`);
        const hasHan = [...p.text].some((c) => HAN.test(c) || (/\p{Cn}/u.test(c) && inHanBlock(c.codePointAt(0) ?? 0)));
        assert.ok(hasHan, `no Han character in ${JSON.stringify(p.text)}`);
      }
    }),
    { numRuns: RUNS },
  );
});

/** Unassigned code points of the Han blocks the detector takes whole. */
function inHanBlock(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x2fdf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff);
}

test('a passage joins Chinese runs only across short stretches that are not English prose', () => {
  // Han, CJK punctuation and full-width forms, the Han blocks the detector takes whole.
  const chinese = new RegExp(
    `[\\p{Script=Han}\u3000-\u303f\uff00-\uffef\ufe30-\ufe4f\ufe10-\ufe1f\u2e80-\u2fdf\uf900-\ufaff\u{20000}-\u{3ffff}]`,
    'u',
  );
  fc.assert(
    fc.property(text, (s) => {
      for (const p of findPassages(s)) {
        const chars = [...p.text];
        // A passage may start with a number or Latin token written against its first Chinese character.
        const token = /^[A-Za-z0-9](?:[A-Za-z0-9]|[.,](?=[0-9]))*/.exec(p.text)?.[0] ?? '';
        const first = [...p.text.slice(token.length)][0] ?? '';
        const ends = chinese.test(first) && chinese.test(chars[chars.length - 1]);
        assert.ok(ends, `${JSON.stringify(p.text)} has loose ends`);
        const before = s[p.start - 1] ?? '';
        if (token !== '') assert.ok(!/[A-Za-z\u00c0-\u024f]/.test(before), `${JSON.stringify(p.text)} cuts a word`);
        for (const run of p.text.split(new RegExp(`(?:${chinese.source})+`, 'u')).filter((r) => r !== '')) {
          assert.ok(run.length <= 32 && JOINING.test(run), `joined across ${JSON.stringify(run)}`);
          const words = (run.match(/[A-Za-z\u00c0-\u024f0-9]+/g) ?? []).filter((w) => LATIN.test(w)).length;
          assert.ok(!(words > 1 && /[ \t\u00a0]/.test(run)), `joined across English prose ${JSON.stringify(run)}`);
        }
      }
    }),
    { numRuns: RUNS },
  );
});
