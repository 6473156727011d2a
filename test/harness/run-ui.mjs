// Suite B: what a person sees. The built extension is installed into a real VS Code (code-server);
// Chromium, driven by playwright-core, opens the fixture with Quick Open, moves the mouse onto 压铸,
// reads the hover from the DOM, checks the status bar, runs "Show Terms in Document" from the
// command palette, and saves screenshots under test-results/.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureResults, installDevExtension, launchBrowser, prepareWorkspace, runDir, startCodeServer, workbenchUrl } from './codeServer.mjs';

const results = ensureResults();
const dir = runDir('ui');
const workspace = prepareWorkspace(dir);
const extensionsDir = join(dir, 'extensions');
installDevExtension(extensionsDir);
const server = await startCodeServer({ dir, workspace, extensionsDir });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
let passed = 0;
let failed = 0;

async function scenario(name, body) {
  const started = Date.now();
  try {
    await body();
    passed++;
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`  ✘ ${name}\n${String(e.stack ?? e).replace(/^/gm, '      ')}`);
    await page.screenshot({ path: join(results, `ui-failure-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
}

/** Runs "Hanzi Gloss: <title>" from the command palette; returns the quick input box it leaves open. */
async function runFromPalette(title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>Hanzi Gloss: ${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  return input;
}

/** Screen box of `text` inside the editor's rendered lines (a DOM Range over the glyphs). */
async function glyphBox(text) {
  await page.locator('.view-line', { hasText: text }).first().waitFor();
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
    }
    return null;
  }, text);
}

async function hoverText(text) {
  const box = await glyphBox(text);
  assert.ok(box, `"${text}" is rendered in the editor`);
  // Dismiss any earlier hover so the one read below belongs to `text`.
  await page.keyboard.press('Escape');
  await page.locator('.monaco-hover:visible', { hasText: 'Hanzi Gloss' }).first().waitFor({ state: 'hidden' });
  const hover = page.locator('.monaco-hover:visible', { hasText: text });
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.mouse.move(box.x - 40, box.y + box.height / 2 + 40, { steps: 2 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 5000 });
      // Let the fade-in finish so screenshots show the hover as a person sees it.
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
      return hover.first().innerText();
    } catch {
      // The hover can be dismissed by the first focus change: move away and back.
    }
  }
  throw new Error(`no Hanzi Gloss hover appeared over "${text}"`);
}

const started = Date.now();
try {
  await page.goto(workbenchUrl(server.base, workspace));
  await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
  console.log('UI: real VS Code workbench (code-server) in Chromium');

  await scenario('hovering 压铸 with the mouse shows "yā zhù — die casting" and its source', async () => {
    await openFile('diecasting-orders.txt');
    const text = await hoverText('压铸');
    assert.match(text, /压铸 壓鑄\s*—\s*yā zhù/);
    assert.match(text, /die casting/);
    assert.match(text, /Source: Curated glossary · Die casting/);
    await page.screenshot({ path: join(results, 'hover-yazhu.png') });
  });

  await scenario('hovering 力劲 shows LK Technology', async () => {
    const text = await hoverText('力劲');
    assert.match(text, /lì jìn/);
    assert.match(text, /LK Technology/);
    await page.mouse.move(5, 400);
  });

  await scenario('the status bar counts the passages and terms of the active editor', async () => {
    const item = page.locator('.statusbar-item', { hasText: /3 passages · \d+ terms/ });
    await item.first().waitFor({ timeout: 15_000 });
    const label = await item.first().innerText();
    const terms = Number(/(\d+) terms/.exec(label)[1]);
    assert.ok(terms >= 40, `at least 40 glossary terms in the fixture, status bar says ${terms}`);
  });

  await scenario('Show Terms in Document from the command palette selects every occurrence of a term', async () => {
    const input = await runFromPalette('Show Terms in Document');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: '在谈' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /zài tán — under negotiation/);
    await page.screenshot({ path: join(results, 'show-terms.png') });
    await input.fill('在谈');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await page.keyboard.press('Enter');
    // VS Code reports multiple selections in the status bar ("4 selections (8 characters selected)").
    const selections = page.locator('.statusbar-item', { hasText: /selections/ });
    await selections.first().waitFor({ timeout: 10_000 });
    assert.match(await selections.first().innerText(), /4 selections/);
  });

  await scenario('Add Glossary Entry through its input boxes changes the hover at once', async () => {
    await page.keyboard.press('Escape');
    const input = await runFromPalette('Add Glossary Entry');
    const step = async (n, value) => {
      await page.locator('.quick-input-title', { hasText: `(${n}/5)` }).waitFor();
      if (value !== undefined) await input.fill(value);
      const shown = await input.inputValue();
      await page.keyboard.press('Enter');
      return shown;
    };
    await step(1, '在宁波加工');
    const pinyin = await step(2);
    assert.equal(pinyin, 'zài níng bō jiā gōng', 'pinyin is prefilled from the glossary and pinyin-pro');
    await step(3, 'machined in Ningbo, Ningbo machining');
    await step(4, 'supplier: HNB tooling, machining subcontracted');
    await step(5);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Workspace glossary' }).first();
    await row.waitFor();
    await row.click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    const text = await hoverText('宁波');
    assert.match(text, /machined in Ningbo · Ningbo machining/);
    assert.match(text, /Source: Workspace glossary · \.vscode\/hanzi-gloss\.json/);
    await page.screenshot({ path: join(results, 'add-entry-hover.png') });
  });

  await scenario('Annotate Passage, type a forbidden rendering, see it in the Problems panel, apply the quick fix', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(':3');
    await page.keyboard.press('Enter');
    await runFromPalette('Annotate Passage');
    // The snippet's first tab stop (the first term, "Bühler Group") is selected: type over it.
    await page.locator('.view-line', { hasText: 'EN: Bühler Group' }).first().waitFor();
    await page.keyboard.type('Buhler Industries');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'forbidden rendering' });
    await problem.first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(results, 'forbidden-term-problem.png') });
    // Put the cursor on the forbidden words (line 4, column 7) and ask for quick fixes with Ctrl+.
    // (asked again if the code actions were not ready yet).
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(':4:7');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    const fix = page.locator('.action-widget .monaco-list-row, .context-view .action-item', { hasText: 'Replace with "Bühler AG"' });
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await fix.first().waitFor({ timeout: 4000 });
        break;
      } catch (e) {
        if (attempt === 2) throw e;
        await page.keyboard.press('Escape');
      }
    }
    // Choose it with the keyboard, as people do in this menu (it re-renders under the mouse).
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let k = 0; k < 5; k++) {
      const label = (await focused.first().getAttribute('aria-label', { timeout: 2000 }).catch(() => '')) ?? '';
      if (label.includes('Replace with "Bühler AG"')) break;
      await page.keyboard.press('ArrowDown');
    }
    assert.match((await focused.first().getAttribute('aria-label', { timeout: 2000 })) ?? '', /Replace with "Bühler AG"/);
    await page.keyboard.press('Enter');
    await page.locator('.view-line', { hasText: 'EN: Bühler AG: Tuopu Group' }).first().waitFor({ timeout: 10_000 });
    await problem.first().waitFor({ state: 'detached', timeout: 15_000 });
  });
} finally {
  await browser.close();
  await server.stop();
}
if (passed > 0 && failed === 0) copyFileSync(join(results, 'hover-yazhu.png'), join(results, 'readme-hover.png'));
console.log(`UI screenshots: ${results} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

