/**
 * Organisation names no glossary lists (issue 13 item 4), on real sentences
 * (test/fixtures/names/real-names.json, each source recorded there): each expected name comes out
 * of the reading as one unit, no dictionary or glossary word that should win is swallowed, generic
 * phrases (本公司, 子公司, 发行股份) are never names; then every reader shows the unit alike.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, fullLexicon } from './fullLexicon';
import { describePosition, scanText } from '../../src/core/document/scan';
import { renderHoverMarkdown } from '../../src/core/document/hoverMarkdown';
import { listTerms } from '../../src/core/document/termList';
import { bilingualMarkdown } from '../../src/core/document/bilingual';
import { draftEnglish } from '../../src/core/annotate/draft';
import { checkAnnotation } from '../../src/core/annotate/qa';
import { toScanJson } from '../../src/cli/format';
import { ENGLISH_LABELS } from '../shared/hoverLabels';

interface Sentence {
  source: string;
  text: string;
  names: string[];
  keep?: string[];
  notNames: string[];
}
const data = JSON.parse(fixture('names/real-names.json')) as {
  sources: { id: string; url: string; title: string; date: string }[];
  sentences: Sentence[];
};

const namesOf = (text: string) =>
  fullLexicon()
    .matchRange(text, 0, text.length)
    .toArray()
    .filter((m) => m.unlisted !== undefined);

test('the fixture: at least 20 sentences with names, every source recorded, a third in traditional characters', () => {
  const ids = new Set(data.sources.map((s) => s.id));
  for (const s of data.sources) assert.ok(s.url && s.title && s.date, `source ${s.id} has url, title and date`);
  for (const s of data.sentences) assert.ok(ids.has(s.source), `sentence's source ${s.source} is recorded`);
  assert.ok(data.sentences.filter((s) => s.names.length > 0).length >= 20);
  const traditional = data.sources.filter((s) => (s as { script?: string }).script === 'traditional').length;
  assert.ok(traditional * 3 >= data.sources.length, `${traditional} of ${data.sources.length} sources traditional`);
});

test('expected names come out as one unit: precision and recall on the real sentences', () => {
  let expected = 0;
  let found = 0;
  let right = 0;
  const misses: string[] = [];
  for (const s of data.sentences) {
    const got = namesOf(s.text).map((m) => m.text);
    const want = [...s.names];
    expected += want.length;
    found += got.length;
    for (const g of got) {
      const k = want.indexOf(g);
      if (k >= 0) {
        right++;
        want.splice(k, 1);
      } else misses.push(`wrong: ${g}`);
    }
    misses.push(...want.map((w) => `missed: ${w}`));
  }
  const precision = right / found;
  const recall = right / expected;
  console.log(
    `unlisted names: precision ${right}/${found} = ${(100 * precision).toFixed(1)} %, ` +
      `recall ${right}/${expected} = ${(100 * recall).toFixed(1)} %; ${misses.join('; ')}`,
  );
  assert.ok(precision >= 0.95, `precision ${precision}`);
  assert.ok(recall >= 0.9, `recall ${recall}`);
});

test('dictionary and glossary words win, generic phrases are never names', () => {
  for (const s of data.sentences) {
    const names = namesOf(s.text);
    const words = fullLexicon().matchRange(s.text, 0, s.text.length).toArray();
    for (const phrase of s.notNames) {
      for (let at = s.text.indexOf(phrase); at >= 0; at = s.text.indexOf(phrase, at + 1)) {
        const inside = names.find((m) => m.start < at + phrase.length && at < m.end);
        assert.equal(inside?.text, undefined, `${phrase} in ${s.text}`);
      }
    }
    for (const word of s.keep ?? []) {
      const m = words.find((w) => w.text === word);
      assert.ok(m && !m.unlisted && m.entries.length > 0, `${word} is read whole as a known word in ${s.text}`);
    }
  }
});

test('a name never reaches over another organisation or into a word holding its suffix', () => {
  // Found by the property test: 电气研究所华中科技大学 was one "name" (its 科技 the start of 华中科技大学).
  const text = '永文灿电气研究所华中科技大学';
  assert.deepEqual(
    namesOf(text).map((m) => m.text),
    [],
  );
  assert.ok(
    fullLexicon()
      .matchRange(text, 0, text.length)
      .toArray()
      .some((m) => m.text === '华中科技大学'),
  );
});

test('generic phrases and words ending in a suffix stay what they are', () => {
  for (const text of ['本公司董事会', '该公司', '汽车公司', '科技大学', '母公司股东', '子公司', '买汽车', '压铸件']) {
    assert.deepEqual(
      namesOf(text).map((m) => m.text),
      [],
      text,
    );
  }
});

test('a verb the dictionary lists is no trade name before a short form (意识到汽车, held-out-3)', () => {
  // test/fixtures/reading/held-out-3.json: 意识到 "to realize" has no jieba count, which read as a rarity.
  const text = '但我们必须意识到汽车的生产是有限的,不断地做技术升级';
  assert.deepEqual(
    namesOf(text).map((m) => m.text),
    [],
  );
  assert.ok(scanText(text, fullLexicon()).matches.some((m) => m.text === '意识到'));
});

const LINE = '項目由湖北雄汽汽車零部件有限公司投資建設';
const NAME = '湖北雄汽汽車零部件有限公司';

test('the hover shows the run as one unit: its pinyin, the message, what its words suggest, no pieces', () => {
  const info = describePosition(LINE, LINE.indexOf('雄'), fullLexicon())!;
  assert.equal(info.text, NAME);
  assert.equal(info.unlisted?.name, '湖北雄汽');
  const md = renderHoverMarkdown(info, ENGLISH_LABELS);
  assert.match(
    md,
    /^\*\*湖北雄汽汽车零部件有限公司\*\* 湖北雄汽汽車零部件有限公司 — hú běi xióng qì qì \S+ líng bù jiàn yǒu xiàn gōng sī\n/,
  );
  assert.match(md, /_Not in the glossary — look up its official English name_/);
  assert.match(md, /Looks like an organisation name\\: … Automotive Parts Co\\\.\\, Ltd\\\./);
  assert.doesNotMatch(md, /No glossary entry|Also/);
});

test('scan --json, the term list and the bilingual export carry the unit', () => {
  const lexicon = fullLexicon();
  const json = toScanJson(scanText(LINE, lexicon));
  const match = json.matches.find((m) => m.text === NAME);
  assert.deepEqual(match?.entries, []);
  assert.deepEqual(match?.unlisted, { name: '湖北雄汽', kind: 'Automotive Parts Co., Ltd.' });
  assert.deepEqual(Object.keys(match!), ['start', 'end', 'text', 'pinyin', 'entries', 'unlisted']);
  const term = listTerms(LINE, lexicon).find((t) => t.text === NAME);
  assert.equal(term?.unlisted?.kind, 'Automotive Parts Co., Ltd.');
  const md = bilingualMarkdown('t', `${LINE}\nEN: x\n`, 'EN: ', lexicon);
  assert.match(md, /\| 湖北雄汽汽車零部件有限公司 \| .* \| not in the glossary — look up its official English name/);
});

test('a draft keeps the name as pinyin in brackets, and QA finds nothing missing in it', () => {
  const lexicon = fullLexicon();
  const draft = draftEnglish(LINE, lexicon);
  assert.match(draft.text, /\[Hubei Xiongqi\] Automotive Parts/);
  const at = draft.text.indexOf('[Hubei');
  assert.ok(draft.spans.some((s) => s.kind === 'review' && s.start === at));
  // The name's pieces (零部件 "parts and components", a curated term) are no terms of their own.
  const problems = checkAnnotation(LINE, draft.text, lexicon);
  assert.deepEqual(
    problems.filter((p) => p.code === 'untranslated' || (p.term !== undefined && NAME.includes(p.term))),
    [],
  );
  assert.equal(draftEnglish('收购厦芝精密51%股权', lexicon).text.includes('[Shazhi] Precision'), true);
});

test('the name finder answers alike however its lexicon was used before (its own-key lengths kept per range)', () => {
  const shared = fullLexicon();
  // A lexicon of the same layers that has read nothing: what the kept lengths must agree with.
  const fresh = () => shared.withLayers(() => true);
  const sentences = data.sentences.map((s) => s.text);
  let runs = 0;
  for (const order of [sentences, [...sentences].reverse()]) {
    for (const text of order) {
      // Whole, and cut inside it, so that a length kept for one bound is asked with another.
      for (const [start, end] of [
        [0, text.length],
        [0, Math.floor(text.length / 2)],
        [3, text.length - 1],
      ]) {
        const found = shared.unlistedRuns(text, start, end);
        assert.deepEqual(found, fresh().unlistedRuns(text, start, end), `${JSON.stringify(text)} [${start}, ${end})`);
        runs += found.length;
      }
    }
  }
  assert.ok(runs > 20, `${runs} names found`);
});
