/**
 * Key-term counts and consistency (annotate/termUse.ts) on lines of the QA corpus
 * (test/fixtures/qa/corpus.json, sources recorded there). The finder here is a plain
 * case-insensitive phrase search: these tests are of the counting, not of the English matcher.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inconsistencies, termUses, undercounted, type RenderingFinder } from '../../src/core/annotate/termUse';
import { checkAnnotation, checkConsistency } from '../../src/core/annotate/qa';
import { fullLexicon } from './fullLexicon';

const plain: RenderingFinder = (english, _entry, rendering) => {
  const out: { start: number; end: number }[] = [];
  const lower = english.toLowerCase();
  const r = rendering.toLowerCase();
  for (let at = lower.indexOf(r); at >= 0; at = lower.indexOf(r, at + 1)) out.push({ start: at, end: at + r.length });
  return out;
};

// chinascrap-8000t: 压铸机 three times in the Chinese
const ZH =
  '据报道,3月20日,特斯拉已经订购全球首台8000吨压铸机,该压铸机将是特斯拉生产Cybertruck电动皮卡的关键设备——用来铸造该车体的后端部分,这也是全球最大压铸机!';

test('a term the Chinese has three times and the English renders once is under-counted; twice or more is fine', () => {
  const once = termUses(
    ZH,
    'Tesla ordered the first 8,000-tonne die-casting machine, the largest in the world.',
    fullLexicon(),
    plain,
  );
  const machine = once.find((u) => u.term === '压铸机');
  assert.deepEqual([machine?.count, machine?.rendered, machine?.renderings], [3, 1, ['die-casting machine']]);
  // 特斯拉 is there twice, "Tesla" once: said once and then "it", as English does, so not reported
  // (this expected ['特斯拉', '压铸机'] before the fewer-than-half rule).
  assert.deepEqual(
    undercounted(once).map((u) => u.term),
    ['压铸机'],
  );
  const natural =
    "Tesla ordered the world's first 8,000-tonne die-casting machine; the die-casting machine is key to the Cybertruck, and the largest die-casting machine in the world.";
  assert.ok(!undercounted(termUses(ZH, natural, fullLexicon(), plain)).some((u) => u.term === '压铸机'));
  // A term not rendered at all is the missing-term check's, not a count problem.
  const unrendered = undercounted(termUses(ZH, 'Tesla ordered a press.', fullLexicon(), plain));
  assert.ok(!unrendered.some((u) => u.term === '压铸机'));
});

test('one term rendered two ways across a file: the annotations using the rarer rendering are reported', () => {
  const lexicon = fullLexicon();
  const lines: [number, string, string][] = [
    // qilemodel-20250825, huakong-20250801, chezhans-shanghai
    [2, '设备与模具投入:单台9000吨级压铸机价格高昂', 'a single 9,000-tonne die-casting machine is very expensive'],
    [
      4,
      '特斯拉Cybertruck:首创9000吨级压铸机生产Pickup货箱;',
      'Tesla Cybertruck: the first 9,000-tonne die-casting machine',
    ],
    [6, '这台压铸机重达410吨', 'The DCM weighs 410 tonnes'],
  ];
  const found = inconsistencies(lines.map(([key, zh, en]) => ({ key, uses: termUses(zh, en, lexicon, plain) })));
  const machine = found.find((f) => f.term === '压铸机');
  assert.ok(machine, JSON.stringify(found));
  assert.deepEqual(machine.renderings, [
    { rendering: 'die-casting machine', annotations: 2 },
    { rendering: 'DCM', annotations: 1 },
  ]);
  assert.deepEqual(machine.keys, [6]);
  // The same file rendered one way has no inconsistency.
  const one = lines.slice(0, 2).map(([key, zh, en]) => ({ key, uses: termUses(zh, en, lexicon, plain) }));
  assert.deepEqual(
    inconsistencies(one).filter((f) => f.term === '压铸机'),
    [],
  );
});

test('with the QA matcher: term-count and inconsistent-rendering are information, at the right annotations', () => {
  const lexicon = fullLexicon();
  const counted = checkAnnotation(
    ZH,
    'Tesla ordered the first 8,000-tonne die-casting machine, the biggest of all.',
    lexicon,
  );
  const count = counted.find((p) => p.code === 'term-count' && p.term === '压铸机');
  assert.equal(count?.severity, 'information');
  assert.equal(count?.message, '压铸机 occurs 3 times in the Chinese, its renderings 1 in the English');
  // Inflected forms count: "die-casting machines" is the QA matcher's "die-casting machine".
  const file = [
    {
      key: 'a',
      chinese: '设备与模具投入:单台9000吨级压铸机价格高昂',
      english: 'single 9,000-tonne die-casting machines',
    },
    { key: 'b', chinese: '首创9000吨级压铸机生产Pickup货箱', english: 'the first 9,000-tonne die-casting machine' },
    { key: 'c', chinese: '这台压铸机重达410吨', english: 'The DCM weighs 410 tonnes' },
  ];
  const found = checkConsistency(file, lexicon).filter((f) => f.problem.term === '压铸机');
  assert.deepEqual(
    found.map((f) => [f.key, f.problem.code, f.problem.severity, f.problem.message]),
    [
      [
        'c',
        'inconsistent-rendering',
        'information',
        '压铸机 is rendered differently in this file: "die-casting machine" (2), "DCM" (1)',
      ],
    ],
  );
});

test('key-term count: a repeated term said once, then by a pronoun, "ones" or its head noun, is no finding', () => {
  const lexicon = fullLexicon();
  const counts = (zh: string, en: string) =>
    checkAnnotation(zh, en, lexicon)
      .filter((p) => p.code === 'term-count')
      .map((p) => p.message);
  // QA corpus lines: autohome-gigacasting (2 → 1), qcdbkk-tariffs (2 → 1), ltn-machinery-export (4 → 2).
  assert.deepEqual(
    counts(
      '目前,特斯拉已经拥有9000吨级别的压铸机,但需要更大的压铸机才能满足需求。',
      'Tesla already has 9,000-tonne die-casting machines, but it needs even bigger ones to meet demand.',
    ),
    [],
  );
  assert.deepEqual(
    counts(
      '电动汽车关税从25%跃升至100%,锂电池关税从7.5%提高到25%,太阳能电池从25%增至50%。',
      'Tariffs on electric vehicles jumped from 25% to 100%, those on lithium batteries rose from 7.5% to 25%, ' +
        'and those on solar cells from 25% to 50%.',
    ),
    [],
  );
  const zh =
    '臺灣機械工業公會說，依據海關出口統計資料，今年1到9月台灣工具機總出口值達15億2158萬美元，較去年同期減少6.4%，' +
    '而中國大陸占總出口27.1%、排名第一位，較去年同期減少10.5%，美國排名第二占出口16.2%，較去年同期減少1.2%。';
  const en =
    "The Taiwan Association of Machinery Industry said that, according to customs export statistics, Taiwan's " +
    'machine tool exports from January to September this year totalled US$1.522 billion, down 6.4% on the same ' +
    'period last year; mainland China took 27.1% of the total and ranked first, down 10.5% on the same period ' +
    'last year, while the United States ranked second with 16.2%, down 1.2%.';
  assert.ok(!counts(zh, en).some((m) => m.startsWith('出口')), counts(zh, en).join('; '));
  // Fewer than half: 出口 four times, "export" once.
  const once = en.replace('machine tool exports', 'machine tool sales');
  assert.deepEqual(
    counts(zh, once).filter((m) => m.startsWith('出口')),
    ['出口 occurs 4 times in the Chinese, its renderings 1 in the English'],
  );
});
