/**
 * Reading a sentence as words: the candidates' least-cost path (reading/segment.ts), and the
 * lexicon's segmentation over the curated glossary and CC-CEDICT with jieba's frequencies: the
 * examples of issue 12, ASCII runs, number phrases, both scripts, the hover's "also" words.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PathSolver, NO_TAG, wordCost, SINGLE_CHARACTER_PENALTY, GLOSSARY_COST } from '../../src/core/reading/segment';
import { numberPhrases } from '../../src/core/reading/numbers';
import { describePosition, scanText } from '../../src/core/document/scan';
import { renderHoverMarkdown } from '../../src/core/document/hoverMarkdown';
import { ENGLISH_LABELS } from '../shared/hoverLabels';
import { fullLexicon } from './fullLexicon';

/** The words of the reading of `text`, "|"-separated, steps that are no word marked with °. */
function read(text: string): string {
  const lexicon = fullLexicon();
  return lexicon
    .segmentRange(text, 0, text.length)
    .map((s) => text.slice(s.start, s.end) + (s.word ? '' : '°'))
    .join('|');
}

/** Solves candidates given as [start, end, cost, tag] rows over [base, base + length), per position in row order. */
function solveRows(base: number, length: number, rows: number[][]): { ok: boolean; solver: PathSolver } {
  const solver = new PathSolver();
  const text = 'x'.repeat(base + length);
  const ok = solver.solve(text, base, base + length, 1, (p) => {
    for (const [s, e, cost, tag] of rows) if (s === p) solver.candidates.add(e, cost, tag);
  });
  return { ok, solver };
}

test('the solver takes the path of least total cost, not the longest first word', () => {
  // [10,12) is cheap alone but leaves 12 to a dear step; [10,11) + [11,13) is cheaper in total.
  const { ok, solver } = solveRows(10, 3, [
    [10, 11, 4, 0],
    [10, 12, 3, 1],
    [11, 13, 4, 2],
    [12, 13, 20, NO_TAG],
  ]);
  assert.ok(ok);
  const path: number[] = [];
  solver.forEachOnPath((_s, _e, tag) => path.push(tag));
  assert.deepEqual(path, [0, 2]);
});

test('on equal cost the longer word wins, then the one added last; a range no candidate covers has no path', () => {
  const equal = solveRows(0, 2, [
    [0, 1, 2, 0],
    [0, 2, 4, 1],
    [1, 2, 2, 2],
  ]);
  assert.equal(equal.solver.tagAt(0), 1);
  const same = solveRows(0, 1, [
    [0, 1, 2, 0],
    [0, 1, 2, 3],
  ]);
  assert.equal(same.solver.tagAt(0), 3);
  const none = solveRows(0, 3, [[0, 1, 1, 0]]);
  assert.equal(none.ok, false);
  assert.throws(() => none.solver.forEachOnPath(() => undefined), /no path at offset/);
});

test('a surrogate pair is one position: no word starts at its second half', () => {
  const solver = new PathSolver();
  const text = 'a\u{20000}b';
  const asked: number[][] = [];
  solver.solve(text, 0, text.length, 1, (p, width) => {
    asked.push([p, width]);
    solver.candidates.add(p + width, 1, p);
  });
  assert.deepEqual(asked, [
    [3, 1],
    [1, 2],
    [0, 1],
  ]);
  const steps: number[][] = [];
  solver.forEachOnPath((s, e) => steps.push([s, e]));
  assert.deepEqual(steps, [
    [0, 1],
    [1, 3],
    [3, 4],
  ]);
});

test("where several layers have the chosen word, the path keeps each layer's value of it", () => {
  const solver = new PathSolver();
  // Tags are value * 2 + layer: layer 0 has [0,2) as value 5, layer 1 as value 7, layer 1 also [0,1).
  solver.solve('xy', 0, 2, 2, (p) => {
    if (p === 0) {
      solver.candidates.add(2, 3, 5 * 2 + 0);
      solver.candidates.add(1, 9, 4 * 2 + 1);
      solver.candidates.add(2, 3, 7 * 2 + 1);
    } else solver.candidates.add(2, 9, NO_TAG);
  });
  const from = solver.valuesFrom(0);
  assert.deepEqual([...solver.valuesArray.subarray(from, from + 2)], [5, 7]);
});

test('word costs: single characters penalised, glossary words capped below any two-word split', () => {
  assert.equal(wordCost(9, 1, false), 9 + SINGLE_CHARACTER_PENALTY);
  assert.equal(wordCost(12, 5, true), GLOSSARY_COST);
  assert.equal(wordCost(12, 5, false), 12);
  // A glossary's single character is no cheaper than the dictionary's (台 "unit" must not cut 台中).
  assert.equal(wordCost(11, 1, true), 11 + SINGLE_CHARACTER_PENALTY);
  // Any split into two words or more costs more than a glossary word: jieba's most frequent words (了, and
  // 一个 of two characters or more) priced as the lattice prices them.
  const rows = readFileSync(join('node_modules', '@node-rs', 'jieba', 'dict.txt'), 'utf8').split('\n');
  const counts = rows.filter((r) => r.trim() !== '').map((r) => r.split(' ') as [string, string]);
  const total = counts.reduce((sum, [, n]) => sum + Number(n), 0);
  const cheapest = (single: boolean) => {
    let top = 0;
    for (const [w, n] of counts) if ((w.length === 1) === single) top = Math.max(top, Number(n));
    return wordCost(Math.round(10 * Math.log(total / top)) / 10, single ? 1 : 2, false);
  };
  const cheapestWord = Math.min(cheapest(true), cheapest(false));
  assert.ok(cheapestWord > 5.9 && 2 * cheapestWord > GLOSSARY_COST, `cheapest word ${cheapestWord}`);
});

test('issue 12: 超导量子计算机 is the curated term, never 超导量子计算 | 机; 新手机 is 新 | 手机', () => {
  // The curated glossary now has the whole 超导量子计算机; the greedy reading ended a word after 计算.
  assert.equal(read('超导量子计算机'), '超导量子计算机');
  assert.equal(read('超导量子计算机领先'), '超导量子计算机|领先');
  assert.equal(read('新手机'), '新|手机');
  assert.equal(read('华为发布新手机'), '华为|发布|新|手机');
});

test('issue 12: no key inside an ASCII run (8800 holds no 88, GPU no PU, Giga Press no P)', () => {
  assert.equal(read('已购一台8800吨'), '已购|一台8800吨');
  assert.equal(read('采用8800吨压铸机'), '采用|8800吨|压铸机');
  assert.equal(read('采用GPU芯片'), '采用|G°|P°|U°|芯片');
  assert.ok(!read('特斯拉Giga Press压铸').split('|').includes('P'), read('特斯拉Giga Press压铸'));
  // A key with ASCII matches where it spans the whole run.
  assert.equal(read('一件T恤'), '一件|T恤');
  assert.equal(read('3D打印技术'), '3D打印|技术');
  assert.equal(read('采用4680电池'), '采用|4680电池');
  // Without such a key, the brand and the model number are two steps, the digits whole (极氪 | 009).
  assert.equal(read('极氪009正式发布'), '极氪|009|正式|发布');
  // A Latin run before Chinese is one run: no key starts inside it (SK海力士, the curated name, is whole).
  assert.equal(read('韩国SK海力士公司'), '韩国|SK海力士|公司');
});

test("numbers with their units (the draft's units) are phrases no word crosses, as drafts read them", () => {
  const text = '2台6000吨，第二台和三台';
  const phrases = numberPhrases(text, 0, text.length);
  const spans = [];
  for (let k = 0; k < phrases.length; k += 2) spans.push(text.slice(phrases[k], phrases[k + 1]));
  assert.deepEqual(spans, ['2台6000吨', '第二台', '三台']);
  assert.deepEqual(numberPhrases('一体化', 0, 3), [], '一体化 holds no number');
  // The phrase is one word of the reading though a glossary has its units (the curated 台 "unit", 吨 "t").
  assert.equal(read('2台6000吨'), '2台6000吨');
  assert.equal(read('订购2台6000吨压铸机'), '订购|2台6000吨|压铸机');
});

test('traditional text is read with the boundaries of its simplified form', () => {
  const pairs = [
    ['華為發佈新手機，兩台8800噸壓鑄機', '华为发布新手机，两台8800吨压铸机'],
    ['超導量子計算機', '超导量子计算机'],
    ['臺積電將在高雄設廠', '台积电将在高雄设厂'],
  ];
  const bounds = (t: string) =>
    fullLexicon()
      .segmentRange(t, 0, t.length)
      .map((s) => s.end);
  for (const [traditional, simplified] of pairs) assert.deepEqual(bounds(traditional), bounds(simplified), traditional);
});

test('the hover shows the word of the reading and, under "Also", the other words covering the pointer', () => {
  const line = '研制出超导量子计算机';
  const at = (ch: string) => describePosition(line, line.lastIndexOf(ch), fullLexicon());
  const ji = at('机');
  assert.equal(ji?.text, '超导量子计算机');
  assert.equal(ji?.entries[0].en[0], 'superconducting quantum computer');
  assert.deepEqual(
    ji?.also.map((w) => w.text),
    ['量子计算机', '计算机', '机'],
  );
  assert.equal(ji?.also[0].entries[0].en[0], 'quantum computer');
  const suan = at('算');
  assert.equal(suan?.text, '超导量子计算机');
  assert.equal(suan?.also[0].text, '超导量子计算', 'the longer curated term, first');
  assert.equal(suan?.also[0].entries[0].en[0], 'superconducting quantum computing');
  const md = renderHoverMarkdown(suan!, ENGLISH_LABELS);
  assert.match(md, /_Also:_  \n\*\*超导量子计算\*\* _chāo dǎo liàng zǐ jì suàn_ — superconducting quantum computing/);
  // A number with its unit is the word under the pointer, English from the glossary's unit; the unit
  // itself is under "Also", and a digit shows the same word.
  const dun = describePosition('已购一台8800吨', 8, fullLexicon());
  assert.equal(dun?.text, '一台8800吨');
  assert.equal(dun?.entries[0].composed, 'number');
  assert.match(dun!.entries[0].en[0], /^1 台 \(unit.*\) 8800 吨 \(t\b/);
  assert.deepEqual(
    dun?.also.map((w) => [w.text, w.entries[0].source.layer]),
    [['吨', 'curated']],
  );
  assert.equal(describePosition('已购一台8800吨', 5, fullLexicon())?.text, '一台8800吨', 'a digit is in the word');
});

test('scan, status counts and the hover agree on the words of a line', () => {
  const line = '特斯拉采用GPU芯片研制出超导量子计算机';
  const { matches } = scanText(line, fullLexicon());
  assert.deepEqual(
    matches.map((m) => m.text),
    ['特斯拉', '采用', '芯片', '研制', '出', '超导量子计算机'],
  );
  for (const m of matches) assert.equal(describePosition(line, m.start, fullLexicon())?.text, m.text);
});

test('real Taiwan and mainland sentences: 51.9兆元 (trillion), 7000坪 and 40亩 are read whole; 5兆瓦 is mega', () => {
  // From test/fixtures/reading/held-out-2.json (UDN on TSMC, a Yuanjing plant, a Shandong storage project).
  const read = (text: string, phrase: string) => {
    const lexicon = fullLexicon();
    const at = text.indexOf(phrase);
    assert.ok(at >= 0, phrase);
    return scanText(text, lexicon).matches.find((m) => m.start === at)?.text;
  };
  assert.equal(
    read('台積電（2330）25日股價順利衝過2,000元再創新天價，市值跨越51.9兆元，盤中最高', '51.9兆元'),
    '51.9兆元',
  );
  assert.equal(read('使用約7000坪土地', '7000坪'), '7000坪');
  assert.equal(read('该项目占地约40亩,规划建设100MW', '40亩'), '40亩');
  assert.equal(read('装机5兆瓦', '5'), '5', '兆瓦 (megawatt) stays a word of its own');
});

test('real sentences: households and the end of a month or year go with their number (18.1亿户, 6月末, 2021年底)', () => {
  // From test/fixtures/reading/held-out-3.json (MIIT telecom figures, a foundry base) and held-out-2.json
  // (SEMI fabs, TSMC in Japan).
  const words = (text: string) => scanText(text, fullLexicon()).matches.map((m) => m.text);
  const telecom = words('截至6月末,三家基础电信企业及中国广电的移动电话用户总数达18.1亿户,比上年末净增1993万户。');
  assert.ok(telecom.includes('6月末'), telecom.join('|'));
  assert.ok(telecom.includes('18.1亿户') && telecom.includes('1993万户'), telecom.join('|'));
  const fabs = words('全球半导体制造商将于2021年年底前启动构建19座高产能芯片厂');
  // 2021年 | 年底: the second 年 is not the first's unit.
  assert.ok(fabs.includes('2021年') && fabs.includes('年底'), fabs.join('|'));
  assert.ok(words('台積電第1座特殊製程晶圓廠已於2024年底開始量產').includes('2024年底'));
  // 底 or 末 starting a word, and 初 or 中 after a date, stay with the word: a real termbase sentence
  // (test/fixtures/termbase/real-text.json: 9月中标 'won the bid in September') and guards.
  assert.ok(words('公司积极布局低空、车路云领域,9月中标《江苏省低空经济发展专项规划》').includes('中标'));
  assert.ok(words('2023年初步核算数据显示').includes('初步'));
  assert.ok(words('5月中国汽车销量').includes('中国'));
  assert.ok(words('2024年底盘件订单').some((w) => w.startsWith('底盘')));
  const september = scanText('同年9月底竣工投产', fullLexicon()).matches.find((m) => m.text === '9月底');
  assert.match(september?.entries[0].en[0] ?? '', /^9 月底 \(end of the month/);
});

test("a glossary's measure word does not cut a place name: 台中 (Taichung) is read whole", () => {
  // From test/fixtures/reading/held-out-3.json (a Taichung city release, via UDN).
  const text = '尤其對台中重點發展的工具機與自行車等精密機械產業衝擊甚鉅';
  const words = scanText(text, fullLexicon()).matches.map((m) => m.text);
  assert.ok(words.includes('台中'), words.join('|'));
  // The measure word still goes with its number.
  assert.ok(scanText('已購3台壓鑄機', fullLexicon()).matches.some((m) => m.text === '3台'));
});
