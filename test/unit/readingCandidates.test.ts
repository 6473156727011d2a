/**
 * The candidates issue 12's accuracy work adds to the reading, each on its own: number words with
 * the reader's units (reading/numbers.ts), personal names (reading/names.ts), words of jieba's
 * dictionary that CC-CEDICT lacks (lexicon/cedictAsset.ts) with their composed entries
 * (lexicon/compose.ts), and CC-CEDICT's Taiwan tag and construction senses (lexicon/cedictSenses.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberPhrases } from '../../src/core/reading/numbers';
import { isNameAt, personalNameAt } from '../../src/core/reading/names';
import { parseCedictLine, type CedictLine } from '../../src/core/glossary/cedictLine';
import {
  COMPOUND_PENALTY,
  encodeCedictAsset,
  loadCedictLayer,
  CEDICT_SOURCE,
} from '../../src/core/lexicon/cedictAsset';
import { displayDictionary } from '../../src/core/lexicon/cedictSenses';
import { composedEntry } from '../../src/core/lexicon/compose';
import { Lexicon } from '../../src/core/lexicon/lexicon';
import { describePosition, scanText } from '../../src/core/document/scan';
import { simplifiedFoldTable } from '../../src/core/text/script';
import { fullLexicon } from './fullLexicon';

const phrases = (text: string) => {
  const p = numberPhrases(text, 0, text.length);
  const out: string[] = [];
  for (let k = 0; k < p.length; k += 2) out.push(text.slice(p[k], p[k + 1]));
  return out;
};
const read = (text: string, lexicon = fullLexicon()) =>
  lexicon
    .segmentRange(text, 0, text.length)
    .map((s) => text.slice(s.start, s.end) + (s.made ? `<${s.made}>` : s.word ? '' : '°'))
    .join('|');

test('number words: ordinals with their unit, numbers with the reader’s units; 十分 and 一体化 hold none', () => {
  assert.deepEqual(phrases('第三代芯片采用7纳米，园区40周年，每月20万片'), ['第三代', '7纳米', '40周年', '20万片']);
  assert.deepEqual(phrases('十分重要'), [], '十分 is "very"');
  assert.deepEqual(phrases('一体化'), []);
  assert.deepEqual(phrases('两轮'), ['两轮']);
  // Currencies stay words of their own after the number.
  assert.deepEqual(phrases('3亿美元'), ['3亿']);
  assert.equal(read('第三代芯片'), '第三代<number>|芯片');
  // A glossary unit inside the phrase (the curated 纳米) leaves it one word.
  assert.equal(read('7纳米制程'), '7纳米<number>|制程');
  // A word that holds the phrase whole is still read (极氪009), and 5 is no word inside 5G.
  assert.ok(!read('5G手机').includes('<number>'), read('5G手机'));
});

test('a number word’s entry: each number as read, each unit with its first senses, and a note', () => {
  const info = describePosition('采用第三代技术', 3, fullLexicon());
  assert.equal(info?.text, '第三代');
  const e = info!.entries[0];
  assert.equal(e.composed, 'number');
  assert.match(e.en[0], /^3rd 代 \(/);
  assert.match(e.note ?? '', /number with its unit/);
});

test('personal names: a common surname and two given-name characters, where no word starts at the surname', () => {
  const at = (s: string) => (k: number) => s.charCodeAt(k);
  assert.equal(isNameAt(at('张忠谋'), 0, 3), true);
  assert.equal(isNameAt(at('张忠'), 0, 2), false, 'too short');
  assert.equal(isNameAt(at('张的人'), 0, 3), false, 'a function character is no given name');
  assert.equal(isNameAt(at('这忠谋'), 0, 3), false, 'not a surname');
  assert.equal(read('张忠谋表示'), '张忠谋<name>|表示');
  assert.equal(read('王雪紅指出'), '王雪紅<name>|指出', 'traditional text through the fold');
  assert.ok(!read('陈列室').includes('<name>'), '陈列 is a word starting at the surname');
  assert.ok(!read('周期的').includes('<name>'));
  const e = describePosition('张忠谋表示', 1, fullLexicon())!.entries[0];
  assert.equal(e.composed, 'name');
  assert.equal(e.en[0], 'Zhang (personal name)');
});

test('a name after a title or before a verb of saying is weighed whatever starts at the surname', () => {
  // Real sentences: held-out-2.json (CNS on Hong Kong's Chief Executive; UDN on solar), real-text.json
  // (a Taichung machine-tool maker's chairman), held-out-3.json (a metal-working supplier's chairman).
  const names = (text: string) =>
    scanText(text, fullLexicon()).matches.filter((m) => m.entries[0]?.composed === 'name');
  const found = (text: string, name: string) =>
    assert.ok(
      names(text).some((m) => m.text === name),
      name,
    );
  found('香港特區行政長官李家超13日表示', '李家超'); // 李家 "the Li family" starts at the surname
  found('台中精機董事長黃明和坦言', '黃明和'); // 明和 a word, 和 no given name elsewhere
  found('州巧董事長李樹裔今天表示', '李樹裔');
  found('張為策說，美國總統川普雖然偏好傳統能源', '張為策'); // before 說
  found('由上銀科技董事長卓文恒擔任', '卓文恒'); // 卓, a surname only after a title
  const at = (s: string) => (k: number) => s.charCodeAt(k);
  assert.equal(personalNameAt(at('特首李家超'), 2, 0, 5, true), true);
  assert.equal(personalNameAt(at('今天李家超'), 2, 0, 5, true), false, 'no title before, no saying after');
  assert.equal(personalNameAt(at('张文恒表示'), 0, 0, 5, false), true, 'before 表示');
  assert.equal(personalNameAt(at('卓文恒表示'), 0, 0, 5, false), false, '卓 is a surname only after a title');
  // Found by a reviewer on real-text.json's 上汽集团董事长陈虹等业内代表: the name is 陈虹, 等 "etc." is not in it.
  assert.equal(names('上汽集团董事长陈虹等业内代表').length, 0);
  for (const text of ['蔚来董事长李斌说', '董事局主席张勇在', '李想也表示', '不少车主们表示', '董事长刘军对此']) {
    assert.ok(!names(text).some((m) => m.text.length === 3), text);
  }
  // The costs still choose: 部长高度评价 is 高度 | 评价, not a name 高度评.
  assert.equal(names('部长高度评价这项合作').length, 0);
});

const line = (raw: string): CedictLine => parseCedictLine(raw)!;
const LINES = [
  line('紅 红 [hong2] /red/'),
  line('茶 茶 [cha2] /tea/'),
  line('館 馆 [guan3] /building/'),
  line('茶館 茶馆 [cha2 guan3] /teahouse/'),
];

test('jieba words CC-CEDICT lacks become keys with a composed entry, above the floor only', () => {
  const frequencies = new Map([
    ['红', 1000],
    ['茶', 1000],
    ['馆', 500],
    ['茶馆', 200],
    ['红茶', 50],
    ['红茶馆', 40],
    ['红馆', 2],
  ]);
  const layer = loadCedictLayer(encodeCedictAsset(LINES, { frequencies, wordFloor: 3 }));
  const red = layer.get('红茶')!.entries;
  assert.equal(red.length, 1);
  assert.equal(red[0].composed, 'word');
  assert.equal(red[0].en[0], 'red + tea');
  assert.match(red[0].note ?? '', /composed of 红 \+ 茶/);
  assert.equal(layer.get('红馆'), undefined, 'below the floor');
  assert.equal(loadCedictLayer(encodeCedictAsset(LINES, { frequencies })).get('红茶'), undefined, 'no floor: none');
  // 红茶馆 reads as 红 + 茶馆 in CC-CEDICT (a word of two characters): it pays the compound penalty;
  // 红茶 (two single characters) does not.
  // The cost byte travels in the trie's node beside the key (tenths of a nat).
  const cost = (key: string) => {
    assert.equal(layer.longestAt(key, 0, key.length), key.length, key);
    return layer.lastWeight / 10;
  };
  const total = [...frequencies.values()].reduce((a, b) => a + b, 0);
  const plain = (n: number) => Math.round(10 * Math.log(total / n)) / 10;
  assert.equal(cost('红茶'), plain(50));
  assert.equal(cost('红茶馆'), Math.round(10 * plain(40) + COMPOUND_PENALTY) / 10);
  // The traditional text finds the word through the fold, and the hover gives one unit.
  const lexicon = new Lexicon([layer], simplifiedFoldTable);
  assert.equal(read('紅茶', lexicon), '紅茶');
});

test('a composed word where a glossary has the word too is left out (the glossary says it)', () => {
  const info = describePosition('压铸', 0, fullLexicon())!;
  assert.ok(info.entries.length > 0);
  assert.ok(
    info.entries.every((e) => !e.composed),
    info.entries.map((e) => e.en[0]).join(' | '),
  );
});

test('composedEntry: parts’ glosses, never a sense of its own', () => {
  const part = (zh: string, ...en: string[]) => ({
    zh,
    entries: en.length ? [{ id: zh, zh, en, source: CEDICT_SOURCE }] : [],
  });
  const word = composedEntry('红茶', 'word', [part('红', 'red'), part('茶', 'tea')], CEDICT_SOURCE);
  assert.deepEqual([word.en, word.composed], [['red + tea'], 'word']);
  const unknown = composedEntry('红𠀀', 'word', [part('红', 'red'), part('𠀀')], CEDICT_SOURCE);
  assert.equal(unknown.en[0], 'red + 𠀀', 'a part no dictionary has is shown as written');
  const name = composedEntry('张三丰', 'name', [part('张', 'to open', 'surname Zhang'), part('三丰')], CEDICT_SOURCE);
  assert.equal(name.en[0], 'Zhang (personal name)');
  const n = composedEntry('2台', 'number', [{ ...part('2'), reading: '2' }, part('台', 'unit')], CEDICT_SOURCE);
  assert.equal(n.en[0], '2 台 (unit)');
});

test('CC-CEDICT: "(Tw)" is a Taiwan usage note, not the English; a construction shows its quoted English', () => {
  const d = displayDictionary([
    line('公尺 公尺 [gong1 chi3] /(Tw) meter (unit of length)/'),
    line('為例 为例 [wei2 li4] /used in the construction 以...為例|以...为例, "to take ... as an example"/'),
    line('台 台 [Tai2] /(Tw) see 臺灣|台湾[Tai2 wan1]/'),
  ]);
  const first = (key: string) => d.entries[d.keys.get(key)![0]];
  assert.deepEqual([first('公尺').senses, first('公尺').note], [['meter (unit of length)'], 'Taiwan usage']);
  assert.deepEqual(first('为例').senses, ['to take ... as an example']);
  assert.match(first('为例').note ?? '', /^in the construction 以\.\.\.為例/);
  // A "(Tw) see" pointer stays a redirect (resolved where its target exists), not a Taiwan note.
  assert.notEqual(first('台').note, 'Taiwan usage');
});
