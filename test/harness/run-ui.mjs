// Suite B: what a person sees. The built extension is installed into a real VS Code (code-server);
// Chromium, driven by playwright-core, opens the fixture with Quick Open, moves the mouse onto 压铸,
// reads the hover from the DOM, checks the status bar, runs "Show Terms in Document" from the
// command palette, and saves screenshots under test-results/.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureResults,
  installDevExtension,
  launchBrowser,
  prepareWorkspace,
  runDir,
  startCodeServer,
  workbenchUrl,
} from './codeServer.mjs';
import { chatScenario } from './uiChat.mjs';
import { clickInto, glyphBox as glyphBoxIn } from './uiGlyphs.mjs';
import { qaApproveScenario } from './uiQaApprove.mjs';
import { searchScenario } from './uiSearch.mjs';
import { termKeysScenario } from './uiTermKeys.mjs';
import { viewsScenario } from './uiViews.mjs';
import { copyWalkthroughImages, walkthroughScenario } from './uiWalkthrough.mjs';

const results = ensureResults();
const dir = runDir('ui');
const workspace = prepareWorkspace(dir);
// An empty workspace glossary from the start, as a project that uses Hanzi Gloss has one: the
// scenarios below also rewrite it on disk, and a watcher sees changes to a file that exists.
mkdirSync(join(workspace, '.vscode'), { recursive: true });
const emptyGlossary = { name: 'Workspace glossary', entries: [] };
writeFileSync(join(workspace, '.vscode', 'hanzi-gloss.json'), `${JSON.stringify(emptyGlossary, null, 2)}\n`);
const extensionsDir = join(dir, 'extensions');
installDevExtension(extensionsDir);
const server = await startCodeServer({ dir, workspace, extensionsDir });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
let passed = 0;
let failed = 0;
// HANZI_GLOSS_GREP (as for the extension-host suite): only the scenarios whose name contains it.
const grep = process.env.HANZI_GLOSS_GREP;

async function scenario(name, body) {
  if (grep && !name.includes(grep)) return;
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
  // A file written while the workbench runs can be missing from Quick Open's file search for a while
  // (a clean clone in CI listed it in the Explorer but not there): ask again, then click it in the
  // Explorer as a person would.
  for (let attempt = 1; attempt <= 2; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    const listed = await row.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (listed) {
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: name }).waitFor();
      return;
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(2_000);
  }
  const item = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await item.waitFor({ timeout: 15_000 });
  await item.dblclick();
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

/** Accepts the quick pick row whose text starts with `label` (by click, as a person would). */
async function pickRow(label) {
  const pattern = label instanceof RegExp ? label : new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: pattern }).first();
  await row.waitFor();
  // The extension may still be replacing the items for the last keystroke, and monaco reuses row
  // elements: click only once the list has stopped changing, or the click lands on another item.
  await settledRows();
  await row.click();
}

/** Returns once the quick pick's rows are the same over two animation frames (bounded wait). */
async function settledRows() {
  let before = JSON.stringify(await rowLabels());
  for (let i = 0; i < 100; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const now = JSON.stringify(await rowLabels());
    if (now === before) return;
    before = now;
  }
}

/** Texts of the rows of the open quick pick, in order. */
async function rowLabels() {
  // The first name of a row is its label (a row's description and detail follow it).
  const rows = page.locator('.quick-input-list .monaco-list-row');
  // VS Code 1.116 shows a step's title before its rows.
  await rows.first().waitFor();
  return rows.evaluateAll((all) => all.map((r) => r.querySelector('.label-name')?.textContent.trim()));
}

/** Waits for a notification toast matching `pattern`; returns its text. */
async function notification(pattern) {
  const toast = page.locator('.notification-toast', { hasText: pattern }).first();
  await toast.waitFor({ timeout: 15_000 });
  return toast.innerText();
}

/** Puts the cursor on the first occurrence of `text` in the active editor. */
async function cursorOn(fileText, text) {
  assert.ok(fileText.includes(text), `the file holds ${text}`);
  await page.keyboard.press('Escape');
  await clickInto(page, text);
}

const glossaryFile = () => JSON.parse(readFileSync(join(workspace, '.vscode', 'hanzi-gloss.json'), 'utf8'));

/** Screen box of `text` inside the editor's rendered lines. */
const glyphBox = (text) => glyphBoxIn(page, text);

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

  // Before the scenarios that edit the sample, so that its screenshots show the sample as it is.
  await termKeysScenario({ page, results, scenario, openFile, runFromPalette });
  await viewsScenario({ page, results, workspace, scenario, openFile });

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
    // The English renderings are a list: each typed one is added with Enter, "Done" saves them.
    await page.locator('.quick-input-title', { hasText: '(3/5)' }).waitFor();
    for (const rendering of ['machined in Ningbo', 'Ningbo machining']) {
      await input.fill(rendering);
      // As a person does: type, see the "Add" row, press Enter. (A click can land on another row
      // while the list is re-rendered for the new value: monaco reuses row elements.)
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: `Add "${rendering}"` }).waitFor();
      await settledRows();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (r) =>
          [...document.querySelectorAll('.quick-input-list .monaco-list-row .label-name')].some(
            (l) => l.textContent.trim() === r,
          ),
        rendering,
      );
    }
    await pickRow('Done');
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

  const orders = readFileSync(join(workspace, 'diecasting-orders.txt'), 'utf8');
  /** Steps 1, 2, 4 and 5 of the entry commands are input boxes: accept what is prefilled. */
  const acceptStep = async (n) => {
    await page.locator('.quick-input-title', { hasText: `(${n}/5)` }).waitFor();
    await page.keyboard.press('Enter');
  };

  const CHERVON_FULL = 'Nanjing Chervon Auto Precision Technology Co., Ltd.';
  const CHERVON = [`${CHERVON_FULL} (Jiangning)`, 'Chervon Auto Precision', 'Chervon Auto'];

  await scenario('Edit Glossary Entry keeps a rendering with a comma whole: add, move, edit, save', async () => {
    await cursorOn(orders, '泉峰汽车');
    // No entry of the user's yet: editing the curated one makes an overriding entry, prefilled from it.
    const input = await runFromPalette('Edit Glossary Entry');
    await acceptStep(1);
    await acceptStep(2);
    await page.locator('.quick-input-title', { hasText: '(3/5)' }).waitFor();
    assert.deepEqual(await rowLabels(), ['Done', CHERVON_FULL, 'Chervon Auto']);
    await input.fill('Chervon Auto Precision');
    await pickRow('Add "Chervon Auto Precision"');
    await pickRow(/^\s*Chervon Auto Precision/);
    await pickRow('Move up');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: /^\s*Done/ })
      .first()
      .waitFor();
    assert.deepEqual(await rowLabels(), ['Done', CHERVON_FULL, 'Chervon Auto Precision', 'Chervon Auto']);
    await page.screenshot({ path: join(results, 'edit-entry-renderings.png') });
    await pickRow('Done');
    await acceptStep(4);
    await acceptStep(5);
    await pickRow(/Workspace glossary/);
    assert.match(await notification(/Added 泉峰汽车 to/), /Added 泉峰汽车 to \.vscode\/hanzi-gloss\.json\./);
    const added = glossaryFile().entries.find((e) => e.zh === '泉峰汽车');
    assert.deepEqual(added.en, [CHERVON_FULL, 'Chervon Auto Precision', 'Chervon Auto']);

    // Now an entry of the user's: edit it in place; the rendering with commas comes back whole.
    await cursorOn(orders, '泉峰汽车');
    await runFromPalette('Edit Glossary Entry');
    await acceptStep(1);
    await acceptStep(2);
    await page.locator('.quick-input-title', { hasText: '(3/5)' }).waitFor();
    assert.deepEqual(await rowLabels(), ['Done', CHERVON_FULL, 'Chervon Auto Precision', 'Chervon Auto']);
    await pickRow(CHERVON_FULL);
    await pickRow('Edit');
    // The box holds the rendering exactly as saved (it fails here when the commas split it).
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: /^\s*Save "/ })
      .first()
      .waitFor();
    assert.equal(await input.inputValue(), CHERVON_FULL);
    await input.fill(CHERVON[0]);
    await pickRow(`Save "${CHERVON[0]}"`);
    await pickRow('Done');
    await acceptStep(4);
    await acceptStep(5);
    const updated = await notification(/Updated 泉峰汽车 in/);
    assert.match(updated, /Updated 泉峰汽车 in \.vscode\/hanzi-gloss\.json\./);
    const edited = glossaryFile().entries.filter((e) => e.zh === '泉峰汽车');
    assert.deepEqual(
      edited.map((e) => e.en),
      [CHERVON],
    );
    // Hover the term's first half: the window may wrap the line inside it (the term is the whole line's).
    const text = await hoverText('泉峰');
    assert.ok(text.includes(`\n${CHERVON.join(' · ')}\n`), text);
    assert.match(text, /Source: Workspace glossary · \.vscode\/hanzi-gloss\.json/);
  });

  await scenario('Remove Glossary Entry proposes the entry under the cursor, not the first of the file', async () => {
    await page.mouse.move(5, 400);
    // The workspace glossary as a person may have it: another entry first, 泉峰汽车 after it.
    const entries = [
      { id: 'ningbo', zh: '在宁波加工', en: ['machined in Ningbo'] },
      { id: 'chervon', zh: '泉峰汽车', en: CHERVON },
    ];
    const glossary = JSON.stringify({ name: 'Workspace glossary', entries }, null, 2);
    writeFileSync(join(workspace, '.vscode', 'hanzi-gloss.json'), glossary);
    await page.keyboard.press('Escape');
    for (let attempt = 0; !/Chervon Auto Precision/.test(await hoverText('泉峰')); attempt++) {
      if (attempt === 10) throw new Error('the written glossary was not reloaded');
    }
    await page.mouse.move(5, 400);
    await cursorOn(orders, '泉峰汽车');
    await runFromPalette('Remove Glossary Entry');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const question = `Remove "泉峰汽车" (${CHERVON.join('; ')}) from Workspace glossary`;
    assert.ok((await dialog.innerText()).includes(question));
    await dialog.locator('.monaco-button', { hasText: 'Remove' }).first().click();
    const removed = await notification(/Removed 泉峰汽车 from/);
    assert.match(removed, /Removed 泉峰汽车 from \.vscode\/hanzi-gloss\.json\./);
    assert.deepEqual(
      glossaryFile().entries.map((e) => e.zh),
      ['在宁波加工'],
    );
  });

  await scenario('Export Glossary proposes <folder>/<glossary name>.<format> and Enter saves it there', async () => {
    await page.keyboard.press('Escape');
    await runFromPalette('Export Glossary');
    await pickRow('Curated glossary (all domains)');
    await pickRow('TBX-Basic');
    const input = page.locator('.quick-input-widget input');
    const expected = join(workspace, 'hanzi-gloss-curated.tbx');
    const named = (want) => document.querySelector('.quick-input-widget input')?.value.endsWith(want);
    await page.waitForFunction(named, '/hanzi-gloss-curated.tbx');
    assert.equal(await input.inputValue(), expected);
    await page.keyboard.press('Enter');
    const said = await notification(/Exported \d+ entries to/);
    assert.match(said, new RegExp(`Exported \\d+ entries to ${expected.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\.`));
    assert.ok(existsSync(expected));
    assert.match(readFileSync(expected, 'utf8'), /<term>压铸<\/term>/);
  });

  await scenario('a long sidecar note: shortened after its line, whole in its hover; the file named', async () => {
    await page.keyboard.press('Escape');
    await cursorOn(orders, '吉利');
    const input = await runFromPalette('Add Sidecar Note');
    const note =
      'Geely: the ZEEKR 009 is die cast in-house on an LK Technology 8,000 t machine; ' +
      'tooling by HNB of Germany, machining in Ningbo';
    await page.locator('.quick-input-title', { hasText: 'Sidecar note' }).waitFor();
    await input.fill(note);
    await page.keyboard.press('Enter');
    const saved = await notification(/Saved the note on line 5/);
    assert.match(saved, /Saved the note on line 5 in \.hanzi-gloss\/annotations\.json\./);
    // The note is drawn by CSS after the line (an ::after pseudo-element), not as text of the line.
    const after = async () =>
      page.evaluate(() => {
        for (const el of document.querySelectorAll('.monaco-editor .view-line span')) {
          const content = getComputedStyle(el, '::after').content;
          if (content.includes('EN: Geely')) return content;
        }
        return '';
      });
    const drawn = () =>
      [...document.querySelectorAll('.monaco-editor .view-line span')].some((el) =>
        getComputedStyle(el, '::after').content.includes('EN: Geely'),
      );
    await page.waitForFunction(drawn);
    assert.equal(await after(), '"EN: Geely: the ZEEK…"');
    // The ellipsis is on screen: the decoration ends inside the editor, not past its edge.
    const fits = await page.evaluate(() => {
      const edge = document.querySelector('.monaco-editor .editor-scrollable')?.getBoundingClientRect().right ?? 0;
      for (const el of document.querySelectorAll('.monaco-editor .view-line span')) {
        // The pseudo-element is inside the span's box, so the span's right edge is the note's.
        if (!getComputedStyle(el, '::after').content.includes('EN: Geely')) continue;
        return { right: el.getBoundingClientRect().right, edge };
      }
      return undefined;
    });
    assert.ok(fits && fits.right <= fits.edge, `the note ends at ${fits?.right} px, the editor at ${fits?.edge} px`);
    await page.screenshot({ path: join(results, 'sidecar-note-shortened.png') });
    const box = await glyphBox('吉利');
    await page.mouse.move(box.x - 40, box.y + 40, { steps: 2 });
    await page.mouse.move(box.x + 2, box.y + box.height / 2, { steps: 5 });
    // Hover parts arrive one by one; the note's ends with the note's last words.
    const hover = page.locator('.monaco-hover:visible', { hasText: /machining\sin\sNingbo/ }).first();
    await hover.waitFor({ timeout: 10_000 });
    assert.ok((await hover.innerText()).replace(/\u00a0/g, ' ').includes(note), 'the hover shows the whole note');
    await page.mouse.move(5, 400);
  });

  await scenario(
    'Annotate Passage, type a forbidden rendering, see it in the Problems panel, apply the quick fix',
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').fill(':3');
      await page.keyboard.press('Enter');
      await runFromPalette('Annotate Passage');
      // The snippet's first tab stop (the first term, "Bühler Group") is selected: type over it.
      await page.locator('.view-line', { hasText: 'EN: Bühler Group' }).first().waitFor();
      await page.screenshot({ path: join(results, 'annotate-passage.png') });
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
      const fix = page.locator('.action-widget .monaco-list-row, .context-view .action-item', {
        hasText: 'Replace with "Bühler AG"',
      });
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
        const label =
          (await focused
            .first()
            .getAttribute('aria-label', { timeout: 2000 })
            .catch(() => '')) ?? '';
        if (label.includes('Replace with "Bühler AG"')) break;
        await page.keyboard.press('ArrowDown');
      }
      assert.match(
        (await focused.first().getAttribute('aria-label', { timeout: 2000 })) ?? '',
        /Replace with "Bühler AG"/,
      );
      await page.keyboard.press('Enter');
      await page.locator('.view-line', { hasText: 'EN: Bühler AG: Tuopu Group' }).first().waitFor({ timeout: 10_000 });
      await problem.first().waitFor({ state: 'detached', timeout: 15_000 });
    },
  );

  await searchScenario({ page, results, scenario, openFile, runFromPalette, settledRows, rowLabels });
  await qaApproveScenario({ page, results, workspace, scenario, openFile });
  // The walkthrough's images are the screenshots of the scenarios above, when all of them ran and passed.
  if (failed === 0 && !grep) copyWalkthroughImages(results);
  await walkthroughScenario({
    page,
    results,
    scenario,
    hoverText,
    settingsFile: join(dir, 'user-data', 'User', 'settings.json'),
  });
  await chatScenario({ browser, results, scenario });
} finally {
  await browser.close();
  await server.stop();
}
if (passed > 0 && failed === 0 && !grep)
  copyFileSync(join(results, 'hover-yazhu.png'), join(results, 'readme-hover.png'));
console.log(`UI screenshots: ${results} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
