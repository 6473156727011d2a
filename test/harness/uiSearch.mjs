// UI scenario of issue 15 ("Search everywhere"), as a user finds a company by its initials: open
// Search Glossary… from the command palette, type ljjt one key at a time, see 力劲集团 (LK
// Technology) as the first item with its pinyin, English and layer; the screenshot is the README's.
import assert from 'node:assert/strict';
import { join } from 'node:path';

export async function searchScenario({ page, results, scenario, openFile, runFromPalette, settledRows, rowLabels }) {
  await scenario('Search Glossary from the command palette: typing ljjt lists 力劲集团 first', async () => {
    await page.keyboard.press('Escape');
    // Over the order notes, as a user reading them would search; the status bar's count says the
    // extension is running (the palette lists its commands only once the extensions are read).
    await openFile('diecasting-orders.txt');
    await page
      .locator('.statusbar-item', { hasText: /passages · \d+ terms/ })
      .first()
      .waitFor({ timeout: 30_000 });
    const input = await runFromPalette('Search Glossary');
    await page.locator('.quick-input-title', { hasText: 'Search Glossary' }).waitFor();
    // A selection left by an earlier scenario would be the query: start from an empty one.
    await input.press('Control+A');
    await input.press('Backspace');
    // One key at a time, as a person types: the list is searched again on each.
    await input.pressSequentially('ljjt', { delay: 80 });
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    await first.filter({ hasText: '力劲集团' }).waitFor({ timeout: 15_000 });
    await settledRows();
    const labels = await rowLabels();
    assert.equal(labels[0], '力劲集团', labels.join(' | '));
    const row = await first.innerText();
    assert.match(row, /lì jìn jí tuán — L\.K\. Technology Holdings Limited/);
    assert.match(row, /Curated glossary · Companies/);
    await page.screenshot({ path: join(results, 'search-ljjt.png') });
    await page.keyboard.press('Escape');
  });
}
