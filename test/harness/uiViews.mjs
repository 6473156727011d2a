// UI scenario of issue 15 item 1, as a reader finds their way: click the Hanzi Gloss icon in the
// activity bar, see the sample's terms grouped in *Terms in This Document*, click 在谈 (under
// negotiation) twice and see the editor's selection go to its first and then its next occurrence;
// the screenshot of the side bar is the README's.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './codeServer.mjs';

const SHOTS = join(ROOT, 'media', 'screenshots');

export async function viewsScenario({ page, results, workspace, scenario, openFile }) {
  /** The selection as the status bar shows it: "Ln 1, Col 29 (2 selected)". */
  const selection = async () => {
    const text = await page.locator('#status\\.editor\\.selection').innerText();
    const m = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
    assert.ok(m, `the selection in the status bar: ${text}`);
    return { line: Number(m[1]), column: Number(m[2]), selected: Number(m[3] ?? 0) };
  };
  const waitForSelection = (want) =>
    page.waitForFunction(
      (w) =>
        new RegExp(`Ln ${w.line}, Col ${w.column} \\(${w.selected} selected\\)`).test(
          document.querySelector('#status\\.editor\\.selection')?.textContent ?? '',
        ),
      want,
      { timeout: 10_000 },
    );

  await scenario('the activity-bar icon opens the side bar; clicking a term selects its next occurrence', async () => {
    await page.keyboard.press('Escape');
    await openFile('diecasting-orders.txt');
    const sample = readFileSync(join(workspace, 'diecasting-orders.txt'), 'utf8');
    await page
      .locator('.statusbar-item', { hasText: /passages · \d+ terms/ })
      .first()
      .waitFor({ timeout: 30_000 });
    // From the start of the file: the first occurrence is the one a click goes to.
    await page.keyboard.press('Control+Home');
    const icon = page.locator('.activitybar .action-item a[aria-label^="Hanzi Gloss"]').first();
    await icon.click();
    const header = page.locator('.sidebar .pane-header', { hasText: 'Terms in This Document' }).first();
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const pane = page.locator('.sidebar .pane', {
      has: page.locator('.pane-header', { hasText: 'Terms in This Document' }),
    });
    // The groups, by the sample's domains: all collapsed, then trade's orders opened, as a person would.
    await pane
      .locator('.monaco-list-row', { hasText: 'Companies and organisations' })
      .first()
      .waitFor({ timeout: 20_000 });
    await header.hover();
    await header.locator('.action-label[aria-label="Collapse All"]').click();
    await pane.locator('.monaco-list-row', { hasText: 'Trade and finance' }).first().click();
    await pane.locator('.monaco-list-row', { hasText: 'order' }).first().click();
    const row = pane.locator('.monaco-list-row', { hasText: '在谈' }).first();
    await row.waitFor({ timeout: 20_000 });
    assert.match(await row.innerText(), /在谈\s*zài tán — under negotiation.*\(4×\)/);

    // Where 在谈 is in the file (Ln/Col count from 1; the selection ends after its two characters).
    const lines = sample.split('\n');
    const at = (nth) => {
      let found = -1;
      for (let k = 0; k <= nth; k++) found = sample.indexOf('在谈', found + 1);
      const before = sample.slice(0, found).split('\n');
      return { line: before.length, column: before.at(-1).length + 3, selected: 2 };
    };
    assert.ok(lines.length > 1);
    await row.click();
    await waitForSelection(at(0));
    await page.screenshot({ path: join(results, 'side-bar.png') });
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(join(results, 'side-bar.png'), join(SHOTS, 'side-bar.png'));
    await row.click();
    await waitForSelection(at(1));
    assert.deepEqual(await selection(), at(1));
    // The Explorer back, as the scenarios after this one expect.
    await page.keyboard.press('Control+Shift+E');
  });
}
