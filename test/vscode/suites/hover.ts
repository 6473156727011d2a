import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as OpenCC from 'opencc-js';
import { activateExtension, glossHover, openFixture, plain, positionOf, workspaceFile } from './helpers';

/** Whether the extension has required OpenCC's tables (dist/vendor/opencc-s2tw.js). */
const openccLoaded = () => Object.keys(require.cache).some((k) => k.endsWith('opencc-s2tw.js'));

export function defineHoverSuite(): void {
  suite('Hover in a real VS Code', () => {
    let document: vscode.TextDocument;

    suiteSetup(async () => {
      const api = await activateExtension();
      console.log(`activate() took ${api.activationMs.toFixed(2)} ms`);
      await api.glossary.lexicon();
      const stats = api.glossary.stats;
      console.log(
        `lexicon ready: curated ${stats?.curatedMs.toFixed(1)} ms, CC-CEDICT ${stats?.cedictMs.toFixed(1)} ms, ${stats?.keys} keys`,
      );
      // The built extension ships dist/curated.bin from the same glossary files: the curated
      // hovers below are answered from the prebuilt layer, not from parsed JSON.
      assert.equal(stats?.curatedPrebuilt, true, 'the curated layer came from dist/curated.bin');
      assert.equal(openccLoaded(), false, "OpenCC's tables are not loaded at activation");
      document = (await openFixture('diecasting-orders.txt')).document;
    });

    test('签 shows 簽 in 已签合同 and 草签 (not 籤); OpenCC loads while idle once Chinese is visible', async () => {
      // A curated entry's own form needs no conversion.
      const signed = plain((await glossHover(document, positionOf(document, '已签合同').translate(0, 1))) ?? '');
      assert.match(signed, /\*\*已签合同\*\* 已簽合同 — /);
      // Chinese is visible: the phrase tables are read shortly after, not on the first hover.
      const deadline = Date.now() + 15_000;
      while (!openccLoaded() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(openccLoaded(), 'dist/vendor/opencc-s2tw.js loaded while idle');
      // 草签: converted phrase by phrase.
      const started = performance.now();
      const initialled = plain((await glossHover(document, positionOf(document, '草签').translate(0, 1))) ?? '');
      const first = performance.now() - started;
      assert.match(initialled, /\*\*草签\*\* 草簽 — /);
      // 台 as a measure word: no entry fixes its form, so the phrase converter decides (臺).
      const again = performance.now();
      const unit = plain((await glossHover(document, positionOf(document, '3台').translate(0, 1))) ?? '');
      assert.match(unit, /\*\*3台\*\* 3臺 — 3 tái/);
      const next = performance.now() - again;
      console.log(`first hover that converts: ${first.toFixed(0)} ms; the next: ${next.toFixed(0)} ms`);
    });

    test('压铸 shows "yā zhù — die casting" and its source', async () => {
      const hover = await glossHover(document, positionOf(document, '压铸').translate(0, 1));
      assert.ok(hover, 'a Hanzi Gloss hover at 压铸');
      const text = plain(hover);
      assert.match(text, /\*\*压铸\*\* 壓鑄 — yā zhù/);
      assert.match(text, /die casting/);
      assert.match(text, /Source: Curated glossary · Die casting/);
    });

    test('力劲 shows LK Technology with its full Chinese name', async () => {
      const text = plain((await glossHover(document, positionOf(document, '力劲'))) ?? '');
      assert.match(text, /lì jìn/);
      assert.match(text, /LK Technology/);
      assert.match(text, /LK Technology.* \(力劲科技 _lì jìn kē jì_\)/);
    });

    test('the hover range is the longest term: 已签合同 as one term, not 合同', async () => {
      const position = positionOf(document, '已签合同').translate(0, 3);
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ??
        [];
      const ours = hovers.find((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes('Hanzi Gloss')));
      assert.ok(ours?.range);
      assert.equal(document.getText(ours.range), '已签合同');
    });

    test('a character in no glossary shows its pinyin', async () => {
      const text = plain((await glossHover(document, positionOf(document, '是自己'))) ?? '');
      assert.match(text, /\*\*是\*\* — shì/);
      assert.match(text, /Source: CC-CEDICT/, 'CC-CEDICT is the fallback');
      assert.match(text, /CC-CEDICT \(CC BY-SA 4\.0\)/, 'the footer credits CC-CEDICT');
    });

    test('English text and digits get no Hanzi Gloss hover', async () => {
      const forum = (await openFixture('forum-thread.txt')).document;
      assert.equal(await glossHover(forum, positionOf(forum, 'scientific')), undefined);
      const code = await vscode.workspace.openTextDocument({
        language: 'typescript',
        content: 'const tonnage = 6000; // 锁模力6000吨\n',
      });
      assert.equal(await glossHover(code, positionOf(code, '6000')), undefined, 'digits outside Chinese');
    });

    test('a number with its unit is one word, its English from the curated unit, the unit under "Also"', async () => {
      // The fixture's first line (the seed's forum thread): 2台6000吨 is "2 units of 6,000 t".
      const at = positionOf(document, '2台6000吨');
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at)) ?? [];
      const ours = hovers.find((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes('Hanzi Gloss')));
      assert.equal(ours?.range && document.getText(ours.range), '2台6000吨');
      const atDun = plain((await glossHover(document, at.translate(0, 6))) ?? '');
      assert.match(atDun, /2 台 \(unit.*\) 6000 吨 \(t\b/);
      const curatedUnits = /Source: Curated glossary · [^\n]*composed/;
      assert.match(atDun, curatedUnits, "the English is the curated units'");
      assert.match(atDun, /_Also:_ {2}\n\*\*吨\*\* _dūn_ — t\b/);
    });

    test('languages.exclude turns the hover off for that language, and back on', async () => {
      const config = vscode.workspace.getConfiguration('hanziGloss');
      await config.update('languages.exclude', ['plaintext'], vscode.ConfigurationTarget.Workspace);
      try {
        assert.equal(await glossHover(document, positionOf(document, '压铸')), undefined);
      } finally {
        await config.update('languages.exclude', undefined, vscode.ConfigurationTarget.Workspace);
      }
      assert.ok(await glossHover(document, positionOf(document, '压铸')));
    });

    test('numbers tone style', async () => {
      const config = vscode.workspace.getConfiguration('hanziGloss');
      await config.update('pinyin.toneStyle', 'numbers', vscode.ConfigurationTarget.Workspace);
      try {
        assert.match(plain((await glossHover(document, positionOf(document, '开模'))) ?? ''), /kai1 mu2/);
      } finally {
        await config.update('pinyin.toneStyle', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    test('a traditional-Chinese copy of the fixture gives the same curated gloss at every glossary term', async () => {
      const api = await activateExtension();
      const traditionalText = OpenCC.Converter({ from: 'cn', to: 'tw' })(document.getText());
      assert.notEqual(traditionalText, document.getText());
      const uri = workspaceFile('diecasting-orders.zh-Hant.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(traditionalText));
      const traditional = await vscode.workspace.openTextDocument(uri);
      const occurrences = (await api.scans.terms(document, 'marks')).flatMap((t) =>
        t.occurrences.map((o) => ({ ...o, text: t.text })),
      );
      assert.ok(occurrences.length >= 40);
      for (const m of occurrences) {
        const position = document.positionAt(m.start);
        const [a, b] = [await glossHover(document, position), await glossHover(traditional, position)];
        assert.ok(a && b, `hovers at ${m.text}`);
        // The curated glosses must be the same; CC-CEDICT senses may differ where the traditional
        // character is a dictionary entry of its own (臺 vs 台).
        const curated = (h: string) => h.slice(h.indexOf('\n\n'), h.lastIndexOf('Source: Curated glossary'));
        assert.ok(curated(a).length > 0, `curated gloss at ${m.text}`);
        assert.equal(
          curated(b),
          curated(a),
          `same curated gloss for ${m.text} and ${traditional.getText(new vscode.Range(position, traditional.positionAt(m.end)))}`,
        );
      }
    });

    test('script.first puts the traditional form first', async () => {
      const config = vscode.workspace.getConfiguration('hanziGloss');
      await config.update('script.first', 'traditional', vscode.ConfigurationTarget.Workspace);
      try {
        assert.match(
          plain((await glossHover(document, positionOf(document, '压铸'))) ?? ''),
          /^\*\*壓鑄\*\* 压铸 — yā zhù/,
        );
      } finally {
        await config.update('script.first', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    test('the hover reads the sentence as words: 超导量子计算机 whole at 机, the other words under "Also"', async () => {
      // From "中国超导量子计算机领先全球吗", https://www.8312345.com/TechHorizon/1336.html (data to 2024-10).
      // The greedy reading ended a word after 计算 (超导量子计算 | 机 "surname Ji"); the curated glossary
      // now holds the whole term, and the shorter 量子计算机 "quantum computer" is the first alternative.
      const line = '超导量子计算机把超导线路里的电流方向同时处于0和1的叠加状态当成“量子比特”。';
      const uri = workspaceFile('reading-hover.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${line}\n`));
      const doc = await vscode.workspace.openTextDocument(uri);
      const ji = positionOf(doc, '机');
      const atJi = plain((await glossHover(doc, ji)) ?? '');
      assert.match(atJi, /\*\*超导量子计算机\*\* \S* ?— chāo dǎo liàng zǐ jì suàn jī/);
      assert.match(atJi, /superconducting quantum computer/);
      assert.doesNotMatch(atJi, /surname Ji/);
      assert.match(atJi, /_Also:_ {2}\n\*\*量子计算机\*\* _liàng zǐ jì suàn jī_ — quantum computer/);
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, ji)) ?? [];
      const ours = hovers.find((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes('Hanzi Gloss')));
      assert.equal(ours?.range && doc.getText(ours.range), '超导量子计算机');
      // Where the curated 超导量子计算 also covers the pointer, it leads the list (longest first).
      const atSuan = plain((await glossHover(doc, positionOf(doc, '算'))) ?? '');
      assert.match(
        atSuan,
        /_Also:_ {2}\n\*\*超导量子计算\*\* _chāo dǎo liàng zǐ jì suàn_ — superconducting quantum computing/,
      );
    });

    test('words the reader makes: a personal name and a jieba word are one unit, from their parts', async () => {
      // Sentences of test/fixtures/reading/real-text.json (sources wenweipo-h20 and 8891-foxconn-nidec).
      const lines = [
        '日前,英偉達CEO黃仁勳在北京訪問期間宣布,美國政府已批准H20芯片恢復對華出口。',
        '為了搶攻電動車市場,鴻海與裕隆兩大集團合資成立「鴻華先進」',
      ];
      const uri = workspaceFile('reading-made-words.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${lines.join('\n')}\n`));
      const doc = await vscode.workspace.openTextDocument(uri);
      const rangeAt = async (needle: string) => {
        const hovers =
          (await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            doc.uri,
            positionOf(doc, needle),
          )) ?? [];
        const ours = hovers.find((h) =>
          h.contents.some((c) => typeof c !== 'string' && c.value.includes('Hanzi Gloss')),
        );
        return ours?.range && doc.getText(ours.range);
      };
      const atRen = plain((await glossHover(doc, positionOf(doc, '仁'))) ?? '');
      assert.match(atRen, /Huang \(personal name\)/);
      assert.match(atRen, /\*\*黄仁勋\*\* 黃仁勳 — huáng rén xūn/, 'the name, not 仁 "humane", is the word');
      assert.equal(await rangeAt('仁'), '黃仁勳');
      const atGong = plain((await glossHover(doc, positionOf(doc, '攻'))) ?? '');
      // 抢's first entry is its common reading qiǎng ("to fight over"), not qiāng "to knock against".
      assert.match(atGong, /to fight over \+ to attack/);
      assert.match(atGong, /composed of 抢 \+ 攻/);
      assert.equal(await rangeAt('攻'), '搶攻');
    });

    test('works in any language: a Chinese comment in a TypeScript file', async () => {
      const doc = await vscode.workspace.openTextDocument({
        language: 'typescript',
        content: 'const tonnage = 6000; // 锁模力6000吨\n',
      });
      const text = plain((await glossHover(doc, positionOf(doc, '锁模力'))) ?? '');
      assert.match(text, /suǒ mú lì/);
      assert.match(text, /clamping force/);
    });

    test('an organisation no glossary lists is one unit: pinyin, "not in the glossary", its words', async () => {
      // From 壓鑄周刊's news digest (test/fixtures/names/real-names.json, source wangluoso-3323).
      const doc = await vscode.workspace.openTextDocument({
        language: 'plaintext',
        content: '項目由湖北雄汽汽車零部件有限公司投資建設，投資額1.1億元\n',
      });
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          doc.uri,
          positionOf(doc, '雄汽'),
        )) ?? [];
      const ours = hovers.find((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes('Hanzi Gloss')));
      assert.ok(ours?.range, 'a Hanzi Gloss hover on the name');
      assert.equal(doc.getText(ours.range), '湖北雄汽汽車零部件有限公司');
      const text = plain((await glossHover(doc, positionOf(doc, '雄汽'))) ?? '');
      assert.match(text, /\*\*湖北雄汽汽车零部件有限公司\*\* 湖北雄汽汽車零部件有限公司 — hú běi xióng qì/);
      assert.match(text, /_Not in the glossary — look up its official English name_/);
      assert.match(text, /Looks like an organisation name: … Automotive Parts Co\., Ltd\./);
      assert.doesNotMatch(text, /Source: /, 'no piece of it is glossed');
    });
  });
}
