/**
 * Key-term counts and consistency (annotate/termUse.ts) on lines of the QA corpus
 * (test/fixtures/qa/corpus.json, sources recorded there). The finder here is a plain
 * case-insensitive phrase search: these tests are of the counting, not of the English matcher.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inconsistencies, termUses, undercounted, type RenderingFinder } from '../../src/core/annotate/termUse';
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
  // 特斯拉 is there three times too, "Tesla" once.
  assert.deepEqual(
    undercounted(once).map((u) => u.term),
    ['特斯拉', '压铸机'],
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
