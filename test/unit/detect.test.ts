import assert from 'node:assert/strict';
import { test } from 'node:test';
import { charClassOf, findPassages } from '../../src/core/text/detect';

const texts = (s: string) => findPassages(s).map((p) => p.text);

test('empty and whitespace-only text has no passages', () => {
  assert.deepEqual(findPassages(''), []);
  assert.deepEqual(findPassages('   \n\t  \u3000\u3000 '), []);
});

test('plain English never forms a passage', () => {
  assert.deepEqual(findPassages('News on China\'s scientific development, 2022. "Quoted" (text) — yes…'), []);
});

test('digits and Latin letters between Han characters join the passage', () => {
  assert.deepEqual(texts('2台6000吨'), ['2台6000吨']);
  assert.deepEqual(texts('吉利：极氪009是自己压铸'), ['吉利：极氪009是自己压铸']);
  assert.deepEqual(texts('德国HNB公司开模'), ['德国HNB公司开模']);
});

test('a number or Latin token written against the first Chinese character belongs to the passage', () => {
  // Real lines: the held-out reading set (2024年…, SK海力士…), a TrendForce headline (3D…).
  assert.deepEqual(texts('2024年全球半导体产能扩张持续推进'), ['2024年全球半导体产能扩张持续推进']);
  assert.deepEqual(texts('Revenue: 15.8亿元, up'), ['15.8亿元']);
  assert.deepEqual(texts('SK海力士宣布'), ['SK海力士宣布']);
  assert.deepEqual(texts('1,200台'), ['1,200台']);
  // After a space, or glued to a longer Latin run (a path, an address), the token stays outside.
  assert.deepEqual(texts('in 2024 年'), ['年']);
  assert.deepEqual(texts('docs/v2压铸'), ['压铸']);
  assert.deepEqual(texts('Done. 3台'), ['3台']);
  assert.deepEqual(texts('end.3台'), ['台']);
  // Never into the passage before.
  assert.deepEqual(texts('压铸8800吨'), ['压铸8800吨']);
});

test('offsets are UTF-16 offsets into the original text', () => {
  const text = 'Order: 海天金属：安徽永泰3台，2台6000吨。 Done.';
  const [p] = findPassages(text);
  assert.equal(text.slice(p.start, p.end), p.text);
  assert.equal(p.text, '海天金属：安徽永泰3台，2台6000吨。');
  assert.equal(p.start, 7);
});

test('CJK punctuation and full-width forms belong to a passage', () => {
  assert.deepEqual(texts('He said 「压铸」《报告》，ＡＢＣ１２３。 ok'), ['「压铸」《报告》，ＡＢＣ１２３。']);
});

test('punctuation alone, without a Han character, is no passage', () => {
  assert.deepEqual(findPassages('，。；：'), []);
});

test('ideographs outside the BMP (surrogate pairs) and compatibility ideographs are Han', () => {
  const text = 'x 𠀀𪚥 is rare, 﨑 is too, and 𱍐 (Ext G).';
  const found = findPassages(text);
  assert.deepEqual(
    found.map((p) => p.text),
    ['𠀀𪚥', '﨑', '𱍐'],
  );
  assert.equal(found[0].end - found[0].start, 4);
  // A lone high surrogate is not an ideograph.
  assert.deepEqual(findPassages('\ud840 abc'), []);
});

test('two English words between Chinese runs split the passages', () => {
  assert.deepEqual(texts('压铸 die casting 开模'), ['压铸', '开模']);
  assert.deepEqual(texts('使用 Python 开发'), ['使用 Python 开发']);
});

test('ASCII comma and space inside a Chinese sentence keep it one passage', () => {
  assert.deepEqual(texts('大江美利信, 已购一台8800吨，在谈第二台；'), ['大江美利信, 已购一台8800吨，在谈第二台；']);
});

test('a passage never crosses a line break', () => {
  assert.deepEqual(texts('压铸\n开模'), ['压铸', '开模']);
  assert.deepEqual(texts('压铸\r\n开模'), ['压铸', '开模']);
});

test('mixed English and Chinese text from the forum thread', () => {
  const text = 'Shanghai (上海) is in the top group; 北京 ranks first.';
  assert.deepEqual(texts(text), ['上海', '北京']);
});

test('leading and trailing ideographic spaces are trimmed', () => {
  assert.deepEqual(texts('\u3000\u3000压铸\u3000'), ['压铸']);
});

// The character classes written out independently of the scanner's range table.
/** True for a BMP code unit that is a Han ideograph (CJK radicals, 々〇, Ext A, URO, compatibility). */
function isHanUnit(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x2e80 && c <= 0x2fdf) ||
    c === 0x3005 ||
    c === 0x3007 ||
    (c >= 0x3021 && c <= 0x3029) ||
    (c >= 0x3038 && c <= 0x303b)
  );
}

/** High surrogates D840–D8BF start code points U+20000–U+3FFFF: the ideographic planes (Ext B–I, compat supplement). */
function isHanHighSurrogate(c: number): boolean {
  return c >= 0xd840 && c <= 0xd8bf;
}

/** CJK punctuation and full-width forms that belong to a passage wherever they stand. */
function isCjkPunctuationUnit(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xfe10 && c <= 0xfe1f)
  );
}

test("the scanner's class table agrees with the character predicates for every BMP code unit", () => {
  for (let c = 0; c < 0x10000; c++) {
    const expected = isHanUnit(c) ? 1 : isCjkPunctuationUnit(c) ? 2 : isHanHighSurrogate(c) ? 3 : c === 0xd81b ? 4 : 0;
    if (charClassOf(c) !== expected) assert.fail(`U+${c.toString(16)}: class ${charClassOf(c)}, expected ${expected}`);
  }
});

// Counterexamples found by detect.property.test.ts (shrunk by fast-check), kept as regressions.
test('the Han marks outside the ideographic planes (U+16FE2–16FE3, U+16FF0–16FF6) are Han', () => {
  assert.deepEqual(texts('\u{16fe3}'), ['\u{16fe3}']);
  assert.deepEqual(texts('古\u{16fe2}文'), ['古\u{16fe2}文']);
  // The same high surrogate also starts non-Han marks (U+16FE0 Tangut iteration mark).
  assert.deepEqual(texts('\u{16fe0}'), []);
});

test('a Latin run that only an ideographic space joined is not part of the passage', () => {
  assert.deepEqual(texts('\u3000a\u3000⺀'), ['⺀']);
  assert.deepEqual(texts('\u3000a⺀'), ['a⺀'], 'written against it, the letter belongs to the passage');
  assert.deepEqual(texts('压铸b\u3000'), ['压铸']);
  assert.deepEqual(texts('\u3000HNB\u3000公司'), ['公司']);
});
