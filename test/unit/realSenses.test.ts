/**
 * CC-CEDICT's display order and the drafts on real sentences (test/fixtures/senses/sentences.txt,
 * news, trade and government text from the mainland, Taiwan and Hong Kong, sources recorded there):
 * no word's first sense is a redirect, a dictionary note or a name where a common entry exists, and
 * no draft carries redirect text, grammar markers or dictionary notes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftEnglish } from '../../src/core/annotate/draft';
import { scanText } from '../../src/core/document/scan';
import { isGlossaryEntry } from '../../src/core/glossary/entry';
import { isNoteSense, parseRedirect } from '../../src/core/lexicon/cedictSenses';
import { fixture, fullLexicon } from './fullLexicon';

interface Sentence {
  readonly source: string;
  readonly text: string;
}

function sentences(): { sources: Map<string, string>; sentences: Sentence[] } {
  const sources = new Map<string, string>();
  const out: Sentence[] = [];
  fixture('senses/sentences.txt')
    .split('\n')
    .forEach((line, n) => {
      if (line.startsWith('#') || line.trim() === '') return;
      if (line.startsWith('@ ')) {
        const [id, url, title, date] = line.slice(2).split(' | ');
        assert.ok(id && url && title && date, `sentences.txt:${n + 1}: a source needs id | url | title | date`);
        sources.set(id, url);
        return;
      }
      const [source, text] = line.split('\t');
      assert.ok(sources.has(source) && text, `sentences.txt:${n + 1}: unknown source or no sentence`);
      out.push({ source, text });
    });
  return { sources, sentences: out };
}

/** What a draft must never say: dictionary pointers, notes and grammar labels. */
const DRAFT_JUNK = /variant of|\bCL:|used in|\(Tw\)|abbr\. |\bsurname\b|\bsee\b|also written|particle|marker|\[[a-z]+\d/i;

test('the real-text set: at least 15 sentences from at least 10 sources, a third of them Taiwan or Hong Kong', () => {
  const { sources, sentences: all } = sentences();
  assert.ok(all.length >= 15, `${all.length} sentences`);
  assert.ok(new Set(all.map((s) => s.source)).size >= 10);
  const traditional = all.filter((s) => /[們這個發會說經過國與當產華東對]/.test(s.text)).length;
  assert.ok(traditional * 3 >= all.length, `${traditional} of ${all.length} in traditional characters`);
  assert.ok(sources.size >= 10);
});

test('real sentences: no dictionary word shows a redirect, a note or a name first where a plain sense exists', () => {
  const lexicon = fullLexicon();
  const bad: string[] = [];
  let words = 0;
  for (const { text } of sentences().sentences) {
    for (const m of scanText(text, lexicon).matches) {
      const dictionary = m.entries.filter((e) => !isGlossaryEntry(e));
      if (dictionary.length === 0 || dictionary.length < m.entries.length) continue;
      words++;
      const first = dictionary[0];
      const plainExists = dictionary.some((e) => !e.redirect && e.en.some((s) => !isNoteSense(s)));
      if (!plainExists) continue;
      if (first.redirect || parseRedirect(first.en[0]) || isNoteSense(first.en[0])) {
        bad.push(`${m.text}: ${first.en[0]}`);
      }
    }
  }
  assert.ok(words > 200, `${words} dictionary words read`);
  assert.deepEqual(bad, []);
});

test('real sentences: drafts carry no redirect text, grammar markers or dictionary notes', () => {
  const lexicon = fullLexicon();
  const bad: string[] = [];
  for (const { text } of sentences().sentences) {
    const draft = draftEnglish(text, lexicon).text;
    console.log(draft);
    if (DRAFT_JUNK.test(draft)) bad.push(`${text}\n  → ${draft}`);
  }
  assert.deepEqual(bad, []);
});
