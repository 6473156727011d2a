// UI scenario of issue 16 (drafts from a language model), as a person asks the chat: the test model
// chosen once with Select Language Model for Drafts… (what the README asks), the Chat view opened
// from the palette, `@hanzi /translate 承载式车身，2台6000吨` typed with a file of other Chinese lines
// open, the first-use consent allowed in its modal, and the participant's answer read from the view.
// It has a code-server of its own, started with the AI features on (the other scenarios run with
// them off, and turning them on in a running workbench does not bring the Chat view up reliably)
// and with the test model (test/lm-provider), whose answer is scripted in the user setting
// hgtest.answers (a UI test cannot pass a command its arguments).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { installDevExtension, prepareWorkspace, runDir, startCodeServer, workbenchUrl } from './codeServer.mjs';

const PASSAGE = '承载式车身，2台6000吨';
/** What the test model answers: a clean translation (the glossary's "unibody", the numbers as read). */
const ANSWER = 'Unibody, 2 × 6,000 t';

export async function chatScenario({ browser, results, scenario }) {
  await scenario('Chat: @hanzi /translate with typed Chinese answers in the Chat view with the chosen model', () =>
    withChatWorkbench(browser, results, async (page) => {
      const rows = page.locator('.quick-input-list .monaco-list-row');
      const palette = async (command) => {
        await page.keyboard.press('Control+Shift+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${command}`);
        await rows.filter({ hasText: command }).first().waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
      };
      // A file of other Chinese lines open: the answer must be about the typed text, not this file.
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill('diecasting-orders.txt');
      await rows.filter({ hasText: 'diecasting-orders.txt' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page
        .locator('.statusbar-item', { hasText: /passages · \d+ terms/ })
        .first()
        .waitFor({ timeout: 30_000 });

      // The workbench asks the model providers for their models only when a model is first looked
      // for: the extension's own picker does that, and lists the test model beside the endpoint.
      await palette('Hanzi Gloss: Select Language Model for Drafts');
      const model = rows.filter({ hasText: 'HG Test Model' }).first();
      await model.waitFor({ timeout: 15_000 });
      await model.click();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });

      await palette('Chat: Open Chat');
      await page.locator('a.action-label[aria-label="Pick Model, HG Test Model"]').waitFor({ timeout: 15_000 });
      // Forced: the chat editor's placeholder lies over it and takes the pointer events.
      await page.locator('.interactive-input-editor .monaco-editor').first().click({ force: true });
      await page.keyboard.type(`@hanzi /translate ${PASSAGE}`, { delay: 20 });
      await page.keyboard.press('Enter');

      // First use of the model: the modal says what is sent, before anything is.
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 15_000 });
      const notice = await dialog.innerText();
      assert.match(notice, /send text to HG Test Model/, notice);
      assert.match(notice, /1 Chinese passage\(s\)/, notice);
      await dialog.locator('.monaco-button', { hasText: 'Allow and Send' }).click();

      const answer = page.locator('.interactive-item-container', { hasText: 'Hanzi Gloss' }).last();
      await answer.filter({ hasText: ANSWER }).waitFor({ timeout: 15_000 });
      const text = (await answer.innerText()).replace(/\u00a0/g, ' ');
      // The typed passage quoted, then the model's English, checked clean; no line of the open file.
      assert.ok(text.indexOf(PASSAGE) >= 0 && text.indexOf(PASSAGE) < text.indexOf(ANSWER), text);
      assert.doesNotMatch(text, /海天金属|布勒|吉利|Rule-based draft|⚠/, text);
      await page.screenshot({ path: join(results, 'chat-translate.png') });
    }),
  );
}

async function withChatWorkbench(browser, results, body) {
  const dir = runDir('ui-chat');
  const workspace = prepareWorkspace(dir);
  const extensionsDir = join(dir, 'extensions');
  installDevExtension(extensionsDir, { withTestModel: true });
  const settings = { 'chat.disableAIFeatures': false, 'hgtest.answers': [{ chunks: ['Unibody, ', '2 × 6,000 t'] }] };
  const server = await startCodeServer({ dir, workspace, extensionsDir, settings });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(workbenchUrl(server.base, workspace));
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    await body(page);
  } catch (e) {
    // The run's own failure screenshot shows its page, not this one.
    await page.screenshot({ path: join(results, 'ui-failure-chat.png') }).catch(() => {});
    throw e;
  } finally {
    await page.close();
    await server.stop();
  }
}
