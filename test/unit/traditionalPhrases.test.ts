/**
 * Display conversion goes phrase by phrase (OpenCC s2tw), read in context, and curated entries'
 * own traditional forms come first: 签 is 簽 in 已签合同 and 草签, not the character table's 籤.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import fc from 'fast-check';
import PACKED from 'hanzi-gloss:opencc-s2tw';
import { cedictFormat } from '../../src/core/glossary/formats/cedictLines';
import { jsonFormat } from '../../src/core/glossary/formats/json';
import { parseGlossaryJson } from '../../src/core/glossary/jsonGlossary';
import { decodePhraseTable, encodePhraseTable, packS2tw, unpackS2tw } from '../../src/core/text/phraseTable';
import { describePosition } from '../../src/core/document/scan';
import { buildS2tw, foldToSimplified, s2twConverter, toTraditional, traditionalIn } from '../../src/core/text/script';
import { traditionalProblem } from '../../src/core/text/script';
import { openccS2twTables } from '../../src/tools/openccS2twTables';
import { fixture, fullLexicon } from './fullLexicon';

interface Check {
  readonly source: string;
  readonly simplified: string;
  readonly start: number;
  readonly expected: string;
}

/** The fixture's bracketed words, each with the simplified line it stands in and its source. */
function fixtureChecks(): Check[] {
  const checks: Check[] = [];
  let source = '';
  for (const raw of fixture('traditional-phrases.txt').split('\n')) {
    if (raw.startsWith('# source: ')) source = raw.slice('# source: '.length);
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    assert.ok(source, `a line before any "# source:": ${raw}`);
    const plain = raw.replace(/[[\]]/g, '');
    const simplified = foldToSimplified(plain) ?? plain;
    let removed = 0;
    for (const m of raw.matchAll(/\[([^\]]+)\]/g)) {
      checks.push({ source, simplified, start: (m.index ?? 0) - removed, expected: m[1] });
      removed += 2;
    }
  }
  return checks;
}

test('the fixture covers every character whose traditional form depends on the word', () => {
  const checks = fixtureChecks();
  const words = checks.map((c) => c.expected).join('');
  for (const c of '簽發髮後麵面乾幹颱臺隻只係繫系裡復複') assert.ok(words.includes(c), `no checked word has ${c}`);
  assert.ok(new Set(checks.map((c) => c.source)).size >= 10);
});

test('real sentences: each bracketed word gets its traditional form read in its sentence', () => {
  const wrong = fixtureChecks()
    .map((c) => ({ ...c, got: traditionalIn(c.simplified, c.start, c.start + c.expected.length) }))
    .filter((c) => c.got !== c.expected)
    .map((c) => `${c.simplified} [${c.expected}] got ${c.got} (${c.source})`);
  assert.deepEqual(wrong, []);
});

test('the character table alone gets these words wrong, so the fixture tests the phrases', () => {
  const characters = OpenCC.ConverterFactory([openccS2twTables().stCharacters]);
  const word = (c: Check) => c.simplified.slice(c.start, c.start + c.expected.length);
  const differ = fixtureChecks().filter((c) => characters(word(c)) !== c.expected);
  // 頭髮, 以後, 麵, 乾淨, 颱風, 隻, 係, 繫, 裡, 複雜, 簽約 …
  assert.ok(differ.length >= 15, `${differ.length} words differ`);
});

test('the hover shows 簽 for 签 in 已签合同 and 草签, and the text’s own form for traditional text', () => {
  const lexicon = fullLexicon();
  const signed = describePosition('双方已签合同，明年交付', 3, lexicon);
  assert.deepEqual([signed?.text, signed?.traditional], ['已签合同', '已簽合同']);
  const initialled = describePosition('上周草签了框架协议', 2, lexicon);
  assert.deepEqual([initialled?.text, initialled?.traditional], ['草签', '草簽']);
  // A measure word after a number: no entry fixes it, the Taiwan standard says 臺.
  const units = describePosition('年产压铸机超过5000台', '年产压铸机超过5000台'.indexOf('台'), lexicon);
  assert.deepEqual([units?.text, units?.traditional], ['5000台', '5000臺']);
  // Text written in traditional shows itself, even where conversion would say otherwise.
  const own = describePosition('雙方已簽合同', 3, lexicon);
  assert.deepEqual([own?.simplified, own?.traditional], ['已签合同', '已簽合同']);
  const taiwan = describePosition('台灣的颱風', 0, lexicon);
  assert.deepEqual([taiwan?.simplified, taiwan?.traditional], ['台湾', '台灣']);
});

test('curated entries whose phrase conversion is wrong carry their own traditional form', () => {
  const lexicon = fullLexicon();
  const own = (zh: string) => lexicon.lookup(zh).find((e) => e.source.layer === 'curated')?.traditional;
  assert.equal(toTraditional('已签合同'), '已籤合同');
  assert.equal(own('已签合同'), '已簽合同');
  assert.equal(toTraditional('缩松'), '縮松');
  assert.equal(own('缩松'), '縮鬆');
  // Right by conversion: no field needed.
  assert.equal(toTraditional('草签'), '草簽');
  assert.equal(own('草签'), undefined);
});

test('"traditional" is checked against "zh": same length, each character the same or its traditional form', () => {
  assert.equal(traditionalProblem('已签合同', '已簽合同'), undefined);
  assert.equal(traditionalProblem('里面', '裡面'), undefined);
  assert.equal(traditionalProblem('著名', '著名'), undefined);
  assert.equal(traditionalProblem('极氪009', '極氪009'), undefined);
  assert.match(traditionalProblem('签约', '簽約書') ?? '', /as many characters/);
  assert.match(traditionalProblem('签约', '簽定') ?? '', /定 is not a traditional form of 约/);
  const text = '{"entries": [\n{"id": "a", "zh": "签约", "traditional": "簽訂", "en": ["sign"]}]}';
  const { glossary, problems } = parseGlossaryJson(text, 'g.json');
  assert.deepEqual(
    problems.map((p) => p.message),
    ['g.json:2:40 "traditional" has 訂 where "zh" has 约: 訂 is not a traditional form of 约'],
  );
  assert.equal(glossary.entries.length, 0);
});

test('"traditional" is read from JSON glossaries, kept by the JSON format and used by CC-CEDICT lines', () => {
  const text = '{"entries": [{"id": "a", "zh": "已签合同", "traditional": "已簽合同", "en": ["signed contract"]}]}';
  for (const trusted of [false, true]) {
    assert.equal(parseGlossaryJson(text, 'g.json', { trusted }).glossary.entries[0].traditional, '已簽合同');
  }
  const glossary = parseGlossaryJson(text, 'g.json').glossary;
  assert.equal(jsonFormat.parse(jsonFormat.serialize(glossary), 'x.json').glossary.entries[0].traditional, '已簽合同');
  const entries = [{ id: 'b', zh: '草签', pinyin: 'cǎo qiān', en: ['initial'] }];
  const lines = cedictFormat.serialize({ name: 'g', entries });
  assert.equal(lines, '草簽 草签 [cao3 qian1] /initial/\n');
});

test('the packed phrase table decodes to exactly opencc-js’s, and the shipped one is current', () => {
  const tables = openccS2twTables();
  const encoded = encodePhraseTable(tables.stPhrases, tables.stCharacters);
  assert.equal(decodePhraseTable(encoded, tables.stCharacters), tables.stPhrases);
  assert.equal(PACKED, packS2tw(tables));
  // Smaller by half: the vendor file fits the extension's size budget.
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  const ratio = bytes(PACKED) / bytes(Object.values(tables).join(''));
  assert.ok(ratio < 0.55, `packed to ${ratio.toFixed(2)} of the tables`);
});

test('the converter over the packed tables is opencc-js’s own cn → tw converter', () => {
  const reference = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const ours = s2twConverter(unpackS2tw(PACKED));
  for (const name of ['diecasting-orders.txt', 'forum-thread.txt', 'traditional-phrases.txt']) {
    const text = foldToSimplified(fixture(name)) ?? fixture(name);
    assert.equal(ours(text), reference(text), name);
  }
  assert.equal(toTraditional('我的头发很长，后来剪了'), reference('我的头发很长，后来剪了'));
});

test('property: on phrase-rich random text the converter is opencc-js’s own cn → tw converter', () => {
  const reference = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const ours = s2twConverter(unpackS2tw(PACKED));
  // Pieces of phrases that overlap (签约 / 约定, 头发 / 发展 …), characters alone, description
  // sequences, compatibility ideographs, Taiwan-variant phrases, non-BMP characters and ASCII.
  const piece = fc.constantFrom(
    ...[
      '签',
      '约',
      '定',
      '头',
      '发',
      '展',
      '理',
      '面',
      '条',
      '干',
      '部',
      '净',
      '台',
      '风',
      '只',
      '系',
      '统',
      '里',
      '复',
      '杂',
      '后',
      '来',
    ],
    ...[
      '签约',
      '约定',
      '头发',
      '发展',
      '方便面',
      '干部',
      '台风',
      '一只',
      '关系',
      '这里',
      '复杂',
      '以后',
      '皇后',
      '喫茶小舖',
    ],
    ...['⿰氵发', '⿲木木木', '⿱', '\uF900', '\uFA0C', '𠀀', '𫟼', 'a', '1', ' ', '，'],
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      const text = pieces.join('');
      assert.equal(ours(text), reference(text));
    }),
    { numRuns: 10_000 },
  );
});

test('built a step at a time (as the extension warms it in time slices), the converter is the same', () => {
  const build = buildS2tw(unpackS2tw(PACKED));
  let steps = 0;
  let step = build.next();
  for (; !step.done; step = build.next()) steps++;
  // Tens of thousands of words over many steps: no single step holds the thread for the whole build.
  assert.ok(steps > 30, `${steps} steps`);
  const whole = s2twConverter(unpackS2tw(PACKED));
  const text = foldToSimplified(fixture('traditional-phrases.txt')) ?? fixture('traditional-phrases.txt');
  assert.equal(step.value(text), whole(text));
});
