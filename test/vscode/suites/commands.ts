import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DocumentTerm } from '../../../src/core/document/termList';
import { activateExtension, EXTENSION_ID, openFixture } from './helpers';

export function defineCommandSuite(): void {
  suite('Commands and status in a real VS Code', () => {
    test('every contributed command is registered', async () => {
      await activateExtension();
      const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
      const pkg = JSON.parse(readFileSync(join(ext.extensionPath, 'package.json'), 'utf8')) as {
        contributes: { commands: { command: string }[] };
      };
      const registered = new Set(await vscode.commands.getCommands(true));
      for (const { command } of pkg.contributes.commands)
        assert.ok(registered.has(command), `${command} is registered`);
    });

    test('the document scan counts passages and glossary terms of the fixture', async () => {
      const api = await activateExtension();
      const editor = await openFixture('diecasting-orders.txt');
      const summary = await api.scans.summary(editor.document);
      assert.equal(summary.passages, 3, 'one passage per non-empty line');
      assert.ok(summary.terms >= 40, `${summary.terms} glossary terms`);
      const terms = new Set((await api.scans.terms(editor.document, 'marks')).map((t) => t.text));
      for (const t of ['海天金属', '压铸', '力劲', '开模', '草签', '在谈', '已购', '布勒', '极氪'])
        assert.ok(terms.has(t), `${t} is matched`);
    });

    test('Show Terms in Document: accepting the first term selects all its occurrences', async () => {
      await activateExtension();
      const editor = await openFixture('diecasting-orders.txt');
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const picked = vscode.commands.executeCommand<DocumentTerm | undefined>('hanziGloss.showTerms');
      // The quick pick opens after the scan; keep accepting until the command has resolved with a pick.
      let term: DocumentTerm | undefined;
      let done = false;
      void picked.then((t) => {
        term = t;
        done = true;
      });
      for (let attempt = 0; attempt < 50 && !done; attempt++) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await Promise.race([picked, new Promise((r) => setTimeout(r, 100))]);
      }
      assert.equal(term?.text, '海天金属');
      assert.deepEqual(
        editor.selections.map((s) => editor.document.getText(s)),
        term.occurrences.map(() => '海天金属'),
      );
    });
  });
}
