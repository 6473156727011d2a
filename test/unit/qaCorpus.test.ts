/**
 * The terminology-QA corpus is well-formed (issue 14, item 6). Whether checkAnnotation meets the
 * targets on it (≤ 2 % false alarms, ≥ 98 % catches) is measured by npm run score:qa, not asserted
 * here: the matching is being rebuilt.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  injectionProblems,
  newQaCodes,
  qaCorpusCounts,
  qaCorpusProblems,
  QA_INJECTION_CODES,
  type QaCorpus,
} from '../shared/qaCorpus';
import { fixture, fullLexicon } from './fullLexicon';

const set = JSON.parse(fixture('qa/corpus.json')) as QaCorpus;

test('the QA corpus is sound: sources listed and used, English without Chinese, one known injected code each', () => {
  assert.deepEqual(qaCorpusProblems(set), []);
});

test('the QA corpus is big enough: ≥ 80 lines, ≥ a third from traditional sources, ≥ 10 injections per code', () => {
  const counts = qaCorpusCounts(set);
  assert.ok(counts.lines >= 80, `${counts.lines} lines`);
  assert.ok(counts.traditional * 3 >= counts.lines, `${counts.traditional} of ${counts.lines} traditional`);
  for (const code of QA_INJECTION_CODES) assert.ok((counts.byCode[code] ?? 0) >= 10, `${code}: ${counts.byCode[code]}`);
});

test('the codes the corpus labels are those checkAnnotation raises, but for the one new code, extra-number', () => {
  assert.deepEqual(
    newQaCodes().filter((c) => c !== 'extra-number'),
    [],
  );
});

test('every injected variant holds the error its code names', () => {
  assert.deepEqual(injectionProblems(set, fullLexicon()), []);
});

test('the checks see an unlisted source, Chinese in the English, an unknown code and an unchanged variant', () => {
  const source = {
    id: 'a',
    url: 'https://example.org/a',
    title: 't',
    publisher: 'p',
    date: 'n.d.',
    script: 'simplified',
  };
  const broken = {
    description: 'x',
    sources: [source, { ...source, id: 'b' }],
    lines: [
      { source: 'a', zh: '压铸机', en: 'a 压铸机', injected: { code: 'missing-term', en: 'a machine' } },
      { source: 'c', zh: '两台', en: 'two units', injected: { code: 'typo', en: 'two units' } },
      { source: 'a', zh: '模具', en: 'die', injected: { code: 'untranslated', en: 'mould' } },
    ],
  };
  assert.deepEqual(qaCorpusProblems(broken), [
    'lines[0]: en has Chinese left in',
    'lines[1]: source "c" not listed',
    `lines[1]: injected code "typo" is not one of ${QA_INJECTION_CODES.join(', ')}`,
    'lines[1]: injected en is the same as en',
    'lines[2]: untranslated, but no Chinese in it',
    'source b: no line uses it',
  ]);
  assert.deepEqual(qaCorpusProblems(null), ['the corpus is not a JSON object']);
});

test('the injection check sees a variant that does not hold its error', () => {
  const line = (zh: string, en: string, code: string, bad: string) => ({
    source: 'a',
    zh,
    en,
    injected: { code, en: bad },
  });
  const corpus = {
    description: 'x',
    sources: [],
    lines: [
      line('9000吨压铸机', 'a 9,000-tonne die-casting machine', 'number-mismatch', 'a 9,000-tonne press'),
      line('两台压铸机', 'two die-casting machines', 'extra-number', 'three die-casting machines'),
      line('试模', 'die trial', 'forbidden-term', 'die trials'),
      line('压铸机', 'a die-casting machine', 'missing-term', 'a Die Casting Machine'),
      line('试模', 'die trial', 'forbidden-term', 'test model'),
    ],
  };
  assert.deepEqual(injectionProblems(corpus, fullLexicon()), [
    'lines[0] (number-mismatch): no number changed (9000 → 9000)',
    'lines[1] (extra-number): no number added (2 → 3)',
    "lines[2] (forbidden-term): no forbidden rendering of the line's terms added",
    "lines[3] (missing-term): no approved rendering of the line's terms dropped",
  ]);
});
