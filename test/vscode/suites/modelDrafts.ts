import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { draftEnglish } from '../../../src/core/annotate/draft';
import { draftWithModel } from '../../../src/core/annotate/modelDraft';
import { DEFAULT_STYLE } from '../../../src/core/annotate/modelPrompt';
import { languageModelComplete } from '../../../src/vscode/services/modelSources';
import type { BatchOutcome } from '../../../src/vscode/features/modelDrafts';
import { activateExtension, EXTENSION_ID, nextEvent, workspaceFile } from './helpers';

/** The test model of test/lm-provider, registered through vscode.lm.registerLanguageModelChatProvider. */
const TEST_MODEL = 'hgtest/hgtest-model';
const PASSAGE = '承载式车身，2台6000吨';

interface Answer {
  readonly chunks: readonly string[];
  readonly delayMs?: number;
  readonly error?: string;
}
interface ReceivedRequest {
  readonly messages: readonly { readonly role: string; readonly text: string }[];
  readonly cancelled: boolean;
}

const script = (answers: readonly Answer[]) => vscode.commands.executeCommand('hgtest.script', answers);
const received = async () => (await vscode.commands.executeCommand<ReceivedRequest[]>('hgtest.requests')) ?? [];
const textOf = (request: ReceivedRequest) => request.messages.map((m) => m.text).join('\n');

async function testModel(): Promise<vscode.LanguageModelChat> {
  const [model] = await vscode.lm.selectChatModels({ vendor: 'hgtest' });
  assert.ok(model, 'the test model is registered through the real Language Model API');
  return model;
}

/** A text file (by default one Chinese line), open, the cursor on it, the test model chosen and allowed. */
async function draftFile(name: string, text = `${PASSAGE}\n`): Promise<vscode.TextEditor> {
  const api = await activateExtension();
  const model = await testModel();
  await vscode.workspace.getConfiguration('hanziGloss.model').update('source', 'vscode', true);
  await vscode.workspace.getConfiguration('hanziGloss.model').update('vscodeModel', TEST_MODEL, true);
  await api.drafts.consent.remember(`vscode:${model.vendor}/${model.id}`);
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  editor.selection = new vscode.Selection(0, 1, 0, 1);
  await vscode.commands.executeCommand('hgtest.reset');
  return editor;
}

/** A file of the extension's own folder (the fixtures as recorded, not the workspace's copy that tests edit). */
async function extensionText(path: string): Promise<string> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, path)));
}

/** The order lines of test/fixtures/diecasting-orders.txt (Haitian, Bühler, Geely; sources in README). */
async function orderLines(): Promise<{ haitian: string; buhler: string; geely: string }> {
  const [haitian, , buhler, , geely] = (await extensionText('test/fixtures/diecasting-orders.txt')).split('\n');
  assert.match(haitian, /^海天金属/);
  assert.match(buhler, /^布勒/);
  assert.match(geely, /^吉利/);
  return { haitian, buhler, geely };
}

/** The recorded answers of test/fixtures/lm/answers.json, by case id. */
async function recordedAnswers(id: string): Promise<readonly string[]> {
  const recorded = JSON.parse(await extensionText('test/fixtures/lm/answers.json')) as {
    cases: { id: string; answers: string[] }[];
  };
  const found = recorded.cases.find((c) => c.id === id);
  assert.ok(found, `recorded case ${id}`);
  return found.answers;
}

/** An answer streamed in pieces (split after each '; '), as a model streams tokens. */
const streamed = (answer: string, delayMs?: number): Answer => ({
  chunks: answer.split(/(?<=; )/),
  ...(delayMs === undefined ? {} : { delayMs }),
});

/**
 * The batch's file: three order lines without annotation and, between them, a real sentence the
 * user has already annotated (test/fixtures/reading/real-text.json, source qilemodel-20250825).
 * The answers are recorded ones the QA passes as they are, so each line takes exactly one request.
 */
async function batchFile(name: string) {
  const api = await activateExtension();
  const lines = await orderLines();
  const reading = JSON.parse(await extensionText('test/fixtures/reading/real-text.json')) as {
    sentences: { source: string; text: string }[];
  };
  const annotated = reading.sentences.find((s) => s.text.startsWith('设备与模具投入'));
  assert.ok(annotated, 'the 9000吨 sentence of the reading set');
  const userEnglish =
    'EN: Equipment and tooling: one 9,000 t-class die-casting machine is costly, and its dies take long to develop.';
  const original = [lines.haitian, '', lines.buhler, '', annotated.text, userEnglish, '', lines.geely, ''];
  const fenced = (await recordedAnswers('geely-fenced'))[0];
  const english = {
    haitian: (await recordedAnswers('haitian-thinking-cut-off'))[1],
    buhler: (await recordedAnswers('buhler-forbidden-name-wrong-number'))[1],
    // The model put it in a code fence after an introduction: the user gets the fenced line only.
    geely: /```text\n(.+)\n```/.exec(fenced)![1],
  };
  const editor = await draftFile(name, original.join('\n'));
  return { api, editor, lines, original, userEnglish, fenced, english };
}

const draftAll = (args: { replaceAnnotated: boolean }) =>
  vscode.commands.executeCommand<BatchOutcome>('hanziGloss.draftAllWithModel', args);
const documentLines = (document: vscode.TextDocument) => document.getText().split('\n');

export function defineModelDraftSuite(): void {
  suite('Language-model drafts in a real VS Code (test model through vscode.lm)', () => {
    test('the model streams: each chunk reaches the caller as it comes', async () => {
      await activateExtension();
      const model = await testModel();
      await vscode.commands.executeCommand('hgtest.reset');
      await script([{ chunks: ['Unibody, ', '2 × ', '6,000 t'], delayMs: 30 }]);
      const seen: string[] = [];
      const complete = languageModelComplete(model);
      const text = await complete([{ role: 'user', content: PASSAGE }], new AbortController().signal, (t) =>
        seen.push(t),
      );
      assert.equal(text, 'Unibody, 2 × 6,000 t');
      assert.deepEqual(seen, ['Unibody, ', 'Unibody, 2 × ', 'Unibody, 2 × 6,000 t']);
    });

    test('cancelling a draft stops it at once: the result is "cancelled", not a draft', async () => {
      const api = await activateExtension();
      const model = await testModel();
      await vscode.commands.executeCommand('hgtest.reset');
      await script([{ chunks: ['Unibody', ', 2', ' × 6,000 t', '.', '.', '.'], delayMs: 400 }]);
      const abort = new AbortController();
      const started = Date.now();
      const result = await draftWithModel(
        { passage: PASSAGE, before: [], after: [], form: 'inline', style: DEFAULT_STYLE },
        {
          lexicon: await api.glossary.lexicon(),
          complete: languageModelComplete(model),
          signal: abort.signal,
          onEnglish: () => abort.abort(),
        },
      );
      assert.equal(result.kind, 'cancelled');
      assert.ok(Date.now() - started < 1500, `came back in ${Date.now() - started} ms, not after the whole answer`);
    });

    test('Draft with Language Model: the glossary reaches the prompt; a forbidden rendering is retried', async () => {
      const editor = await draftFile('model-draft.txt');
      await script([{ chunks: ['Load-bearing body, ', '2 × 6,000 t'] }, { chunks: ['Unibody, 2 × 6,000 t'] }]);
      const outcome = await vscode.commands.executeCommand<{ kind: string; problems: number }>(
        'hanziGloss.draftWithModel',
      );
      const requests = await received();
      assert.equal(requests.length, 2, 'one first answer and one retry');
      const first = textOf(requests[0]);
      assert.match(first, /承载式车身/);
      assert.match(first, /unibody/, 'the approved rendering is in the prompt');
      assert.match(first, /load-bearing body/, 'so is the forbidden one');
      assert.match(first, /6,000 t/, 'and the numbers as Hanzi Gloss reads them');
      assert.match(textOf(requests[1]), /load-bearing body/i, 'the retry names the problem');
      assert.equal(outcome?.kind, 'model');
      assert.equal(outcome?.problems, 0);
      assert.equal(editor.document.lineAt(1).text, 'EN: Unibody, 2 × 6,000 t');
    });

    test('a failing model: the rule-based draft is written instead, with the reason', async () => {
      const editor = await draftFile('model-fails.txt');
      await script([{ chunks: [], error: 'the test model is down' }]);
      const outcome = await vscode.commands.executeCommand<{ kind: string; reason?: string; english?: string }>(
        'hanziGloss.draftWithModel',
      );
      assert.equal(outcome?.kind, 'rules');
      assert.equal(outcome?.reason, 'failed');
      assert.ok(outcome?.english, 'the rule-based draft');
      assert.equal(editor.document.lineAt(1).text, `EN: ${outcome.english}`);
      assert.match(outcome.english, /unibody/i);
    });

    test('Draft All, unannotated only: each line its model draft, one request each; annotated line kept', async () => {
      const { editor, original, userEnglish, fenced, english } = await batchFile('model-batch.txt');
      await script([streamed(english.haitian), streamed(english.buhler), { chunks: [fenced] }]);
      const outcome = await draftAll({ replaceAnnotated: false });
      assert.deepEqual(outcome, { drafted: 3, byModel: 3, byRules: 0, withProblems: 0, skipped: 0, cancelled: false });
      assert.deepEqual(documentLines(editor.document), [
        original[0],
        `EN: ${english.haitian}`,
        '',
        original[2],
        `EN: ${english.buhler}`,
        '',
        original[4],
        userEnglish,
        '',
        original[7],
        `EN: ${english.geely}`,
        '',
      ]);
      const requests = await received();
      assert.equal(requests.length, 3, 'one request per drafted line: no retry, the annotated line not sent');
      assert.ok(
        requests.every((r) => !textOf(r).includes(`Passage to translate:\n${original[4]}`)),
        'the annotated line was never the passage to translate',
      );
    });

    test('Draft All: a request failing mid-batch gives that line the rule-based draft; the batch goes on', async () => {
      const { api, editor, lines, original, userEnglish, english } = await batchFile('model-batch-fails.txt');
      const fenced = (await recordedAnswers('geely-fenced'))[0];
      await script([
        streamed(english.haitian),
        { chunks: [], error: 'the test model is overloaded' },
        { chunks: [fenced] },
      ]);
      const outcome = await draftAll({ replaceAnnotated: false });
      assert.deepEqual(outcome, { drafted: 3, byModel: 2, byRules: 1, withProblems: 0, skipped: 0, cancelled: false });
      const rules = draftEnglish(lines.buhler, await api.glossary.lexicon()).text;
      assert.notEqual(rules, english.buhler);
      assert.deepEqual(documentLines(editor.document), [
        original[0],
        `EN: ${english.haitian}`,
        '',
        original[2],
        `EN: ${rules}`,
        '',
        original[4],
        userEnglish,
        '',
        original[7],
        `EN: ${english.geely}`,
        '',
      ]);
      assert.equal((await received()).length, 3, 'the line after the failure was still sent to the model');
    });

    test('Draft All cancelled mid-line: the finished line stays, the one in progress goes, no more sent', async () => {
      const { editor, original, english } = await batchFile('model-batch-cancel.txt');
      // The Bühler answer streams slowly enough for the Cancel button to be pressed while it writes.
      await script([streamed(english.haitian), streamed(english.buhler, 400), streamed(english.haitian)]);
      await vscode.commands.executeCommand('notifications.clearAll');
      const streaming = nextEvent(
        vscode.workspace.onDidChangeTextDocument,
        (e) => e.document === editor.document && e.document.lineCount > 4 && /^EN: ./.test(e.document.lineAt(4).text),
        10_000,
        'the Bühler line streaming',
      );
      const batch = draftAll({ replaceAnnotated: false });
      await streaming;
      assert.notEqual(editor.document.lineAt(4).text, `EN: ${english.buhler}`, 'still streaming');
      // What the notification's Cancel button runs: its primary action (the batch's progress is the newest).
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      const outcome = await batch;
      assert.deepEqual(outcome, { drafted: 1, byModel: 1, byRules: 0, withProblems: 0, skipped: 0, cancelled: true });
      assert.deepEqual(documentLines(editor.document), [original[0], `EN: ${english.haitian}`, ...original.slice(1)]);
      assert.equal((await received()).length, 2, 'the Geely line was not sent after the cancel');
    });

    test('Sidecar note drafted by the model (accept): the note is its text, the prompt had the glossary', async () => {
      const api = await activateExtension();
      const lines = await orderLines();
      const answer = (await recordedAnswers('buhler-forbidden-name-wrong-number'))[1];
      const editor = await draftFile('model-note.txt', [lines.haitian, '', lines.buhler, ''].join('\n'));
      await script([streamed(answer)]);
      const note = await vscode.commands.executeCommand<{ text: string }>('hanziGloss.draftNoteWithModel', {
        line: 2,
        accept: true,
      });
      assert.equal(note?.text, answer);
      const sidecar = JSON.parse(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('.hanzi-gloss/annotations.json'))),
      ) as { notes: { file: string }[] };
      assert.deepEqual(
        sidecar.notes.filter((n) => n.file === 'model-note.txt'),
        [{ file: 'model-note.txt', line: 2, chinese: lines.buhler, text: answer }],
      );
      assert.deepEqual(
        (await api.notes.anchored(editor.document)).map((a) => [a.line, a.stale, a.note.text]),
        [[2, false, answer]],
        'the note is placed on its line',
      );
      assert.equal(
        editor.document.getText(),
        [lines.haitian, '', lines.buhler, ''].join('\n'),
        'the file is unchanged',
      );
      const requests = await received();
      assert.equal(requests.length, 1, 'the QA passed the answer: no retry');
      const prompt = textOf(requests[0]);
      assert.ok(prompt.includes(`Passage to translate:\n${lines.buhler}`), prompt);
      assert.ok(prompt.includes(lines.haitian), 'the line before is context');
      // The curated glossary's entry of 布勒, as the glossary file holds it.
      const companies = JSON.parse(await extensionText('glossary/companies.json')) as {
        entries: { zh: string; en: string[]; forbidden?: string[] }[];
      };
      const buhler = companies.entries.find((e) => e.zh === '布勒');
      assert.ok(buhler?.forbidden?.length);
      const termLine = prompt.split('\n').find((l) => l.startsWith('- 布勒 '));
      assert.ok(termLine, prompt);
      for (const rendering of [...buhler.en, ...buhler.forbidden])
        assert.ok(termLine.includes(`"${rendering}"`), termLine);
      assert.match(termLine, /forbidden: "Buhler Industries"/);
    });
  });
}
