/**
 * Property test of the unlisted-name candidate over the real lexicon: strings made of what names
 * are made of (place names, rare characters, industry words, suffixes in both scripts) between
 * real words, grammar words, numbers and punctuation. The path still covers every character of any
 * range exactly once, and every unlisted name on it has the shape the finder promises: it ends in a
 * suffix, its parts are in order, its name holds no grammar word (but inside a word), and no layer has it as a key.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fullLexicon } from './fullLexicon';
import { NAME_STOPS, ORG_SUFFIXES } from '../../src/core/lexicon/unlistedNames';

const RUNS = 3_000;

const piece = fc.oneof(
  fc.constantFrom('宁波', '廣州', '湖北', '台灣', '武汉市', '中国', '蕪湖'),
  fc.constantFrom('永', '泰', '雄', '汽', '惠', '通', '厦', '芝', '杰', '精', '椿', '晉', '欣', '慶'),
  fc.constantFrom('汽车', '零部件', '轻量化', '投资', '模具', '液壓', '铝业', '发展'),
  fc.constantFrom(...ORG_SUFFIXES.map((s) => s.zh), '集團', '電子', '協會', '有限公司', '股份有限公司'),
  fc.constantFrom('的', '与', '在', '本', '该', '子', '母', '收购', '成为', '旗下', '两大', '暨'),
  fc.constantFrom('压铸件', '大学生', '公司法', '华中科技大学', '比亚迪', '文灿', '新能源汽车'),
  fc.constantFrom('2台', '6000吨', '一汽', '第二台', '，', '。', '（', '）', ' ', 'GPU', '𠀀'),
);
const text = fc.array(piece, { maxLength: 14 }).map((ps) => ps.join(''));

test('with unlisted names the path covers every character exactly once, and names have their shape', () => {
  const lexicon = fullLexicon();
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const [start, end] = [a % (t.length + 1), b % (t.length + 1)].sort((x, y) => x - y);
      let at = start;
      for (const step of lexicon.segmentRange(t, start, end)) {
        assert.equal(step.start, at, `contiguous in ${JSON.stringify(t)}`);
        assert.ok(step.end > step.start && step.end <= end);
        at = step.end;
      }
      assert.equal(at, end, `the steps reach the end in ${JSON.stringify(t)}`);
      for (const m of lexicon.matchRange(t, start, end)) {
        const run = m.unlisted;
        if (!run) continue;
        assert.ok(run.start === m.start && run.end === m.end);
        assert.ok(run.start <= run.tradeStart && run.tradeStart <= run.tradeEnd && run.tradeEnd <= run.suffixStart);
        assert.ok(run.suffixStart < run.end && run.start < run.tradeEnd, `a name before the suffix of ${m.text}`);
        // A grammar character is in the name only inside a word of its own (本 of 母本).
        const name = t.slice(run.start, run.tradeEnd);
        const inWord = (i: number) =>
          [2, 3, 4].some((n) =>
            Array.from({ length: n }, (_, k) => i - k).some(
              (s) => s >= 0 && s + n <= name.length && lexicon.lookup(name.slice(s, s + n)).length > 0,
            ),
          );
        [...name].forEach((c, i) => assert.ok(!NAME_STOPS.has(c) || inWord(i), `no grammar word in the name ${name}`));
        // A jieba word composed of parts (宁波大学) is no word of its own: the name may stand there.
        const own = lexicon.lookup(m.text).filter((e) => !e.composed);
        assert.deepEqual(own, [], `${m.text} is no word of any layer`);
        assert.deepEqual(m.entries, []);
      }
    }),
    { numRuns: RUNS },
  );
});
