import * as assert from 'node:assert/strict';
import { PerformanceObserver } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { hanWidthAt } from '../../../src/core/text/detect';
import { activateExtension, glossHover, nextEvent, workspaceFile } from './helpers';

/** ~20 MB of forum-dump-like text: the die-casting lines and English prose, numbered, over a million Han characters. */
function largeText(fixture: string, forum: string): string {
  const chinese = fixture.split('\n').filter((l) => l.trim());
  const english = forum.split('\n').filter((l) => l.trim().length > 40);
  const lines: string[] = [];
  let bytes = 0;
  for (let k = 0; bytes < 20 * 1024 * 1024; k++) {
    const line = k % 3 === 2 ? english[k % english.length] : `${k}. ${chinese[k % chinese.length]}`;
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n') + '\n';
}

export function defineLargeFileSuite(): void {
  suite('A 20 MB document in a real VS Code', () => {
    test('open, scan, type and hover without blocking the extension host for 50 ms', async function () {
      this.timeout(300_000);
      const api = await activateExtension();
      await api.glossary.lexicon();
      const read = async (name: string) =>
        new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(name)));
      let text: string | undefined = largeText(await read('diecasting-orders.txt'), await read('forum-thread.txt'));
      // Counted in place: a regex match list of 3 million one-character strings would leave the
      // garbage collector (which runs on the extension host's thread) work during the measured scan.
      let han = 0;
      for (let i = 0; i < text.length; i++) if (hanWidthAt(text, i) > 0) han++;
      assert.ok(han > 1_000_000, `${han} Han characters`);
      const megabytes = Buffer.byteLength(text) / 1048576;
      const uri = workspaceFile('large-dump.txt');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      text = undefined;
      api.tasks.reset();
      // Garbage-collection pauses on this thread, to tell in the report what a long task was made of.
      const pauses: { start: number; end: number; kind: number }[] = [];
      const gcObserver = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const kind = (e as { detail?: { kind?: number } }).detail?.kind ?? 0;
          pauses.push({ start: e.startTime, end: e.startTime + e.duration, kind });
        }
      });
      gcObserver.observe({ entryTypes: ['gc'] });
      // The side bar open: its Terms view collects the file's terms after each pause in the typing below.
      await vscode.commands.executeCommand('workbench.view.extension.hanziGloss');
      const started = Date.now();
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const document = editor.document;
      const first = await api.scans.summary(document);
      console.log(
        `large file: ${megabytes.toFixed(1)} MB, ${han.toLocaleString('en')} Han characters, ${document.lineCount.toLocaleString('en')} lines; first scan ${Date.now() - started} ms: ${first.passages} passages, ${first.terms} terms`,
      );
      assert.ok(first.passages > 60_000 && first.terms > 1_000_000, JSON.stringify(first));

      // Type like a person: several edits at different places. Line 10 is Chinese (the insertion
      // joins its passage), lines 2 and 5 English (a new passage at the start of line 2, and a new
      // line before line 5), line 50,000 gets a letter (no new passage).
      for (const [line, insert] of [
        [10, '压铸'],
        [2, '开模，'],
        [5, 'New line 新行\n'],
        [50_000, 'x'],
      ] as const) {
        await editor.edit((b) => b.insert(new vscode.Position(line, 0), insert));
      }
      const after = await new Promise<{ passages: number; terms: number; version: number }>((resolve) => {
        const sub = api.scans.onDidScan((s) => {
          if (s.uri === document.uri.toString() && s.version === document.version) {
            sub.dispose();
            resolve(s);
          }
        });
      });
      assert.equal(after.passages, first.passages + 2, 'two new passages: at the start of line 2 and on the new line');
      assert.ok(after.terms >= first.terms + 2, `terms after typing: ${after.terms}`);

      for (let k = 0; k < 20; k++) {
        const line = Math.floor((k / 20) * document.lineCount);
        const lineText = document.lineAt(line).text;
        const at = lineText.search(/[\u4e00-\u9fff]/);
        if (at >= 0) assert.ok(await glossHover(document, new vscode.Position(line, at)), `hover on line ${line + 1}`);
      }
      // Inline pinyin on (every word, tone colours), scrolled through the file: each screen is drawn
      // for its visible lines only, a time slice at a time (the budget below covers these tasks too).
      const config = vscode.workspace.getConfiguration('hanziGloss');
      await config.update('toneColors', true, vscode.ConfigurationTarget.Global);
      try {
        for (let k = 0; k <= 20; k++) {
          const line = Math.floor((k / 20) * (document.lineCount - 100));
          const shown = (e: vscode.TextEditor) =>
            e === editor && api.inlinePinyin.drawnIn(e).pinyin.some((p) => Math.abs(p.range.start.line - line) < 60);
          const drawn = nextEvent(api.inlinePinyin.onDidDraw, shown, 20_000, `inline pinyin near line ${line}`);
          editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
          if (k === 0) await config.update('inlinePinyin', 'words', vscode.ConfigurationTarget.Global);
          await drawn;
          const visible = editor.visibleRanges;
          const outside = api.inlinePinyin
            .drawnIn(editor)
            .pinyin.filter(
              (p) => !visible.some((r) => r.start.line <= p.range.start.line && p.range.start.line <= r.end.line),
            );
          assert.equal(outside.length, 0, `drawn outside the visible lines near line ${line}`);
        }
      } finally {
        await config.update('inlinePinyin', undefined, vscode.ConfigurationTarget.Global);
        await config.update('toneColors', undefined, vscode.ConfigurationTarget.Global);
      }
      // Next / Previous Term across the ends of the file: from the middle of the last line of
      // Chinese round to the first term, and back (the scans' counts skip lines without terms).
      editor.selection = new vscode.Selection(document.lineCount - 1, 0, document.lineCount - 1, 0);
      const round = await vscode.commands.executeCommand<{ wrapped: boolean } | undefined>('hanziGloss.nextTerm');
      assert.equal(round?.wrapped, true, 'past the last term, round to the first');
      const back = await vscode.commands.executeCommand<{ wrapped: boolean } | undefined>('hanziGloss.previousTerm');
      assert.equal(back?.wrapped, true, 'before the first term, round to the last');
      assert.ok(editor.selection.active.line > document.lineCount - 10, `last term at ${editor.selection.active.line}`);
      // The Terms view caught up with the last edit, and choosing a term there goes round the end too.
      const current = (v: typeof api.views.terms.shown) => v?.document === document && v.version === document.version;
      const viewed = current(api.views.terms.shown)
        ? api.views.terms.shown
        : await nextEvent(api.views.terms.onDidRefresh, current, 120_000, 'the Terms view of the large file');
      assert.ok(
        viewed?.domains.some((d) => d.key === 'die-casting'),
        'the view lists the die-casting terms',
      );
      editor.selection = new vscode.Selection(document.lineCount - 1, 0, document.lineCount - 1, 0);
      const chosen = await vscode.commands.executeCommand<{ wrapped: boolean; range: vscode.Range } | undefined>(
        'hanziGloss.revealTerm',
        { text: '压铸' },
      );
      assert.equal(chosen?.wrapped, true, 'past the last 压铸, round to the first');
      assert.ok(editor.selection.active.line < 100, `first 压铸 at line ${editor.selection.active.line}`);
      const inline = api.tasks.stats.get('inline pinyin slice');
      assert.ok(inline, 'inline pinyin was drawn');
      console.log(`inline pinyin: longest slice ${inline.maxBusyMs.toFixed(1)} ms busy`);
      const terms = await api.scans.terms(document, 'marks');
      assert.ok(
        ['压铸', '力劲', '海天金属', '开模'].every((t) => terms.some((x) => x.text === t)),
        terms.map((t) => t.text).join(),
      );
      const { longestMs, longestName, longestCpuMs, longestCpuName, longestBusyMs, longestBusyName } = api.tasks;
      console.log(
        `longest synchronous task of the extension: ${longestMs.toFixed(1)} ms of wall time (${longestName}); ` +
          `${longestCpuMs.toFixed(1)} ms of ${api.tasks.cpuClock.kind} CPU time (${longestCpuName}); ` +
          `${longestBusyMs.toFixed(1)} ms busy, the lesser of the two (${longestBusyName})`,
      );
      for (const line of api.tasks.report()) console.log(`  ${line}`);
      gcObserver.disconnect();
      const run = api.tasks.stats.get(longestBusyName)?.maxBusyRun ?? { index: 0, start: 0, end: 0 };
      const inside = pauses.filter((p) => p.end > run.start && p.start < run.end);
      const gcMs = inside.reduce((sum, p) => sum + Math.min(p.end, run.end) - Math.max(p.start, run.start), 0);
      const longestPause = Math.max(0, ...pauses.map((p) => p.end - p.start));
      console.log(
        `garbage collection on the host's thread: ${pauses.length} pauses, longest ${longestPause.toFixed(1)} ms; ` +
          `${gcMs.toFixed(1)} ms of them inside the longest task (run #${run.index} of ${longestBusyName})`,
      );
      assert.ok(
        longestBusyMs < 50,
        `a task kept the extension host busy for ${longestBusyMs.toFixed(1)} ms (${longestBusyName})`,
      );
      // Third-party dictionaries loaded once per session in idle time (pinyin-pro's cannot be sliced).
      for (const [name, s] of api.tasks.stats) {
        if (s.oneTime) assert.ok(s.maxBusyMs < 250, `one-time load ${name} kept the host busy ${s.maxBusyMs} ms`);
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.view.explorer');
    });
  });
}
