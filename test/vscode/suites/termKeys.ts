/**
 * Next / Previous Term and inline pinyin in a real VS Code, on the real-text fixtures (sources in
 * them): the keys land where the term list says the terms are and wrap at the ends; inline pinyin
 * is drawn for the visible lines only, with the readings the hover gives, and goes away when off.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TermStep } from '../../../src/vscode/features/termKeys';
import { activateExtension, glossHover, nextEvent, openFixture, plain } from './helpers';

const setting = (key: string, value: unknown) =>
  vscode.workspace.getConfiguration('hanziGloss').update(key, value, vscode.ConfigurationTarget.Global);

export function defineTermKeysSuite(): void {
  suite('Next / Previous Term', () => {
    test('step through the terms of a real line, back, and round both ends of the document', async () => {
      const api = await activateExtension();
      const editor = await openFixture('diecasting-orders.txt');
      const document = editor.document;
      // Where the terms are, from the term list (another path through the core than the keys').
      const starts = (await api.scans.terms(document, 'marks'))
        .flatMap((t) => t.occurrences.map((o) => o.start))
        .sort((a, b) => a - b);
      assert.ok(starts.length > 10, `${starts.length} term occurrences`);
      const at = (n: number) => document.positionAt(starts[n]);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      assert.equal(starts[0], 0, 'the first line starts with a term (海天金属)');
      const next = () => vscode.commands.executeCommand<TermStep | undefined>('hanziGloss.nextTerm');
      const previous = () => vscode.commands.executeCommand<TermStep | undefined>('hanziGloss.previousTerm');
      for (const n of [1, 2, 3]) {
        const step = await next();
        assert.deepEqual(editor.selection.active, at(n), `term ${n}: ${document.getText(step?.range)}`);
        assert.equal(step?.wrapped, false);
      }
      const landed = await previous();
      assert.deepEqual(editor.selection.active, at(2));
      // The gloss at the cursor is the term's the key landed on.
      const hover = await glossHover(document, editor.selection.active);
      const term = document.getText(landed?.range);
      assert.ok(hover && plain(hover).includes(term), `hover for ${term}: ${hover}`);

      // Past the last term: back to the first, told in the status bar (the step says wrapped).
      const last = document.positionAt(starts[starts.length - 1]);
      editor.selection = new vscode.Selection(last, last);
      const wrapped = await next();
      assert.deepEqual(editor.selection.active, at(0));
      assert.equal(wrapped?.wrapped, true);
      const back = await previous();
      assert.deepEqual(editor.selection.active, last);
      assert.equal(back?.wrapped, true);
      assert.ok(
        editor.visibleRanges.some((r) => r.contains(last)),
        'the target is revealed',
      );
    });
  });

  suite('Inline pinyin', () => {
    teardown(async () => {
      await setting('inlinePinyin', undefined);
      await setting('toneColors', undefined);
    });

    test("drawn for the visible lines only, with the hover's readings, tone colours, and off cleanly", async () => {
      const api = await activateExtension();
      const editor = await openFixture('traditional-phrases.txt');
      const document = editor.document;
      const drawnFor = (accept: () => boolean) =>
        nextEvent(api.inlinePinyin.onDidDraw, (e) => e === editor && accept(), 15_000, 'inline pinyin draw');
      const visible = () => editor.visibleRanges;
      const onVisibleLines = () =>
        api.inlinePinyin
          .drawnIn(editor)
          .pinyin.every((p) =>
            visible().some((r) => r.start.line <= p.range.start.line && p.range.start.line <= r.end.line),
          );
      const textOf = (zh: string) =>
        api.inlinePinyin.drawnIn(editor).pinyin.find((p) => document.getText(p.range) === zh)?.text;

      editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      let drawn = drawnFor(() => api.inlinePinyin.drawnIn(editor).pinyin.length > 0);
      await setting('inlinePinyin', 'words');
      await drawn;
      assert.ok(onVisibleLines(), 'nothing drawn outside the visible ranges');
      // A traditional passage near the top: 家裡飼養11隻貓 (ettoday.net).
      assert.equal(textOf('飼養'), 'sì yǎng');
      const machineLine = document.lineAt(document.positionAt(document.getText().indexOf('压铸机')).line);
      assert.ok(!visible().some((r) => r.contains(machineLine.range.start)), 'the 压铸机 line starts out of view');
      assert.equal(textOf('压铸机'), undefined, 'not drawn while out of view');

      drawn = drawnFor(() => textOf('压铸机') !== undefined);
      editor.revealRange(machineLine.range, vscode.TextEditorRevealType.AtTop);
      await drawn;
      assert.equal(textOf('压铸机'), 'yā zhù jī');
      const hover = await glossHover(
        document,
        machineLine.range.start.translate(0, machineLine.text.indexOf('压铸机')),
      );
      assert.ok(hover && plain(hover).includes('yā zhù'), 'the hover reads it the same way');
      assert.ok(onVisibleLines(), 'after the scroll, still only the visible lines');
      assert.equal(textOf('飼養'), undefined, 'the lines scrolled away are no longer drawn');

      drawn = drawnFor(() => (api.inlinePinyin.drawnIn(editor).tones.get(4)?.length ?? 0) > 0);
      await setting('toneColors', true);
      await drawn;
      const toneAt = (zh: string) => {
        const start = machineLine.range.start.translate(0, machineLine.text.indexOf(zh));
        return [...api.inlinePinyin.drawnIn(editor).tones].find(([, ranges]) =>
          ranges.some((r) => r.start.isEqual(start)),
        )?.[0];
      };
      assert.deepEqual(['压', '铸', '机'].map(toneAt), [1, 4, 1]);

      drawn = drawnFor(() => api.inlinePinyin.drawnIn(editor).pinyin.length === 0);
      await vscode.commands.executeCommand('hanziGloss.toggleInlinePinyin');
      await drawn;
      assert.equal(api.inlinePinyin.drawnIn(editor).tones.size, 0);
      assert.equal(vscode.workspace.getConfiguration('hanziGloss').get('inlinePinyin'), 'off');
      drawn = drawnFor(() => textOf('压铸机') !== undefined);
      await vscode.commands.executeCommand('hanziGloss.toggleInlinePinyin');
      await drawn;
      assert.equal(
        vscode.workspace.getConfiguration('hanziGloss').get('inlinePinyin'),
        'words',
        'back to the grouping it had',
      );
    });

    test('terms grouping draws glossary terms only', async () => {
      const api = await activateExtension();
      const editor = await openFixture('diecasting-orders.txt');
      editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      const drawn = nextEvent(
        api.inlinePinyin.onDidDraw,
        (e) => e === editor && api.inlinePinyin.drawnIn(e).pinyin.length > 0,
      );
      await setting('inlinePinyin', 'terms');
      await drawn;
      const texts = api.inlinePinyin.drawnIn(editor).pinyin.map((p) => editor.document.getText(p.range));
      const terms = new Set((await api.scans.terms(editor.document, 'marks')).map((t) => t.text));
      assert.ok(texts.length > 0 && texts.every((t) => terms.has(t)), texts.join('|'));
      assert.ok(texts.includes('压铸') || texts.includes('海天金属'), texts.join('|'));
    });
  });
}
