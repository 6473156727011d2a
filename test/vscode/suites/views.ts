/**
 * The side bar's views in a real VS Code: what each shows on the sample (the die-casting order
 * notes of the fixtures) and on files written here, and what choosing an item does.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HanziGlossApi } from '../../../src/extension';
import type { TermNode } from '../../../src/vscode/features/termsView';
import type { EntryNode, GlossaryNode } from '../../../src/vscode/features/glossariesView';
import { activateExtension, nextEvent, openFixture, positionOf, workspaceFile } from './helpers';

const LINE_2 =
  '布勒：拓普集团1台，6000吨；爱柯迪2台，6000吨；泉峰汽车匈牙利工厂，2台6000吨；旭升集团，1台7000吨， 在谈9200吨。';
const FORBIDDEN =
  'EN: Buhler Industries: Tuopu Group 1 unit, 6,000 t; IKD 2 units, 6,000 t; Chervon Auto Hungary plant, 2 × 6,000 t; Xusheng Group, 1 × 7,000 t, under negotiation 9,200 t.';
const NOTED = '吉利：极氪009是自己压铸， 用的力劲8000吨机器，德国HNB公司开模，在宁波加工。';

/** The Terms view's node of `text`, wherever it is grouped. */
function findTerm(
  view: HanziGlossApi['views']['terms'],
  text: string,
  nodes = view.getChildren(),
): TermNode | undefined {
  for (const n of nodes) {
    const found = n.kind === 'term' ? (n.row.text === text ? n : undefined) : findTerm(view, text, view.getChildren(n));
    if (found) return found;
  }
  return undefined;
}

const reload = (api: HanziGlossApi) => nextEvent(api.glossary.onDidChange, () => true, 10_000, 'glossary reload');

export function defineViewsSuite(): void {
  suite('The Hanzi Gloss side bar in a real VS Code', () => {
    let api: HanziGlossApi;
    const termNode = (text: string) => {
      const node = findTerm(api.views.terms, text);
      assert.ok(node, `${text} in the Terms view`);
      return node;
    };
    suiteSetup(async () => {
      api = await activateExtension();
      await api.glossary.lexicon();
    });
    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.view.explorer');
    });

    test('Terms in This Document: the sample by domain and category, with pinyin, English and counts', async () => {
      const editor = await openFixture('diecasting-orders.txt');
      const shown = nextEvent(
        api.views.terms.onDidRefresh,
        (s) => s?.document === editor.document,
        20_000,
        'terms view refresh',
      );
      // Opening the side bar shows the view: it collects the active document's terms then.
      await vscode.commands.executeCommand('workbench.view.extension.hanziGloss');
      await shown;
      const view = api.views.terms;
      const domains = view.getChildren();
      const domainOf = (key: string) => domains.find((d) => d.kind === 'domain' && d.domain.key === key);
      const dieCasting = domainOf('die-casting');
      assert.ok(dieCasting, domains.map((d) => (d.kind === 'domain' ? d.domain.key : d.kind)).join());
      assert.equal(view.getTreeItem(dieCasting).label, 'Die casting');
      const terms = (nodes: TermNode[]): TermNode[] =>
        nodes.flatMap((n) => (n.kind === 'term' ? [n] : terms(view.getChildren(n))));
      const all = terms(domains);
      const shownTerms = view.shown?.domains.reduce((n, d) => n + d.terms, 0);
      assert.equal(all.length, shownTerms, 'every term under some group');
      const process = view.getChildren(dieCasting).find((n) => n.kind === 'category' && n.category.key === 'process');
      assert.ok(process, 'the process category of die casting');
      const yazhu = view.getChildren(process).find((n) => n.kind === 'term' && n.row.text === '压铸');
      assert.ok(yazhu, '压铸 under die casting / process');
      assert.match(String(view.getTreeItem(yazhu).description), /^yā zhù — die casting; die-cast; .* \(1×\)$/);
      const zaitan = all.find((n) => n.kind === 'term' && n.row.text === '在谈');
      assert.ok(zaitan);
      assert.equal(editor.document.getText().split('在谈').length - 1, 4);
      assert.match(String(view.getTreeItem(zaitan).description), /^zài tán — under negotiation.* \(4×\)$/);
      assert.equal(view.getTreeItem(zaitan).command?.command, 'hanziGloss.revealTerm');
    });

    test('choosing a term selects its next occurrence after the cursor, round the end', async () => {
      const editor = await openFixture('diecasting-orders.txt');
      const document = editor.document;
      await api.views.terms.refresh();
      const item = api.views.terms.getTreeItem(termNode('在谈'));
      const choose = async () => {
        const command = item.command;
        assert.ok(command);
        return vscode.commands.executeCommand<{ index: number; wrapped: boolean } | undefined>(
          command.command,
          ...(command.arguments ?? []),
        );
      };
      const at = (nth: number) =>
        new vscode.Range(positionOf(document, '在谈', nth), positionOf(document, '在谈', nth).translate(0, 2));
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      for (const nth of [0, 1, 2, 3]) {
        const went = await choose();
        assert.deepEqual({ index: went?.index, wrapped: went?.wrapped }, { index: nth, wrapped: false });
        assert.ok(editor.selection.isEqual(at(nth)), `occurrence ${nth} selected: ${JSON.stringify(editor.selection)}`);
      }
      const round = await choose();
      assert.deepEqual({ index: round?.index, wrapped: round?.wrapped }, { index: 0, wrapped: true });
      assert.ok(editor.selection.isEqual(at(0)));
      // From a cursor between the second and third: the third.
      editor.selection = new vscode.Selection(at(1).end, at(1).end);
      assert.equal((await choose())?.index, 2);
      // After an edit the list is collected again before the step: the occurrence is where the text is now.
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '在谈'));
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const first = await choose();
      assert.deepEqual({ index: first?.index, wrapped: first?.wrapped }, { index: 0, wrapped: false });
      assert.ok(editor.selection.isEqual(new vscode.Range(0, 0, 0, 2)));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('Glossaries: layers, files, domains, entries; own entries editable; CC-CEDICT one node', async () => {
      const view = api.views.glossaries;
      const layers = await view.getChildren();
      assert.deepEqual(
        layers.map((n) => (n.kind === 'layer' ? n.layer : n.kind)),
        ['workspace', 'user', 'curated', 'cedict'],
      );
      const layer = (name: string) => layers.find((n) => n.kind === 'layer' && n.layer === name)!;
      const cedict = view.getTreeItem(layer('cedict'));
      const count = Number(/^([\d,]+) entries/.exec(String(cedict.description))?.[1].replace(/,/g, ''));
      assert.ok(count > 120_000 && count < 130_000, String(cedict.description));
      assert.equal(cedict.command?.command, 'hanziGloss.searchGlossary');
      assert.deepEqual(await view.getChildren(layer('cedict')), []);
      const curatedFiles = await view.getChildren(layer('curated'));
      assert.equal(curatedFiles.length, 10);
      const dieCastingFile = curatedFiles.find((f) => f.kind === 'file' && /die-casting\.json/.test(f.label));
      assert.ok(dieCastingFile);
      const [domain] = await view.getChildren(dieCastingFile);
      assert.equal(view.getTreeItem(domain).label, 'Die casting');
      const curatedEntry = (await view.getChildren(domain)).find((e) => e.kind === 'entry' && e.zh === '压铸');
      assert.ok(curatedEntry?.kind === 'entry');
      assert.equal(view.getTreeItem(curatedEntry).contextValue, 'hanziGloss.entry', 'curated entries are read-only');
      assert.equal(curatedEntry.target, undefined);
      assert.equal(
        view.getTreeItem(curatedEntry).description,
        'yā zhù — die casting; die-cast; high-pressure die casting',
      );
    });

    test('no workspace glossary: a create item; Create Workspace Glossary writes an empty one, opens it', async () => {
      const view = api.views.glossaries;
      // A path of its own (an earlier suite's .vscode/hanzi-gloss.json may be open in the editor): the
      // workspace's setting names a file that does not exist, so the workspace has no glossary.
      const file = workspaceFile('.vscode/views-glossary.json');
      const config = vscode.workspace.getConfiguration('hanziGloss');
      try {
        const moved = reload(api);
        await config.update(
          'glossaries.workspace',
          ['.vscode/views-glossary.json'],
          vscode.ConfigurationTarget.Workspace,
        );
        await moved;
        assert.equal(view.hasWorkspaceGlossary(), false);
        const workspaceLayer = (await view.getChildren())[0];
        const [create] = await view.getChildren(workspaceLayer);
        assert.equal(create?.kind, 'create');
        const createItem = view.getTreeItem(create);
        assert.equal(createItem.command?.command, 'hanziGloss.createWorkspaceGlossary');
        const uri = await vscode.commands.executeCommand<vscode.Uri>(createItem.command.command);
        assert.equal(uri?.toString(), file.toString());
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file.toString(), 'the new file is open');
        assert.deepEqual(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))), {
          name: 'Workspace glossary',
          entries: [],
        });
        assert.equal(view.hasWorkspaceGlossary(), true);
        const [fileNode] = await view.getChildren((await view.getChildren())[0]);
        assert.equal(fileNode.kind, 'file');

        // An entry of the user's: its node is what the entry commands take.
        await vscode.commands.executeCommand('hanziGloss.addEntry', {
          zh: '开模',
          pinyin: 'kāi mú',
          en: ['die opening'],
          domain: 'die-casting',
          target: 'workspace',
        });
        const files = await view.getChildren((await view.getChildren())[0]);
        const [domain] = await view.getChildren(files[0]);
        const [entry] = (await view.getChildren(domain)) as GlossaryNode[];
        assert.equal(entry.kind, 'entry');
        const own = entry as EntryNode;
        assert.equal(view.getTreeItem(own).contextValue, 'hanziGloss.ownEntry');
        assert.deepEqual({ zh: own.zh, target: own.target }, { zh: '开模', target: file.toString() });
        assert.ok(!('en' in own) && !('id' in own), 'no field the edit would take as the new entry');
        // The node with new renderings (as the edit's input boxes would give them) edits that entry.
        await vscode.commands.executeCommand('hanziGloss.editEntry', { ...own, en: ['mould opening'] });
        // The file is open (the create command opened it): edits go to its editor, unsaved changes kept.
        const saved = JSON.parse((await vscode.workspace.openTextDocument(file)).getText());
        assert.deepEqual(saved.entries[0].en, ['mould opening']);
        const editor = await vscode.commands.executeCommand<vscode.TextEditor>('hanziGloss.revealEntryInFile', own);
        assert.equal(editor?.document.uri.toString(), file.toString());
        assert.ok(editor && JSON.parse(editor.document.getText(editor.selection)).zh === '开模', 'the entry selected');
      } finally {
        // Saved first: closing an editor with unsaved changes would ask.
        await vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString())?.save();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const back = reload(api);
        await config.update('glossaries.workspace', undefined, vscode.ConfigurationTarget.Workspace);
        await back;
        await Promise.resolve(vscode.workspace.fs.delete(file)).catch(() => undefined);
      }
    });

    test('Annotations: inline annotations and sidecar notes with their QA problems and stale state', async () => {
      const uri = workspaceFile('views-annotated.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${LINE_2}\n${FORBIDDEN}\n\n${NOTED}\n`));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const checked = () => nextEvent(api.qa.onDidCheck, (u) => u.toString() === uri.toString(), 10_000, 'QA check');
      let done = checked();
      await vscode.commands.executeCommand('hanziGloss.addSidecarNote', { line: 3, text: 'Geely: ZEEKR 009' });
      await done;
      let shown = await api.views.annotations.refresh();
      assert.deepEqual(
        shown?.items.map((i) => [i.kind, i.line, i.stale]),
        [
          ['inline', 1, false],
          ['note', 3, false],
        ],
      );
      const diagnosed = vscode.languages.getDiagnostics(uri).filter((d) => d.range.start.line === 1);
      assert.ok(diagnosed.some((d) => d.code === 'forbidden-term'));
      const inline = shown!.items[0];
      assert.equal(inline.problemCount, diagnosed.length);
      assert.equal(
        inline.problems.error,
        diagnosed.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
      );
      assert.match(String(api.views.annotations.getTreeItem(inline).description), /^line 2 · \d+ problem\(s\)$/);

      // The noted passage changes: the note is stale.
      done = checked();
      await editor.edit((b) => b.replace(editor.document.lineAt(3).range, '吉利：另一个句子。'));
      await done;
      shown = await api.views.annotations.refresh();
      const note = shown?.items.find((i) => i.kind === 'note');
      assert.equal(note?.stale, true);
      assert.equal(note?.writtenFor, NOTED);
      assert.match(String(api.views.annotations.getTreeItem(note).description), /stale/);

      // Choosing the inline annotation selects its text.
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const command = api.views.annotations.getTreeItem(inline).command!;
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      assert.equal(editor.document.getText(editor.selection), FORBIDDEN.slice(4));
      await vscode.commands.executeCommand('hanziGloss.removeSidecarNote', { line: 3 });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    });
  });
}
