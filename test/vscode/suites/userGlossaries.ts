import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HanziGlossApi } from '../../../src/extension';
import { activateExtension, glossHover, nextEvent, openFixture, plain, positionOf, workspaceFile } from './helpers';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** Resolves at the next lexicon rebuild (live reload). */
const nextChange = (api: HanziGlossApi) => nextEvent(api.glossary.onDidChange, () => true, 10_000, 'glossary reload');

export function defineUserGlossarySuite(): void {
  suite("Users' glossaries in a real VS Code", () => {
    let api: HanziGlossApi;
    let document: vscode.TextDocument;
    const userDir = mkdtempSync(join(tmpdir(), 'hanzi-gloss-user-'));
    const userFile = vscode.Uri.file(join(userDir, 'mine.json'));
    const hoverAt = async (term: string) => plain((await glossHover(document, positionOf(document, term))) ?? '');

    suiteSetup(async () => {
      api = await activateExtension();
      await api.glossary.lexicon();
      // The setting's reload re-finds the workspace glossaries: a late one would forget the file
      // the first test creates, so wait for it.
      const reloaded = nextChange(api);
      await vscode.workspace
        .getConfiguration('hanziGloss')
        .update('glossaries.user', userFile.fsPath, vscode.ConfigurationTarget.Global);
      await reloaded;
      document = (await openFixture('diecasting-orders.txt')).document;
    });

    suiteTeardown(async () => {
      // Later suites must not see this suite's user glossary: wait until the layer is gone.
      const reloaded = nextChange(api);
      await vscode.workspace
        .getConfiguration('hanziGloss')
        .update('glossaries.user', undefined, vscode.ConfigurationTarget.Global);
      await reloaded;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('an entry added to the workspace layer is in the hover at once, above the curated one', async () => {
      await vscode.commands.executeCommand('hanziGloss.addEntry', {
        zh: '压铸',
        pinyin: 'yā zhù',
        en: ['HPDC', 'high-pressure die casting'],
        target: 'workspace',
      });
      const text = await hoverAt('压铸');
      assert.match(
        text,
        /HPDC · high-pressure die casting  \nSource: Workspace glossary · \.vscode\/hanzi-gloss\.json/,
      );
      assert.ok(text.indexOf('Workspace glossary') < text.indexOf('Curated glossary'), 'workspace entry first');
      const saved = JSON.parse(decode(await vscode.workspace.fs.readFile(workspaceFile('.vscode/hanzi-gloss.json'))));
      assert.deepEqual(saved.entries, [
        { id: 'yazhu', zh: '压铸', pinyin: 'yā zhù', en: ['HPDC', 'high-pressure die casting'] },
      ]);
    });

    test('an entry added to the user layer creates the user file outside the workspace', async () => {
      await vscode.commands.executeCommand('hanziGloss.addEntry', {
        zh: '在宁波加工',
        en: 'machined in Ningbo',
        note: 'supplier note',
        target: 'user',
      });
      const text = await hoverAt('在宁波加工');
      assert.match(text, /machined in Ningbo  \n_supplier note_  \nSource: User glossary/);
      assert.equal(JSON.parse(decode(await vscode.workspace.fs.readFile(userFile))).entries[0].zh, '在宁波加工');
    });

    test('edit and remove change the hover at once', async () => {
      await vscode.commands.executeCommand('hanziGloss.editEntry', {
        id: 'yazhu',
        target: 'workspace',
        en: ['die casting (HPDC)'],
      });
      assert.match(await hoverAt('压铸'), /die casting \(HPDC\)  \nSource: Workspace glossary/);
      await vscode.commands.executeCommand('hanziGloss.removeEntry', { id: 'yazhu', target: 'workspace' });
      const text = await hoverAt('压铸');
      assert.doesNotMatch(text, /Workspace glossary/);
      assert.match(text, /Source: Curated glossary · Die casting/);
    });

    test('editing a curated term creates an overriding entry in a writable layer', async () => {
      await vscode.commands.executeCommand('hanziGloss.editEntry', {
        zh: '开模',
        en: ['die making'],
        pinyin: 'kāi mú',
        target: 'user',
      });
      const text = await hoverAt('开模');
      assert.ok(text.indexOf('die making') < text.indexOf('tooling'), text);
      assert.match(text, /Source: User glossary/);
    });

    test('the hover offers Remove for own entries, and removing from the user layer works', async () => {
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          document.uri,
          positionOf(document, '开模'),
        )) ?? [];
      const markdown = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      assert.match(markdown, /\[Remove entry\]\(command:hanziGloss\.removeEntry\?/);
      const id = JSON.parse(decode(await vscode.workspace.fs.readFile(userFile))).entries.find(
        (e: { zh: string }) => e.zh === '开模',
      ).id;
      await vscode.commands.executeCommand('hanziGloss.removeEntry', { id, target: 'user' });
      const text = await hoverAt('开模');
      assert.doesNotMatch(text, /die making/);
      assert.doesNotMatch(text, /Source: User glossary/);
    });

    test('two entries added in quick succession both survive', async () => {
      await Promise.all([
        vscode.commands.executeCommand('hanziGloss.addEntry', {
          zh: '安徽永泰',
          en: ['Yongtai (Anhui)'],
          target: 'user',
        }),
        vscode.commands.executeCommand('hanziGloss.addEntry', { zh: '旭升集团', en: ['Xusheng'], target: 'user' }),
      ]);
      const zh = JSON.parse(decode(await vscode.workspace.fs.readFile(userFile))).entries.map(
        (e: { zh: string }) => e.zh,
      );
      assert.ok(zh.includes('安徽永泰') && zh.includes('旭升集团'), zh.join());
    });

    test('with the glossary open and dirty, an added entry keeps the unsaved edit; undo restores it', async () => {
      const glossaryDoc = await vscode.workspace.openTextDocument(workspaceFile('.vscode/hanzi-gloss.json'));
      const editor = await vscode.window.showTextDocument(glossaryDoc);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// unsaved note from the user\n'));
      assert.ok(glossaryDoc.isDirty);
      const beforeAdd = glossaryDoc.getText();
      await vscode.commands.executeCommand('hanziGloss.addEntry', {
        zh: '草签',
        en: ['initialled'],
        target: 'workspace',
      });
      assert.ok(glossaryDoc.getText().startsWith('// unsaved note from the user\n'), 'the unsaved edit is kept');
      assert.match(glossaryDoc.getText(), /"zh": "草签"/);
      assert.match(await hoverAt('草签'), /initialled  \nSource: Workspace glossary/);
      await vscode.window.showTextDocument(glossaryDoc);
      await vscode.commands.executeCommand('undo');
      assert.equal(glossaryDoc.getText(), beforeAdd, 'undo removes exactly the added entry');
      const onDisk = decode(await vscode.workspace.fs.readFile(glossaryDoc.uri));
      assert.ok(!onDisk.includes('unsaved note from the user'), 'the unsaved edit never reached the disk');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('saving a glossary file on disk reloads it live', async () => {
      const changed = nextChange(api);
      await vscode.workspace.fs.writeFile(
        userFile,
        new TextEncoder().encode(
          JSON.stringify(
            { name: 'Mine', entries: [{ id: 'x', zh: '极氪009', en: ['ZEEKR 009 (own note)'] }] },
            null,
            2,
          ),
        ),
      );
      await changed;
      // A late reload of the previous test's write can be the change we saw: wait (bounded) for
      // the reload that read this version.
      const shows = /ZEEKR 009 \(own note\)  \nSource: User glossary/;
      for (let n = 0; n < 5; n++) {
        // Listen before looking, so that a reload between the two is not missed.
        const next = nextEvent(api.glossary.onDidChange, () => true, 10_000, 'reload of the new version');
        if (shows.test(await hoverAt('极氪009'))) {
          next.catch(() => undefined);
          break;
        }
        await next;
      }
      assert.match(await hoverAt('极氪009'), shows);
    });

    test('a malformed file gets a diagnostic at its line and column; its last good version stays in use', async () => {
      // Waits for the reload that read this file (a late one of the previous write may come first).
      const diagnosed = (n: number) => () => vscode.languages.getDiagnostics(userFile).length === n;
      const changed = nextEvent(api.glossary.onDidChange, diagnosed(1), 10_000, 'diagnostic');
      await vscode.workspace.fs.writeFile(
        userFile,
        new TextEncoder().encode('{\n  "entries": [\n    { "id": "x" "zh": "极氪009" }\n  ]\n}\n'),
      );
      await changed;
      const diagnostics = vscode.languages.getDiagnostics(userFile);
      assert.equal(diagnostics.length, 1);
      assert.deepEqual([diagnostics[0].range.start.line, diagnostics[0].range.start.character], [2, 16]);
      assert.match(diagnostics[0].message, /CommaExpected/);
      assert.match(await hoverAt('极氪009'), /ZEEKR 009 \(own note\)/, 'the last good version is kept');
      const fixed = nextEvent(api.glossary.onDidChange, diagnosed(0), 10_000, 'diagnostic cleared');
      await vscode.workspace.fs.writeFile(userFile, new TextEncoder().encode('{ "entries": [] }'));
      await fixed;
      assert.equal(vscode.languages.getDiagnostics(userFile).length, 0);
    });

    test("import a TSV glossary, export to TBX and CSV, export the document's terms for Anki", async () => {
      const tsv = workspaceFile('supplier-terms.tsv');
      await vscode.workspace.fs.writeFile(
        tsv,
        new TextEncoder().encode('布勒\tBuhler (supplier list)\tfrom purchasing\n伊之密\tYizumi\n'),
      );
      const count = await vscode.commands.executeCommand('hanziGloss.importGlossary', {
        file: tsv.fsPath,
        target: 'user',
      });
      assert.equal(count, 2);
      assert.match(await hoverAt('布勒'), /Buhler \(supplier list\)  \n_from purchasing_  \nSource: User glossary/);
      const tbx = join(userDir, 'export.tbx');
      await vscode.commands.executeCommand('hanziGloss.exportGlossary', { source: 'user', file: tbx });
      const xml = decode(await vscode.workspace.fs.readFile(vscode.Uri.file(tbx)));
      assert.match(xml, /<term>布勒<\/term>/);
      assert.match(xml, /<term>Buhler \(supplier list\)<\/term>/);
      // CSV goes through papaparse, which the shipped extension requires from dist/vendor/ on first use.
      const csv = join(userDir, 'export.csv');
      await vscode.commands.executeCommand('hanziGloss.exportGlossary', { source: 'user', file: csv });
      const rows = decode(await vscode.workspace.fs.readFile(vscode.Uri.file(csv))).split('\r\n');
      assert.match(rows[0], /^id,zh,/);
      assert.ok(
        rows.some((r) => r.includes('布勒') && r.includes('Buhler (supplier list)')),
        rows.join('\n'),
      );
      const anki = join(userDir, 'terms.anki.tsv');
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('hanziGloss.exportAnki', { file: anki });
      const lines = decode(await vscode.workspace.fs.readFile(vscode.Uri.file(anki))).split('\n');
      assert.equal(lines[0], '#separator:tab');
      assert.ok(
        lines.some((l) => l.startsWith('压铸\tyā zhù<br>die casting')),
        lines.slice(0, 8).join('\n'),
      );
    });
  });
}
