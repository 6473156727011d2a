/**
 * CC-CEDICT's display order and the drafts on real sentences (test/fixtures/senses/sentences.txt,
 * news, trade and government text from the mainland, Taiwan and Hong Kong, sources recorded there):
 * no word's first sense is a redirect, a dictionary note or a name where a common entry exists, and
 * no draft carries redirect text, grammar markers or dictionary notes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftEnglish } from '../../src/core/annotate/draft';
import { renderHoverMarkdown } from '../../src/core/document/hoverMarkdown';
import { describePosition, scanText } from '../../src/core/document/scan';
import { isGlossaryEntry } from '../../src/core/glossary/entry';
import { isNoteSense, parseRedirect } from '../../src/core/lexicon/cedictSenses';
import { ENGLISH_LABELS } from '../shared/hoverLabels';
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
// "see" only as a redirect writes it, before the word it points to: 看 "to see" is English.
const DRAFT_JUNK =
  /variant of|\bCL:|used in|\(Tw\)|abbr\. |\bsurname\b|\bsee (?:also )?\p{Script=Han}|also written|particle|marker|\[[a-z]+\d/iu;

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
    if (DRAFT_JUNK.test(draft)) bad.push(`${text}\n  → ${draft}`);
  }
  assert.deepEqual(bad, []);
});

const hoverAt = (line: string, word: string) => {
  const info = describePosition(line, line.indexOf(word), fullLexicon());
  assert.ok(info, `${word} in ${line}`);
  return renderHoverMarkdown(info, ENGLISH_LABELS, { scriptFirst: 'simplified', maxDictionaryEntries: 4 });
};
/** The first entry block's first line, unescaped. */
const firstLine = (markdown: string) => markdown.split('\n\n')[1].split('  \n')[0].replace(/\\(.)/g, '$1');

test('real sentences in the hover: 发布 and 發佈 show “to release” first; 向 and 个 their common senses; notes apart', () => {
  const c114 = sentence('c114', '发布视频');
  assert.equal(firstLine(hoverAt(c114, '发布')), 'to release · to issue · to announce · to distribute');
  assert.doesNotMatch(hoverAt(c114, '发布'), /variant of/);
  // Taiwan's form, written 發佈 (cnyes' 佈局 is its sibling): the target's senses, named.
  const variant = describePosition('禁令發佈前', 2, fullLexicon())!;
  assert.equal(variant.text, '發佈');
  assert.equal(
    firstLine(renderHoverMarkdown(variant, ENGLISH_LABELS)),
    '→ 发布 發布 _fā bù_: to release · to issue · to announce · to distribute',
  );
  const udn = sentence('udn', '向長年');
  assert.match(firstLine(hoverAt(udn, '向長年')), /^towards · to face/);
  const cns2 = sentence('cns2', '91個');
  assert.doesNotMatch(firstLine(hoverAt(cns2, '個整')), /used in|自個兒/);
  // A classifier note sits on its own small line under the senses.
  const phone = hoverAt(sentence('c114', '手机'), '手机');
  assert.match(phone.replace(/\\(.)/g, '$1'), /\ncell phone; mobile phone  \n_CL: 部 bù, 台 tái_  \n/);
});

test('real sentences in drafts: 研製出 is “developed”, 應用於 “applied to”, 发布 “to release”', () => {
  const lexicon = fullLexicon();
  const cri = sentence('cri', '研製出高集成');
  const draft = draftEnglish(cri, lexicon).text;
  assert.match(draft, /\bdeveloped high\b/);
  assert.match(draft, /\bapplied to\b/);
  assert.match(draftEnglish(sentence('c114', '发布视频'), lexicon).text, /\bto release \(\?\) video\b/);
  assert.equal(draftEnglish('用于压铸', lexicon).text, 'used for die casting');
});

/** The fixture sentence of `source` that contains `containing`. */
function sentence(source: string, containing: string): string {
  const found = sentences().sentences.find((s) => s.source === source && s.text.includes(containing));
  assert.ok(found, `${source}: ${containing}`);
  return found.text;
}
