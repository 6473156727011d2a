/**
 * Property test of the answer parser: for any answer (arbitrary text, and answers assembled from
 * the pieces models wrap their English in) it never throws, and what it returns as English is text
 * of the answer: each of its words occurs in the answer, in the same order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAnswer } from '../../src/core/annotate/modelAnswer';
import { recordedCases } from './lmFixture';

const RUNS = 5_000;

/** True if the words of `english` occur in `answer` one after another (words may be unwrapped). */
function drawnFrom(english: string, answer: string): boolean {
  let at = 0;
  for (const word of english.split(/\s+/).filter(Boolean)) {
    const found = answer.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return true;
}

function holds(answer: string): boolean {
  for (const form of ['inline', 'note'] as const) {
    const parsed = parseAnswer(answer, form);
    if (!parsed.ok) {
      if (parsed.message === '') return false;
      continue;
    }
    if (parsed.english.trim() === '' || !drawnFrom(parsed.english, answer)) return false;
    if (form === 'inline' && parsed.english.includes('\n')) return false;
  }
  return true;
}

const recorded = recordedCases().flatMap((c) => c.answers);
const pieces = fc.constantFrom(
  '```',
  '```text',
  '~~~',
  '---',
  '',
  'Translation:',
  '**English:**',
  'Here is the translation:',
  'Sure!',
  'Note: 压铸机 is a die-casting machine.',
  '<think>',
  '</think>',
  '"',
  '“',
  '”',
  '**',
  '布勒：拓普集团1台，6000吨',
  "I'm sorry, but I can't help with that.",
  'Bühler Group: Tuopu Group 1 unit, 6,000 t;',
  'IKD 2 units, 6,000 t.',
  ...recorded,
);
const assembled = fc
  .array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 10 })
  .chain((parts) => fc.constantFrom(parts.join('\n'), parts.join(' '), parts.join('\r\n'), parts.join('')));

test('parsing never throws and returns only text of the answer, in order (arbitrary text)', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), holds), { numRuns: RUNS });
});

test('parsing never throws and returns only text of the answer, in order (assembled answers)', () => {
  fc.assert(fc.property(assembled, holds), { numRuns: RUNS });
});

test('the property holds for every recorded answer, and the check can fail', () => {
  for (const answer of recorded) assert.ok(holds(answer), answer);
  assert.equal(drawnFrom('Bühler Group', 'Group Bühler'), false);
  assert.equal(drawnFrom('Buhler', 'Bühler'), false);
});
