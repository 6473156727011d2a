/**
 * Properties of the QA's English term matcher over the curated glossaries' own renderings: any
 * approved rendering, pluralised, hyphenated, closed up, respelt British or capitalised, in any
 * sentence, is found where it was put; the same rendering with one word replaced by another word is
 * never found.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { EnglishText } from '../../src/core/annotate/termMatch';
import type { GlossaryEntry } from '../../src/core/glossary/entry';
import { ROOT } from './fullLexicon';

/** Plain renderings of the curated files: letters and spaces, no stem marker, not exact, 1–4 words. */
const renderings: string[] = readdirSync(join(ROOT, 'glossary'))
  .filter((f) => f.endsWith('.json') && !f.includes('schema'))
  .flatMap((f) => (JSON.parse(readFileSync(join(ROOT, 'glossary', f), 'utf8')).entries as GlossaryEntry[]) ?? [])
  .flatMap((e) => e.en.filter((r) => !e.exact?.includes(r)))
  .filter((r) => /^[a-z]+( [a-z]+){0,3}$/.test(r) && r.split(' ').every((w) => w.length >= 3));

const FILLER = ['quarterly', 'ledger', 'orange', 'vivid', 'harbor', 'tablet', 'yesterday', 'seven', 'quietly'];
/**
 * Renderings that share no word with the filler: the glossary renders 季度 "quarterly", and in
 * "quarterly Quarterly." the first "quarterly" is the one found, rightly.
 */
const tried = renderings.filter((r) => !r.split(' ').some((w) => FILLER.includes(w)));

type Change = 'plural' | 'hyphen' | 'closed' | 'british' | 'capital' | 'none';

function changed(r: string, change: Change): string {
  const words = r.split(' ');
  switch (change) {
    case 'plural': {
      const last = words.at(-1)!;
      if (/(s|x|z|ch|sh)$/.test(last)) return r;
      words[words.length - 1] = /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : `${last}s`;
      return words.join(' ');
    }
    case 'hyphen':
      return words.join('-');
    case 'closed':
      return words.length > 1 ? `${words[0]}${words[1]} ${words.slice(2).join(' ')}`.trim() : r;
    case 'british':
      // Whole words only: "centreless" and "colourimeter" are not British usage.
      return r
        .replace(/\baluminum\b/g, 'aluminium')
        .replace(/\bmold/g, 'mould')
        .replace(/([a-z]{3})ization\b/g, '$1isation')
        .replace(/([a-z]{3})ize(s|d)?\b/g, '$1ise$2')
        .replace(/\bcenter(s)?\b/g, 'centre$1')
        .replace(/\bcolor(s)?\b/g, 'colour$1');
    case 'capital':
      return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
    default:
      return r;
  }
}

const sentence = fc.tuple(
  fc.array(fc.constantFrom(...FILLER), { maxLength: 4 }),
  fc.array(fc.constantFrom(...FILLER), { maxLength: 4 }),
);

test('the curated glossaries give enough plain renderings to try', () => {
  assert.ok(renderings.length > 1000, `${renderings.length}`);
});

test('any approved rendering, pluralised, hyphenated, closed, respelt or capitalised, is found where it is', () => {
  const changes: Change[] = ['plural', 'hyphen', 'closed', 'british', 'capital', 'none'];
  fc.assert(
    fc.property(
      fc.constantFrom(...tried),
      fc.subarray(changes, { minLength: 1, maxLength: 2 }),
      sentence,
      (r, chosen, [before, after]) => {
        const written = chosen.reduce(changed, r);
        const head = before.length > 0 ? `${before.join(' ')} ` : '';
        const english = `${head}${written}${after.length > 0 ? ` ${after.join(' ')}` : ''}.`;
        const at = new EnglishText(english).find(r);
        assert.ok(at, `"${r}" in "${english}"`);
        assert.equal(english.slice(at.start, at.end), written, `"${r}" in "${english}"`);
      },
    ),
    { numRuns: 3000 },
  );
});

test('the rendering with one word replaced by a different word is never found', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...tried.filter((r) => r.includes(' '))),
      fc.nat(),
      fc.constantFrom(...FILLER),
      sentence,
      (r, k, other, [before, after]) => {
        const words = r.split(' ');
        const at = k % words.length;
        fc.pre(!words.includes(other));
        words[at] = other;
        const english = [...before, ...words, ...after].join(' ');
        assert.equal(new EnglishText(english).find(r), undefined, `"${r}" in "${english}"`);
      },
    ),
    { numRuns: 3000 },
  );
});
