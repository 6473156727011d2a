/** Traditional Chinese matches the same entries as simplified, with offsets into the original text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { describePosition, scanText } from '../../src/core/document/scan';
import FOLD_PAIRS from 'hanzi-gloss:fold-pairs';
import { composeFoldPairs, foldTableOf } from '../../src/core/text/foldPairs';
import { foldToSimplified, simplifiedFoldTable, toTraditional } from '../../src/core/text/script';
import { openccFoldDictionaries } from '../../src/tools/openccFoldDictionaries';
import { fixture, fullLexicon } from './fullLexicon';

const simplified = fixture('diecasting-orders.txt');

for (const to of ['tw', 'hk', 't'] as const) {
  test(`the die-casting fixture converted to traditional (${to}) yields the same English glosses`, () => {
    const traditional = OpenCC.Converter({ from: 'cn', to })(simplified);
    assert.notEqual(traditional, simplified);
    assert.equal(traditional.length, simplified.length);
    const gloss = (text: string) =>
      scanText(text, fullLexicon()).matches.map((m) => {
        // An unlisted name (宜安科技) has no entry: its span and reading are compared.
        const first = m.entries[0];
        return `${m.start}-${m.end} ${first?.source.id ?? 'unlisted'} ${first?.en.join('; ') ?? ''} ${m.reading}`;
      });
    assert.deepEqual(gloss(traditional), gloss(simplified));
    for (const m of scanText(traditional, fullLexicon()).matches)
      assert.equal(traditional.slice(m.start, m.end), m.text);
  });
}

test('folding keeps every character in place and leaves simplified text alone', () => {
  assert.equal(foldToSimplified('壓鑄機，開模'), '压铸机，开模');
  assert.equal(foldToSimplified('压铸机'), undefined);
  assert.equal(foldToSimplified('臺灣 台灣 𠀀'), '台湾 台湾 𠀀');
});

test('the fold embedded at build time is the one composed from the installed opencc-js', () => {
  const fresh = composeFoldPairs(openccFoldDictionaries());
  assert.equal(FOLD_PAIRS, fresh);
  assert.ok(fresh.length / 2 > 3000, `${fresh.length / 2} folding characters`);
  assert.deepEqual(simplifiedFoldTable(), foldTableOf(fresh));
  // Checked against the expected characters, not only against the composition itself.
  assert.equal(foldToSimplified('壓鑄機開模齒輪後發髮'), '压铸机开模齿轮后发发');
  // Regional variants undone before traditional → simplified (OpenCC's tw2s chain): 裡 → 裏 → 里.
  assert.equal(foldToSimplified('裡面'), '里面');
  // A compatibility ideograph is unified first: U+F900 豈 → U+8C48 豈 → 岂.
  assert.equal(foldToSimplified('\uF900'), '岂');
});

test('a simplified character that is also a traditional one still matches as written (著名)', () => {
  const info = describePosition('他很著名', 2, fullLexicon());
  assert.equal(info?.text, '著名');
  assert.match(info?.entries[0].en.join(' ') ?? '', /famous/);
});

test('the hover shows both forms, traditional from the dictionary where it has one', () => {
  const s = describePosition('极氪009是自己压铸', 8, fullLexicon());
  assert.deepEqual([s?.simplified, s?.traditional], ['压铸', '壓鑄']);
  const t = describePosition('極氪009是自己壓鑄', 8, fullLexicon());
  assert.deepEqual([t?.simplified, t?.traditional, t?.entries[0].en[0]], ['压铸', '壓鑄', 'die casting']);
  // CC-CEDICT writes 臺灣 and lists 台灣 as its variant: the entries disagree, so the Taiwan
  // standard (OpenCC's s2tw) decides, and says 臺灣 like CC-CEDICT's main entry.
  assert.equal(toTraditional('台湾'), '臺灣');
  assert.equal(describePosition('台湾', 0, fullLexicon())?.traditional, '臺灣');
  assert.equal(toTraditional('铝合金'), '鋁合金');
});
