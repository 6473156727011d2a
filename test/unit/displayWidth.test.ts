import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { columnsAfterLine, displayWidth, shortenToWidth } from '../../src/core/text/displayWidth';

test('wide characters take two columns, others one, astral characters count once', () => {
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('压铸'), 4);
  assert.equal(displayWidth('𠀀x'), 3);
});

test('a short note is kept whole; a long one is cut at a word with an ellipsis', () => {
  assert.equal(shortenToWidth('Bühler AG: 2 units', 40), 'Bühler AG: 2 units');
  const long = 'Tuopu Group ordered one 6,000 t cell; IKD two; Chervon Auto Hungary plant two more at 6,000 t';
  assert.equal(shortenToWidth(long, 40), 'Tuopu Group ordered one 6,000 t cell;…');
  assert.equal(shortenToWidth('line one\nline two', 40), 'line one line two');
});

test('the result never exceeds the width, never splits a surrogate pair, and keeps a prefix of the text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.integer({ min: 2, max: 80 }), (text, columns) => {
      const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
      const out = shortenToWidth(text, columns);
      if (displayWidth(flat) <= columns) return assert.equal(out, flat);
      assert.ok(displayWidth(out) <= columns, `${out} fits ${columns}`);
      assert.ok(out.endsWith('…'));
      assert.ok(flat.startsWith(out.slice(0, -1)), 'a prefix of the text');
      assert.doesNotMatch(out, /[\ud800-\udbff](?![\udc00-\udfff])/, 'no lone high surrogate');
    }),
    { numRuns: 10_000 },
  );
});

test('the room after a line: the view less the last row of the line, when it wraps', () => {
  assert.equal(columnsAfterLine(64, 90), 26);
  assert.equal(columnsAfterLine(120, 90), 0, 'a line wider than an unwrapped view leaves no room');
  assert.equal(columnsAfterLine(120, 90, 90), 60, 'wrapped: the last row is 30 columns');
  assert.equal(columnsAfterLine(180, 90, 90), 0, 'a last row that fills the view');
  assert.equal(columnsAfterLine(100, 90, 80), 70, 'wrapping at a column narrower than the view');
});
