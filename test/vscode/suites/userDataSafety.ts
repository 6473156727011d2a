/**
 * Issue 10 in a real VS Code: hover links that survive any term, company hovers that lead with the
 * English name, long sidecar notes, and settings a workspace must not choose.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import { displayWidth } from '../../../src/core/text/displayWidth';
import { markdownLinks } from '../../shared/markdownLinks';
import { activateExtension, glossHover, nextEvent, openFixture, plain, positionOf, workspaceFile } from './helpers';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);

/** The next reload of settings that changes the tone style (the tests change it to know VS Code read a file). */
const toneStyleRead = () => {
  const affected = (e: vscode.ConfigurationChangeEvent) => e.affectsConfiguration('hanziGloss.pinyin.toneStyle');
  return nextEvent(vscode.workspace.onDidChangeConfiguration, affected, 10_000, 'settings reload');
};

async function hoverMarkdown(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export function defineUserDataSafetySuite(): void {
  suite('User data and hover links in a real VS Code', () => {
    test('a term with an unbalanced "(" keeps every command link of the hover, each decoding to the term', async () => {
      const api = await activateExtension();
      await api.glossary.lexicon();
      const terms = ['压铸(机', '压铸(机)'];
      for (const zh of terms) {
        await vscode.commands.executeCommand('hanziGloss.addEntry', { zh, en: [`${zh} machine`], target: 'workspace' });
      }
      try {
        const content = terms.map((t) => `用${t}生产`).join('\n');
        const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
        for (const zh of terms) {
          const markdown = (await glossHover(document, positionOf(document, zh).translate(0, 1))) ?? '';
          assert.ok(plain(markdown).includes(`${zh} machine`), 'the hover shows the entry');
          const uris = markdownLinks(markdown).map((l) => vscode.Uri.parse(l.destination));
          const links = uris.filter((u) => u.scheme === 'command');
          const byCommand = new Map(links.map((u) => [u.path, u.query]));
          const own = ['hanziGloss.addEntry', 'hanziGloss.editEntry', 'hanziGloss.removeEntry'];
          assert.deepEqual([...byCommand.keys()].sort(), [...own, 'hanziGloss.annotatePassage'].sort(), markdown);
          for (const command of own) {
            assert.deepEqual(JSON.parse(byCommand.get(command)!), [{ zh }], `${command} gets ${zh}`);
          }
        }
      } finally {
        const file = workspaceFile('.vscode/hanzi-gloss.json');
        // A glossary is JSONC: a comment in it is the user's, not a reason to leave entries behind.
        const saved = parseJsonc(decode(await vscode.workspace.fs.readFile(file)));
        for (const e of saved.entries.filter((x: { zh: string }) => terms.includes(x.zh))) {
          await vscode.commands.executeCommand('hanziGloss.removeEntry', { id: e.id, target: 'workspace' });
        }
      }
    });

    test('a company hovered by an alias shows its English name first, then its headword and reading', async () => {
      const document = (await openFixture('diecasting-orders.txt')).document;
      const text = plain((await glossHover(document, positionOf(document, '大江美利信'))) ?? '');
      const [heading, entry] = text.split('\n\n');
      assert.equal(heading, '**大江美利信** — dà jiāng měi lì xìn');
      const english = 'Chongqing Millison Technologies Inc. · Millison Technologies · Millison';
      assert.equal(entry.split('  \n')[0], `${english} (美利信 _měi lì xìn_)`);
    });

    test('a long sidecar note is shortened after its line and whole in the hover', async () => {
      const api = await activateExtension();
      const uri = workspaceFile('long-note.txt');
      const line = '布勒：拓普集团1台，6000吨；爱柯迪2台，6000吨。';
      await vscode.workspace.fs.writeFile(uri, encode(`${line}\n`));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const long =
        'Bühler: Tuopu Group one 6,000 t cell; IKD two 6,000 t cells; both for rear underbody castings, ' +
        'delivery next year';
      await vscode.commands.executeCommand('hanziGloss.addSidecarNote', { line: 0, text: long });
      try {
        const { fresh } = api.notes.decorationsOf(await api.notes.anchored(editor.document), editor.document);
        const shown = fresh[0]?.renderOptions?.after?.contentText ?? '';
        // The line is 46 columns; an editor of 90 that wraps leaves 44, less the margin and "EN: ".
        assert.equal(shown, 'EN: Bühler: Tuopu Group one 6,000 t…');
        assert.ok(displayWidth(shown) <= 90 - 46 - 4, shown);
        const hover = await hoverMarkdown(uri, new vscode.Position(0, 0));
        assert.ok(plain(hover.replace(/&nbsp;/g, ' ')).includes(long), hover);
      } finally {
        await vscode.commands.executeCommand('hanziGloss.removeSidecarNote', { line: 0 });
      }
    });

    test("a workspace value of hanziGloss.glossaries.user is ignored: entries go to the user's own file", async () => {
      const api = await activateExtension();
      const settings = workspaceFile('.vscode/settings.json');
      const before = await vscode.workspace.fs.readFile(settings).then(decode, () => undefined);
      const elsewhere = join(mkdtempSync(join(tmpdir(), 'hanzi-gloss-elsewhere-')), 'chosen-by-workspace.json');
      // The tone style changes with it, so the test can wait for VS Code to have read the file.
      const read = toneStyleRead();
      const chosen = { 'hanziGloss.glossaries.user': elsewhere, 'hanziGloss.pinyin.toneStyle': 'numbers' };
      await vscode.workspace.fs.writeFile(settings, encode(JSON.stringify(chosen)));
      await read;
      try {
        const toneStyle = vscode.workspace.getConfiguration('hanziGloss').get('pinyin.toneStyle');
        assert.equal(toneStyle, 'numbers', 'the workspace settings file is read');
        assert.notEqual(api.glossary.userGlossaryUri().fsPath, elsewhere);
        const args = { zh: '旭升', en: ['Xusheng'], target: 'user' };
        const added = await vscode.commands.executeCommand<{ id: string }>('hanziGloss.addEntry', args);
        assert.ok(!existsSync(elsewhere), 'nothing is written where the workspace pointed');
        const own = JSON.parse(decode(await vscode.workspace.fs.readFile(api.glossary.userGlossaryUri())));
        assert.ok(
          own.entries.some((e: { zh: string }) => e.zh === '旭升'),
          'the entry is in the user glossary',
        );
        await vscode.commands.executeCommand('hanziGloss.removeEntry', { id: added.id, target: 'user' });
      } finally {
        const restored = toneStyleRead();
        if (before === undefined) await vscode.workspace.fs.delete(settings);
        else await vscode.workspace.fs.writeFile(settings, encode(before));
        await restored;
      }
    });
  });
}
