import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { draftWithModel } from '../../../src/core/annotate/modelDraft';
import { DEFAULT_STYLE } from '../../../src/core/annotate/modelPrompt';
import { languageModelComplete } from '../../../src/vscode/services/modelSources';
import { activateExtension, workspaceFile } from './helpers';

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

/** A text file with one Chinese line, open, the cursor on it, the test model chosen and allowed. */
async function draftFile(name: string): Promise<vscode.TextEditor> {
  const api = await activateExtension();
  const model = await testModel();
  await vscode.workspace.getConfiguration('hanziGloss.model').update('source', 'vscode', true);
  await vscode.workspace.getConfiguration('hanziGloss.model').update('vscodeModel', TEST_MODEL, true);
  await api.drafts.consent.remember(`vscode:${model.vendor}/${model.id}`);
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${PASSAGE}\n`));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  editor.selection = new vscode.Selection(0, 1, 0, 1);
  await vscode.commands.executeCommand('hgtest.reset');
  return editor;
}

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
  });
}
