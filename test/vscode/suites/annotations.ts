import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HanziGlossApi } from '../../../src/extension';
import { activateExtension, nextEvent, workspaceFile } from './helpers';

const LINE_2 =
  '布勒：拓普集团1台，6000吨；爱柯迪2台，6000吨；泉峰汽车匈牙利工厂，2台6000吨；旭升集团，1台7000吨， 在谈9200吨。';

const checked = (api: HanziGlossApi, uri: vscode.Uri) =>
  nextEvent(api.qa.onDidCheck, (u) => u.toString() === uri.toString(), 10_000, 'annotation check');

/** Replaces the annotation line (line 1) of the editor's document. */
const setAnnotation = (editor: vscode.TextEditor, text: string) =>
  editor.edit((e) => e.replace(editor.document.lineAt(1).range, text));

export function defineAnnotationSuite(): void {
  suite('English annotations in a real VS Code', () => {
    test('Annotate Passage inserts the draft as a snippet, first tab stop selected; re-running refreshes', async () => {
      const api = await activateExtension();
      const uri = workspaceFile('annotate-me.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${LINE_2}\n\nnext paragraph\n`));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      editor.selection = new vscode.Selection(0, 3, 0, 3);
      await api.glossary.lexicon();
      await vscode.commands.executeCommand('hanziGloss.annotatePassage');
      const expected =
        'EN: Bühler Group: Tuopu Group 1 unit, 6,000 t; IKD 2 units, 6,000 t; Chervon Auto Hungary plant, 2 × 6,000 t; [Xusheng] Group, 1 × 7,000 t, under negotiation 9,200 t.';
      assert.equal(editor.document.lineAt(1).text, expected);
      assert.equal(editor.document.getText(editor.selection), 'Bühler Group', 'the first tab stop is the first term');
      await vscode.commands.executeCommand('leaveSnippet');
      await editor.edit((b) => b.replace(new vscode.Range(1, 4, 1, 16), 'someone'));
      editor.selection = new vscode.Selection(1, 0, 1, 0);
      await vscode.commands.executeCommand('hanziGloss.annotatePassage', { refresh: true });
      await vscode.commands.executeCommand('leaveSnippet');
      assert.equal(editor.document.lineAt(1).text, expected, 'the refreshed draft replaces the edited one');
      assert.equal(editor.document.lineCount, 5, 'no second annotation line');
    });

    test('a forbidden rendering is a diagnostic; its quick fix puts the approved one, and it goes', async () => {
      const api = await activateExtension();
      const uri = workspaceFile('annotate-me.txt');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const wrong = 'Buhler Industries';
      const first = checked(api, uri);
      await editor.edit((b) => b.replace(new vscode.Range(1, 4, 1, 16), wrong));
      await first;
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'forbidden-term');
      assert.equal(diagnostics.length, 1, JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message)));
      assert.equal(editor.document.getText(diagnostics[0].range), wrong);
      assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          diagnostics[0].range,
        )) ?? [];
      const fix = actions.find((a) => a.title === 'Replace with "Bühler AG"');
      assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
      const second = checked(api, uri);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await second;
      assert.match(editor.document.lineAt(1).text, /^EN: Bühler AG: Tuopu Group/);
      assert.deepEqual(
        vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'forbidden-term'),
        [],
      );
    });

    test('a changed number and leftover Chinese are diagnostics too', async () => {
      const api = await activateExtension();
      const uri = workspaceFile('annotate-me.txt');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const done = checked(api, uri);
      await editor.edit((b) =>
        b.replace(
          editor.document.lineAt(1).range,
          'EN: Bühler AG: 拓普 1 unit, 6,000 t; IKD 2 units, 6,000 t; Chervon Auto Hungary plant, 2 × 6,000 t; Xusheng Group, 1 × 7,000 t, under negotiation 9,000 t.',
        ),
      );
      await done;
      const codes = vscode.languages
        .getDiagnostics(uri)
        .map((d) => `${d.code}:${editor.document.getText(d.range).slice(0, 12)}`);
      assert.ok(codes.includes('untranslated:拓普'), codes.join(' | '));
      assert.ok(
        codes.some((c) => c.startsWith('number-mismatch:')),
        codes.join(' | '),
      );
      assert.ok(
        codes.some((c) => c.startsWith('missing-term:')),
        'Tuopu Group is missing',
      );
      // 9,000 is written only in the English (the Chinese has 8800吨): a warning at the number.
      const extra = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'extra-number');
      assert.equal(extra && editor.document.getText(extra.range), '9,000', codes.join(' | '));
      assert.equal(extra?.severity, vscode.DiagnosticSeverity.Warning);
      // With the Chinese left in selected, the missing term's fix puts its approved rendering there.
      const at = editor.document.lineAt(1).text.indexOf('拓普');
      const selected = new vscode.Range(1, at, 1, at + 2);
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          selected,
        )) ?? [];
      const put = actions.find((a) => a.title === 'Replace "拓普" with "Ningbo Tuopu Group Co., Ltd."');
      assert.ok(put?.edit, actions.map((a) => a.title).join(', '));
      const again = checked(api, uri);
      assert.ok(await vscode.workspace.applyEdit(put.edit));
      await again;
      assert.match(editor.document.lineAt(1).text, /^EN: Bühler AG: Ningbo Tuopu Group Co., Ltd. 1 unit/);
      const left = vscode.languages.getDiagnostics(uri).map((d) => `${d.code}:${d.message}`);
      assert.ok(!left.some((c) => c.startsWith('untranslated') || /Tuopu/.test(c)), left.join(' | '));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('inflected and hyphenated English raises nothing; an inflected forbidden rendering still does', async () => {
      const api = await activateExtension();
      const uri = workspaceFile('qa-forms.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('压铸机和模温机\nEN: x\n'));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await api.glossary.lexicon();
      // The opening check of "EN: x" (both terms missing) comes first: a later one would be taken for
      // the check of the English typed below.
      const opened = Date.now() + 10_000;
      while (vscode.languages.getDiagnostics(uri).length < 2 && Date.now() < opened) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const line = (english: string) => setAnnotation(editor, `EN: ${english}`);
      const natural = checked(api, uri);
      await line('die-casting machines and mould temperature controllers');
      await natural;
      const messages = () => vscode.languages.getDiagnostics(uri).map((d) => `${d.code}: ${d.message}`);
      assert.deepEqual(messages(), [], 'approved "die-casting machine" and "mould temperature controller"');
      const wrong = checked(api, uri);
      await line('die-casting machines and mold-temperature machines');
      await wrong;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'forbidden-term').map((d) => editor.document.getText(d.range)),
        ['mold-temperature machines'],
        messages().join(' | '),
      );
      // 模温机 now lacks an approved rendering too; 压铸机 still has one.
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'missing-term').map((d) => /压铸机|模温机/.exec(d.message)?.[0]),
        ['模温机'],
        messages().join(' | '),
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('Add as approved rendering: the words go to the workspace glossary, the diagnostic goes', async () => {
      const api = await activateExtension();
      const uri = workspaceFile('approve-me.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('压室\nEN: cold-chamber sleeve\n'));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await checked(api, uri);
      const missing = () =>
        vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'missing-term' && /压室/.test(d.message));
      assert.equal(missing().length, 1, 'the curated 压室 is "shot sleeve"');
      const words = new vscode.Range(1, 4, 1, 23);
      assert.equal(editor.document.getText(words), 'cold-chamber sleeve');
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, words)) ??
        [];
      const approve = actions.find((a) => a.title === 'Add "cold-chamber sleeve" as an approved rendering of 压室');
      assert.ok(approve?.command, actions.map((a) => a.title).join(', '));
      const rechecked = checked(api, uri);
      const entry = await vscode.commands.executeCommand<{ id: string; en: string[]; forbidden?: string[] }>(
        approve.command.command,
        ...(approve.command.arguments ?? []),
      );
      await rechecked;
      assert.deepEqual(missing(), []);
      // Written to the workspace layer's file (whichever it is in this run), as the reload read it from disk.
      const file = api.glossary.editableFiles.find(
        (f) => f.layer === 'workspace' && f.good?.glossary.entries.some((e) => e.zh === '压室'),
      );
      const written = file?.good?.glossary.entries.find((e) => e.zh === '压室');
      assert.deepEqual(written?.en, ['shot sleeve', 'shot chamber', 'cold-chamber sleeve']);
      // What the curated entry forbids is kept: "pressure chamber" is still flagged.
      assert.deepEqual(written?.forbidden, ['pressure chamber', 'pressing room']);
      const flagged = checked(api, uri);
      await editor.edit((b) => b.replace(editor.document.lineAt(1).range, 'EN: pressure chamber'));
      await flagged;
      assert.ok(vscode.languages.getDiagnostics(uri).some((d) => d.code === 'forbidden-term'));
      await vscode.commands.executeCommand('hanziGloss.removeEntry', { id: entry?.id, target: 'workspace' });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('a forbidden rendering can be approved, offered once; Undo puts it back unless it changed', async () => {
      const api = await activateExtension();
      // The corpus's Wencan line (vzkoo.com, 2022-12-13) with its injected error: 试模 as "test model".
      const corpus = JSON.parse(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('qa/corpus.json'))),
      );
      const line = corpus.lines.find((l: { source: string }) => l.source === 'vzkoo-wencan-2022');
      assert.equal(line.injected.code, 'forbidden-term');
      const uri = workspaceFile('approve-forbidden.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${line.zh}\nEN: ${line.injected.en}\n`));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await checked(api, uri);
      const ofShiMu = () => vscode.languages.getDiagnostics(uri).filter((d) => /试模/.test(d.message));
      const forbidden = ofShiMu().find((d) => d.code === 'forbidden-term');
      assert.ok(
        forbidden,
        ofShiMu()
          .map((d) => d.message)
          .join(' | '),
      );
      assert.equal(editor.document.getText(forbidden.range), 'test model');
      const titles = async (range: vscode.Range) =>
        (
          (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ??
          []
        ).map((a) => a.title);
      const approve = 'Add "test model" as an approved rendering of 试模';
      // As the Problems panel asks (the problem's range): the forbidden rendering's fixes, each once.
      const fromPanel = await titles(forbidden.range);
      assert.deepEqual(
        fromPanel.filter((t) => /die trial|test model/.test(t)),
        ['Replace with "die trial"', approve],
        fromPanel.join(' | '),
      );
      // As Ctrl+. with the cursor in the words asks: offered too.
      assert.ok(
        (
          await titles(new vscode.Range(1, forbidden.range.start.character + 2, 1, forbidden.range.start.character + 2))
        ).includes(approve),
      );
      const glossaryUri = api.glossary.workspaceGlossaryUris().find((u) => /\.jsonc?$/i.test(u.path))!;
      // An earlier test may have left the glossary open in an editor: its text is the newest then.
      const read = async () => {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === glossaryUri.toString());
        if (open) return open.getText();
        try {
          return new TextDecoder().decode(await vscode.workspace.fs.readFile(glossaryUri));
        } catch {
          return undefined;
        }
      };
      const entriesOf = (text: string | undefined) => (text ? JSON.parse(text).entries : []);
      const before = await read();
      const approved = checked(api, uri);
      const args = { zh: '试模', rendering: 'test model' };
      const entry = await vscode.commands.executeCommand<{ id: string; en: string[]; forbidden?: string[] }>(
        'hanziGloss.approveRendering',
        args,
      );
      await approved;
      assert.deepEqual(entry?.en, ['die trial', 'tool tryout', 'sampling', 'test model']);
      assert.deepEqual(entry?.forbidden, ['trial model'], 'taken off the forbidden list, the rest kept');
      assert.deepEqual(ofShiMu(), [], 'neither forbidden nor missing now');
      // Undo: the file's entries as before, the problem back.
      const undone = checked(api, uri);
      assert.equal(await vscode.commands.executeCommand('hanziGloss.undoApproveRendering', args), true);
      await undone;
      assert.deepEqual(entriesOf(await read()), entriesOf(before));
      assert.ok(ofShiMu().some((d) => d.code === 'forbidden-term'));
      assert.equal(await vscode.commands.executeCommand('hanziGloss.undoApproveRendering', args), false, 'once');
      // An approval whose entry the user has edited since is not undone: the edit stays.
      const again = await vscode.commands.executeCommand<{ id: string }>('hanziGloss.approveRendering', args);
      const mine = ['die trial', 'test model', 'trial run'];
      await vscode.commands.executeCommand('hanziGloss.editEntry', { id: again?.id, en: mine, target: 'workspace' });
      assert.equal(await vscode.commands.executeCommand('hanziGloss.undoApproveRendering', args), false);
      assert.deepEqual(entriesOf(await read()).find((e: { zh: string }) => e.zh === '试模')?.en, mine);
      await vscode.commands.executeCommand('hanziGloss.removeEntry', { id: again?.id, target: 'workspace' });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('Export Bilingual Document writes HTML with ruby pinyin and the annotations', async () => {
      const uri = workspaceFile('bilingual.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('压铸<工厂>\nEN: die casting <plant>\n'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const out = workspaceFile('bilingual.html');
      await vscode.commands.executeCommand('hanziGloss.exportBilingual', { file: out.fsPath });
      const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(out));
      assert.match(html, /<ruby>压<rt>yā<\/rt><\/ruby><ruby>铸<rt>zhù<\/rt><\/ruby>&lt;<ruby>工<rt>gōng<\/rt><\/ruby>/);
      assert.match(html, /<td class="en" lang="en">die casting &lt;plant&gt;<\/td>/);
      assert.match(
        html,
        /<td lang="zh-Hans">压铸<\/td><td>yā zhù<\/td><td>die casting; die-cast; high-pressure die casting<\/td>/,
      );
    });
  });
}

export function defineSidecarSuite(): void {
  suite('Sidecar notes in a real VS Code', () => {
    const placed = async (api: HanziGlossApi, document: vscode.TextDocument) =>
      (await api.notes.anchored(document)).map((a) => [a.line, a.stale, a.note.text]);
    const updated = (api: HanziGlossApi, uri: vscode.Uri) =>
      nextEvent(api.notes.onDidUpdate, (u) => u.toString() === uri.toString(), 10_000, 'sidecar update');

    test('a note follows its passage, turns stale when the Chinese changes, converts to inline and back', async () => {
      const api = await activateExtension();
      const uri = workspaceFile('vendor-thread.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`Thread title\n${LINE_2}\nEnglish reply\n`));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      editor.selection = new vscode.Selection(1, 0, 1, 0);
      const qaDone = checked(api, uri);
      await vscode.commands.executeCommand('hanziGloss.addSidecarNote', {
        text: 'Bühler orders from Tuopu, IKD, Chervon, Xusheng',
      });
      await qaDone;
      const noteProblems = vscode.languages.getDiagnostics(uri).filter((d) => d.message.startsWith('Sidecar note:'));
      assert.ok(
        noteProblems.some((d) => d.code === 'number-mismatch' && d.range.start.line === 1),
        'the note is checked like an inline annotation: its numbers are missing',
      );
      assert.deepEqual(await placed(api, editor.document), [
        [1, false, 'Bühler orders from Tuopu, IKD, Chervon, Xusheng'],
      ]);
      const sidecar = JSON.parse(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('.hanzi-gloss/annotations.json'))),
      );
      assert.deepEqual(sidecar, {
        version: 1,
        notes: [
          {
            file: 'vendor-thread.txt',
            line: 1,
            chinese: LINE_2,
            text: 'Bühler orders from Tuopu, IKD, Chervon, Xusheng',
          },
        ],
      });

      let moved = updated(api, uri);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'inserted line one\ninserted line two\n'));
      await moved;
      assert.deepEqual(await placed(api, editor.document), [
        [3, false, 'Bühler orders from Tuopu, IKD, Chervon, Xusheng'],
      ]);

      moved = updated(api, uri);
      await editor.edit((b) => b.replace(new vscode.Range(3, 0, 3, 2), '海天'));
      await moved;
      assert.deepEqual((await placed(api, editor.document))[0].slice(0, 2), [3, true]);
      const hover = (
        (await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          uri,
          new vscode.Position(3, 0),
        )) ?? []
      )
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      assert.match(hover, /Sidecar note\*\* — stale/);

      await vscode.commands.executeCommand('hanziGloss.editSidecarNote', { line: 3, text: 'Haitian orders' });
      assert.deepEqual(await placed(api, editor.document), [[3, false, 'Haitian orders']]);
      await vscode.commands.executeCommand('hanziGloss.sidecarNoteToInline', { line: 3 });
      assert.equal(editor.document.lineAt(4).text, 'EN: Haitian orders');
      assert.deepEqual(await placed(api, editor.document), []);
      await vscode.commands.executeCommand('hanziGloss.inlineToSidecarNote', { line: 4 });
      assert.equal(editor.document.lineAt(4).text, 'English reply', 'the annotation line is gone');
      assert.deepEqual(await placed(api, editor.document), [[3, false, 'Haitian orders']]);
      await vscode.commands.executeCommand('hanziGloss.removeSidecarNote', { line: 3 });
      assert.deepEqual(await placed(api, editor.document), []);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });
}
