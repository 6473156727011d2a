import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SearchArgs } from '../../../src/vscode/features/search';
import type { SearchResult } from '../../../src/core/lexicon/search';
import type { HanziGlossApi } from '../../../src/extension';
import { activateExtension, nextEvent } from './helpers';

/** Runs Search Glossary… with `args` and waits until its list shows the results of `query`. */
async function openSearch(api: HanziGlossApi, args: SearchArgs | undefined, query: string) {
  const shown = nextEvent(api.search.onDidShowResults, (e) => e.query === query, 20_000, `results of "${query}"`);
  const ran = vscode.commands.executeCommand<SearchResult | undefined>('hanziGloss.searchGlossary', args);
  const { results } = await shown;
  return { results, ran };
}

/** Accepts the active item of the open quick pick until the command has returned (the list may lag). */
async function acceptUntil(ran: Thenable<SearchResult | undefined>): Promise<SearchResult | undefined> {
  let done = false;
  const finished = Promise.resolve(ran).finally(() => (done = true));
  for (let attempt = 0; attempt < 50 && !done; attempt++) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([finished, new Promise((r) => setTimeout(r, 100))]);
  }
  return finished;
}

export function defineSearchSuite(): void {
  suite('Search Glossary in a real VS Code', () => {
    test('the ranking through the command: ljjt → 力劲集团, yazhuji → 压铸机, clamping force → 锁模力', async () => {
      const api = await activateExtension();
      const expected: [string, string][] = [
        ['ljjt', '力劲集团'],
        ['yazhuji', '压铸机'],
        ['clamping force', '锁模力'],
        ['ya zhu ji', '压铸机'],
        ['壓鑄機', '压铸机'],
      ];
      for (const [query, zh] of expected) {
        const { results, ran } = await openSearch(api, { query }, query);
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        assert.equal(await ran, undefined, 'closing the list chooses nothing');
        // Entries other suites wrote to the user's and workspace's glossaries (压铸(机) rank first, as
        // those layers do; the shipped layers' first result is the one asked for.
        const own = (r: SearchResult) => r.source.layer === 'workspace' || r.source.layer === 'user';
        const firstShipped = results.findIndex((r) => !own(r));
        const shown = results.map((r) => `${r.zh} (${r.source.layer})`).join(' ');
        assert.equal(results[firstShipped]?.zh, zh, `${query}: ${shown}`);
        assert.equal(results[firstShipped].source.layer, 'curated', `${query}: the glossary before the dictionary`);
        assert.ok(results.slice(0, firstShipped).every(own), shown);
      }
      console.log(`      search index opened in ${api.searches.openMs?.toFixed(0)} ms (reading the file included)`);
    });

    test('"Copy English" puts the first English of the chosen term on the clipboard', async () => {
      const api = await activateExtension();
      await vscode.env.clipboard.writeText('');
      const { ran } = await openSearch(api, { query: 'ljjt', action: 'copyEnglish' }, 'ljjt');
      assert.equal((await acceptUntil(ran))?.zh, '力劲集团');
      assert.equal(await vscode.env.clipboard.readText(), 'L.K. Technology Holdings Limited');
    });

    test('the selection is the query, and "Insert" puts the chosen term in its place', async () => {
      const api = await activateExtension();
      const document = await vscode.workspace.openTextDocument({
        content: '调整 suomuli 参数\n',
        language: 'plaintext',
      });
      const editor = await vscode.window.showTextDocument(document);
      const start = document.getText().indexOf('suomuli');
      editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + 7));
      const { results, ran } = await openSearch(api, { action: 'insert' }, 'suomuli');
      assert.equal(results[0].zh, '锁模力');
      assert.equal((await acceptUntil(ran))?.zh, '锁模力');
      assert.equal(document.getText(), '调整 锁模力 参数\n');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('"Show entry" opens the entry as the hover writes it', async () => {
      const api = await activateExtension();
      const opened = nextEvent(vscode.workspace.onDidOpenTextDocument, (d) => d.uri.scheme === 'hanzi-gloss-entry');
      const { ran } = await openSearch(api, { query: 'clamping force', action: 'show' }, 'clamping force');
      assert.equal((await acceptUntil(ran))?.zh, '锁模力');
      const page = (await opened).getText();
      assert.match(page, /^\*\*锁模力\*\*.* — suǒ mú lì/);
      assert.match(page, /clamping force · locking force/);
      assert.match(page, /Source: Curated glossary/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });
}
