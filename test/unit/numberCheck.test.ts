/**
 * Numbers both ways (annotate/numberCheck.ts), on lines of the real-text sets (their sources are
 * recorded in test/fixtures/reading/real-text.json) with English a translator would write.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { pairNumbers } from '../../src/core/annotate/numberCheck';
import { findEnglishNumbers, formatNumber } from '../../src/core/annotate/numbers';
import { checkAnnotation } from '../../src/core/annotate/qa';
import { fullLexicon } from './fullLexicon';

const problemsOf = (zh: string, en: string) => {
  const { missing, extra } = pairNumbers(zh, en);
  return {
    missing: missing.map(({ token: n }) => zh.slice(n.start, n.end)),
    extra: extra.map((e) => en.slice(e.start, e.end)),
  };
};

test('English numbers: words, scales, months, both, codes and digits', () => {
  const read = (en: string) => findEnglishNumbers(en).map((n) => [en.slice(n.start, n.end), n.value, n.kind]);
  assert.deepEqual(read('twenty-five units, a dozen dies, 12 thousand t, two hundred thousand, 1.5bn'), [
    ['twenty-five', 25, 'word'],
    ['dozen', 12, 'word'],
    ['12 thousand', 12_000, 'digits'],
    ['two hundred thousand', 200_000, 'word'],
    ['1.5bn', 1.5e9, 'digits'],
  ]);
  assert.deepEqual(read('In March 2024 both A380 lines and 5G phones, H1 and Q3'), [
    ['March', 3, 'word'],
    ['2024', 2024, 'digits'],
    ['both', 2, 'word'],
    ['380', 380, 'code'],
    ['5', 5, 'code'],
    ['1', 1, 'code'],
    ['3', 3, 'code'],
  ]);
  // "may" the verb and lower-case "march" are no months; "a hundred" is 100.
  assert.deepEqual(read('prices may march higher; May be'), []);
  assert.deepEqual(read('a hundred units'), [['a hundred', 100, 'word']]);
});

test('real lines translated naturally: every number pairs, nothing is missing or extra', () => {
  const lines: [string, string][] = [
    // solarbe-polysilicon
    [
      '在多晶硅产量方面,2014年我国呈现井喷的状态,生产量13.6万吨创历史天量,同比增长57.1%,已占全球总产量的43%。',
      "China's polysilicon output boomed in 2014: a record 136,000 t, up 57.1% year on year and 43% of world output.",
    ],
    // same line, the figure written with a scale word
    ['生产量13.6万吨创历史天量,同比增长57.1%', 'output hit a record 136 thousand tonnes, up 57.1 percent'],
    // shm-origin-quantum-2024
    [
      '直到2001年,在第四次申请之后,郭光灿终于成功申请到了国家首个量子信息领域的973计划,获得2500万元科研经费。',
      'Only in 2001, on his fourth application, did Guo Guangcan win the first 973 Program grant in quantum information: 25 million yuan of research funding.',
    ],
    // 8red-huawei-5g: a range, a model name, "5G" as a code
    [
      '比如会推出P60等旗舰机型的5G版本,前期基于此5G芯片的手机出货量将限制在200-400万台。',
      'such as 5G versions of flagships like the P60; early shipments of phones with the chip will be limited to 2–4 million units.',
    ],
    // cnsd-gov-hk-hydrogen: dates
    [
      '机电工程署已在2024年2月20日至2024年3月19日就《气体安全条例》修订建议进行业界咨询。',
      'The EMSD consulted the industry on the proposed amendments to the Gas Safety Ordinance from 20 February to 19 March 2024.',
    ],
    // seed die-casting line: 两 = both
    ['已购两台8800吨', 'has bought both 8,800 t machines'],
  ];
  for (const [zh, en] of lines) assert.deepEqual(problemsOf(zh, en), { missing: [], extra: [] }, en);
});

test('a number changed or added in the English is found, both ways', () => {
  // wencan-ar-2021: 1.50元 per 10 shares
  const zh = '向全体股东每10股派发现金股利人民币1.50元(含税)';
  assert.deepEqual(problemsOf(zh, 'a cash dividend of RMB 1.50 (tax included) per 10 shares to all shareholders'), {
    missing: [],
    extra: [],
  });
  assert.deepEqual(problemsOf(zh, 'a cash dividend of RMB 1.50 per 100 shares'), { missing: ['10'], extra: ['100'] });
  // An English-only figure: the translator added "2023" which the Chinese does not have.
  assert.deepEqual(problemsOf('生产量13.6万吨', 'output of 136,000 t, against 120,000 t in 2023'), {
    missing: [],
    extra: ['120,000', '2023'],
  });
  // Number words and codes are never extra: "one of", "H1".
  assert.deepEqual(problemsOf('比亚迪是最大的车企之一', 'BYD is one of the largest carmakers in H1'), {
    missing: [],
    extra: [],
  });
});

test('checkAnnotation reports an English-only number as extra-number at its place, a warning', () => {
  const en = 'bought 2 units of 8,800 t and 3 more';
  const extra = checkAnnotation('已购两台8800吨', en, fullLexicon()).filter((p) => p.code === 'extra-number');
  assert.equal(extra.length, 1);
  assert.equal(en.slice(extra[0].start, extra[0].end), '3');
  assert.equal(extra[0].severity, 'warning');
});

test('property: a quantity written in English digits, with or without separators, always pairs', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.constantFrom('台', '吨', '件', '元'), (n, unit) => {
      const zh = `共${n}${unit}`;
      for (const en of [`${n} in all`, `${formatNumber(n)} in all`]) {
        const { missing, extra } = pairNumbers(zh, en);
        if (missing.length > 0 || extra.length > 0) return false;
      }
      return pairNumbers(zh, `${n + 1} in all`).extra.length === 1;
    }),
    { numRuns: 2000 },
  );
});

test('Taiwan and trade-press figures: 成, ROC years, a spaced 萬, 億 and 萬 in one number, Latin units', () => {
  const lines: [string, string][] = [
    // tpex-solar-chain (test/fixtures/qa/corpus.json): 九成 is 90 %, 兩大類 two categories
    [
      '矽晶、薄膜等兩大類,共占約近九成市場',
      'two broad categories, crystalline silicon and thin film, with nearly 90% of the market',
    ],
    // ltn-renewables-paper: a range of tenths
    ['每日最高可供應全國約三至四成的用電', 'up to about 30 to 40 per cent of daily electricity use'],
    // moneydj / colamg-tyc-agm: ROC years
    ['94年全球筆記型電腦產量約將成長16.6%', 'global notebook output is expected to grow by about 16.6% in 2005'],
    ['召開112年股東常會', 'held its 2023 annual general meeting'],
    // smartcpa-tsmc: a space before 萬
    ['無塵室面積將超過 16 萬平方公尺', 'more than 160,000 square metres of cleanroom space'],
    // 15億2158萬 read as one number, written rounded in English
    ['營收15億2158萬元', 'revenue of 1.522 billion yuan'],
    // hengbang-expo-2026, allnews-cht-5g: units in Latin letters are quantities
    ['抗拉强度普遍提升至280MPa以上', 'tensile strength has generally risen above 280 MPa'],
  ];
  for (const [zh, en] of lines) assert.deepEqual(problemsOf(zh, en), { missing: [], extra: [] }, en);
  // The same figures changed are found, both ways.
  assert.deepEqual(problemsOf('抗拉强度普遍提升至280MPa以上', 'risen above 260 MPa'), {
    missing: ['280'],
    extra: ['260'],
  });
  assert.deepEqual(problemsOf('3.5GHz及28GHz頻段', 'the 3.5 GHz and 26 GHz bands'), { missing: ['28'], extra: ['26'] });
  assert.deepEqual(problemsOf('召開112年股東常會', 'held its 2022 AGM'), { missing: ['112'], extra: ['2022'] });
  // A cardinal number word the Chinese lacks is extra; "one of" and ordinals are not.
  assert.deepEqual(problemsOf('特斯拉已经拥有9000吨级别的压铸机', 'Tesla already has three 9,000-tonne machines'), {
    missing: [],
    extra: ['three'],
  });
});

test('a unit written into an amount is rendered by the English amount: 28.03亿元 = 2.803 billion yuan', () => {
  const lexicon = fullLexicon();
  const raised = (zh: string, en: string) =>
    checkAnnotation(zh, en, lexicon)
      .filter((p) => ['missing-term', 'forbidden-term', 'number-mismatch'].includes(p.code))
      .map((p) => `${p.code} ${p.term}`);
  // QA corpus lines: mygp-wencan-2025, beawan-wencan-2025q1, udn-ase-nanzi-2026, udn-machinery-tariff.
  const revenue = '营收端:2025年上半年实现营业收入28.03亿元,同比下降8.88%。';
  assert.deepEqual(raised(revenue, 'Revenue: in H1 2025 revenue was 2.803 billion yuan, down 8.88% year on year.'), []);
  assert.deepEqual(raised(revenue, 'Revenue: in H1 2025 revenue was RMB 2.803 billion, down 8.88% year on year.'), []);
  assert.deepEqual(raised('营业收入1311万元', 'revenue of 13.11 million yuan'), []);
  assert.deepEqual(raised('斥資178億元興建', 'spending NT$17.8 billion to build'), []);
  assert.deepEqual(raised('出口值27.93億美元', 'exports worth $2.793 billion'), []);
  // The amount wrong: billion yuan is 亿元's forbidden rendering there, the unit is not rendered,
  // and the number is missing.
  assert.deepEqual(raised(revenue, 'Revenue: in H1 2025 revenue was 28.03 billion yuan, down 8.88% year on year.'), [
    'forbidden-term 亿元',
    'missing-term 亿元',
    'number-mismatch 28.03亿',
  ]);
  // The amount right but no currency said: the unit is not rendered.
  assert.deepEqual(raised(revenue, 'Revenue: in H1 2025 revenue was 2.803 billion, down 8.88% year on year.'), [
    'missing-term 亿元',
  ]);
});

test('兆 before a currency is a trillion (Taiwan), and the English trillion pairs with it', () => {
  // The UDN sentence of test/fixtures/reading/held-out-2.json.
  const zh = '市值跨越51.9兆元';
  assert.deepEqual(problemsOf(zh, 'its market value passed NT$51.9 trillion'), { missing: [], extra: [] });
  assert.deepEqual(problemsOf(zh, 'its market value passed NT$51.9tn'), { missing: [], extra: [] });
  assert.deepEqual(problemsOf(zh, 'its market value passed NT$51.9 billion'), {
    missing: ['51.9兆'],
    extra: ['51.9 billion'],
  });
  // Mega before a unit: 5兆瓦 is 5 MW, its number 5.
  assert.deepEqual(problemsOf('装机5兆瓦', 'an installed 5 MW'), { missing: [], extra: [] });
});

test('零 of 零件 (parts) is no number to find in the English (held-out-3, ctee-sai-semi)', () => {
  const zh = '計畫生產高強度鋁合金零件,企圖打入國外半導體設備商零件供應鏈。';
  const en =
    'It plans to make high-strength aluminium alloy parts to enter the supply chains of overseas chip-tool makers.';
  assert.deepEqual(pairNumbers(zh, en).missing, []);
  // 0件 written in digits is still a quantity.
  assert.equal(pairNumbers('库存0件', 'stock: none').missing.length, 1);
});
