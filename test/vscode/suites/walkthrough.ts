/**
 * The walkthrough in a real VS Code: it is contributed with its steps, images and buttons; every
 * button's command exists and does its step on the bundled sample; the steps that wait for the user
 * are marked done by what the user does (a gloss shown, a QA problem fixed). And the hover's pinyin
 * takes the tone colours when hanziGloss.toneColors is on.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SAMPLE_STEPS, stepKey, WALKTHROUGH_ID } from '../../../src/vscode/features/walkthrough';
import { activateExtension, EXTENSION_ID, glossHover, nextEvent, openFixture, positionOf } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image: string; altText: string };
  completionEvents: string[];
}

const ext = () => vscode.extensions.getExtension(EXTENSION_ID)!;

/** A manifest text as VS Code shows it in English (the %key% looked up when the manifest still has it). */
async function shown(text: string): Promise<string> {
  const key = /^%(.+)%$/.exec(text)?.[1];
  if (!key) return text;
  const nls = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext().extensionUri, 'package.nls.json'));
  return JSON.parse(new TextDecoder().decode(nls))[key];
}

/** The command links of a step's description: the command and its decoded arguments. */
function links(description: string): { command: string; args: unknown[] }[] {
  return [...description.matchAll(/\]\(command:([\w.]+)(?:\?([^)]+))?\)/g)].map((m) => ({
    command: m[1],
    args: m[2] ? JSON.parse(decodeURIComponent(m[2])) : [],
  }));
}

const openSample = (step: string) => vscode.commands.executeCommand<void>('hanziGloss.openSample', step);

/** Closes the quick input until `ran` settles (the input may open after the first close). */
async function cancelUntil<T>(ran: Thenable<T>): Promise<T> {
  let done = false;
  const finished = Promise.resolve(ran).finally(() => (done = true));
  for (let attempt = 0; attempt < 50 && !done; attempt++) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await Promise.race([finished, new Promise((r) => setTimeout(r, 100))]);
  }
  return finished;
}

export function defineWalkthroughSuite(): void {
  suite('Walkthrough', () => {
    test('it is contributed with five steps, each with an image, a button and completion events', async () => {
      await activateExtension();
      const walkthroughs = ext().packageJSON.contributes.walkthroughs as { id: string; steps: Step[] }[];
      const walkthrough = walkthroughs.find((w) => w.id === WALKTHROUGH_ID);
      assert.ok(walkthrough, `walkthrough ${EXTENSION_ID}#${WALKTHROUGH_ID}`);
      assert.deepEqual(
        walkthrough.steps.map((s) => s.id),
        ['hover', 'addEntry', 'annotate', 'qa', 'search'],
      );
      const commands = new Set(await vscode.commands.getCommands(true));
      for (const step of walkthrough.steps) {
        const image = vscode.Uri.joinPath(ext().extensionUri, step.media.image);
        const { size } = await vscode.workspace.fs.stat(image);
        assert.ok(size > 10_000, `${step.media.image} is a real screenshot (${size} bytes)`);
        assert.ok((await shown(step.media.altText)).length > 20, `${step.id} has an alt text`);
        const buttons = links(await shown(step.description));
        assert.ok(buttons.length > 0, `${step.id} has a button`);
        for (const { command, args } of buttons) {
          assert.ok(commands.has(command), `${command} exists`);
          assert.equal(command, 'hanziGloss.openSample');
          assert.ok(SAMPLE_STEPS.includes(args[0] as string), `${step.id}: the sample step ${String(args[0])}`);
        }
        assert.ok(step.completionEvents.includes(`onContext:${stepKey(step.id)}`), `${step.id} completes on its key`);
        for (const event of step.completionEvents.filter((e) => e.startsWith('onCommand:')))
          assert.ok(commands.has(event.slice('onCommand:'.length)), `${event} names a command`);
      }
    });

    test('the buttons do their steps on the sample; hover, add, annotate, QA fix, search: each step done', async () => {
      const api = await activateExtension();
      const workspaceCopy = (await openFixture('diecasting-orders.txt')).document.getText();
      // Hover: the sample opens with the cursor on 压铸, whose gloss is shown.
      await openSample('hover');
      const editor = vscode.window.activeTextEditor!;
      const document = editor.document;
      assert.ok(document.uri.path.endsWith('/sample/diecasting-orders.txt'), document.uri.toString());
      assert.notEqual(document.uri.toString(), vscode.workspace.workspaceFolders?.[0].uri.toString());
      assert.equal(document.getText(), workspaceCopy, 'the sample is the shipped die-casting order report');
      assert.equal(vscode.window.activeTextEditor?.document, document);
      assert.deepEqual(editor.selection.active, positionOf(document, '压铸'));
      assert.match((await glossHover(document, editor.selection.active)) ?? '', /yā zhù/);
      assert.ok(api.walkthrough.isDone('hover'), 'a gloss was shown');

      // Add your own entry: 在宁波加工 is selected and Add Glossary Entry asks for it (cancelled here).
      const adding = openSample('addEntry');
      await cancelUntil(adding);
      assert.equal(document.getText(vscode.window.activeTextEditor!.selection), '在宁波加工');
      assert.ok(api.walkthrough.isDone('addEntry'));

      // Annotate: a draft line goes below the Bühler line.
      await openSample('annotate');
      const line = positionOf(document, '布勒').line;
      const draft = document.lineAt(line + 1).text;
      assert.match(draft, /^EN: Bühler Group\b/, draft);
      assert.ok(api.walkthrough.isDone('annotate'));

      // QA: a forbidden rendering typed in the draft is a problem; the button puts the cursor on it.
      const checked = () => nextEvent(api.qa.onDidCheck, (u) => u.toString() === document.uri.toString(), 15_000);
      const problems = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Hanzi Gloss');
      let found = checked();
      const at = draft.indexOf('Bühler Group');
      await editor.edit((e) => e.replace(new vscode.Range(line + 1, at, line + 1, at + 12), 'Buhler Industries'));
      await found;
      const problem = problems().find((d) => /forbidden/.test(d.message));
      assert.ok(
        problem,
        problems()
          .map((d) => d.message)
          .join('\n'),
      );
      assert.ok(!api.walkthrough.isDone('qa'), 'not done before the fix');
      await openSample('qa');
      assert.deepEqual(vscode.window.activeTextEditor?.selection.start, problem.range.start);
      await vscode.commands.executeCommand('hideCodeActionWidget');
      const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        problem.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const replace = fixes.find((f) => f.title.includes('Bühler AG') && f.edit);
      assert.ok(replace, fixes.map((f) => f.title).join('\n'));
      found = checked();
      await vscode.workspace.applyEdit(replace.edit!);
      await found;
      assert.ok(api.walkthrough.isDone('qa'), 'fixing the problem finishes the QA step');

      // Search: the search list opens (closed here, choosing nothing).
      const results = nextEvent(api.search.onDidShowResults, () => true, 20_000, 'search results');
      const searching = openSample('search');
      await results;
      await cancelUntil(searching);
      assert.ok(api.walkthrough.isDone('search'));

      // Inline pinyin: the second button of the search step turns it on; off again after.
      const inline = () => vscode.workspace.getConfiguration('hanziGloss').get<string>('inlinePinyin');
      assert.equal(inline(), 'off');
      await openSample('inlinePinyin');
      try {
        assert.notEqual(inline(), 'off');
      } finally {
        await vscode.commands.executeCommand('hanziGloss.toggleInlinePinyin');
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
      assert.equal(inline(), 'off');
    });

    test('an unknown step is refused with a message, and nothing opens', async () => {
      await activateExtension();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await assert.rejects(Promise.resolve(openSample('nonsense')), /No walkthrough step "nonsense"/);
      assert.equal(vscode.window.activeTextEditor, undefined);
    });
  });

  suite('Hover tone colours', () => {
    test('with hanziGloss.toneColors on, each syllable of the pinyin is in its tone colour', async () => {
      await activateExtension();
      const { document } = await openFixture('diecasting-orders.txt');
      const at = positionOf(document, '压铸');
      const config = vscode.workspace.getConfiguration('hanziGloss');
      const plainHover = (await glossHover(document, at)) ?? '';
      assert.ok(!plainHover.includes('<span'), 'no colours by default');
      await config.update('toneColors', true, vscode.ConfigurationTarget.Workspace);
      try {
        const hovers =
          (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at)) ?? [];
        const ours = hovers
          .flatMap((h) => h.contents)
          .find((c) => typeof c !== 'string' && /Hanzi Gloss/.test(c.value));
        assert.ok(ours && typeof ours !== 'string');
        const tone = (n: number, s: string) => `<span style="color:var(--vscode-hanziGloss-tone${n});">${s}</span>`;
        assert.ok(ours.value.includes(`— ${tone(1, 'yā')} ${tone(4, 'zhù')}`), ours.value);
        assert.equal((ours as vscode.MarkdownString).supportHtml, true, 'HTML on for the spans');
        // The rest of the hover is what it is without colours.
        assert.equal(ours.value.replace(/<[^>]+>/g, ''), plainHover);
      } finally {
        await config.update('toneColors', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });
}
