// UI scenario of issue 15 items 3 and 4, as a reader works: on the sample (a real die-casting order
// report, source in test/fixtures), turn inline pinyin on from the command palette and see the
// pinyin after the words; step to the next term twice with the default key chord and see the
// cursor move; open the gloss at the cursor with its key; save the README's screenshots.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './codeServer.mjs';

const SHOTS = join(ROOT, 'media', 'screenshots');

export async function termKeysScenario({ page, results, scenario, openFile, runFromPalette }) {
  const shot = async (name) => {
    await page.screenshot({ path: join(results, name) });
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(join(results, name), join(SHOTS, name));
  };
  /** The cursor as the status bar shows it ("Ln 1, Col 5"). */
  const cursor = async () => {
    const item = page.locator('#status\\.editor\\.selection');
    await item.waitFor();
    const text = await item.innerText();
    const m = /Ln (\d+), Col (\d+)/.exec(text);
    assert.ok(m, `cursor position in the status bar: ${text}`);
    return { line: Number(m[1]), column: Number(m[2]) };
  };
  /** Texts drawn after words by decorations (CSS ::after content) in the rendered lines. */
  const drawnPinyin = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.monaco-editor .view-line span')]
        .map((s) => getComputedStyle(s, '::after').content)
        .filter((c) => c && c !== 'none' && c !== 'normal')
        .map((c) => c.replace(/^"|"$/g, '')),
    );

  /** In the page: whether inline pinyin is drawn (the first term's, 海天金属 hǎi tiān …) is `shown`. */
  const pinyinIs = (shown) =>
    [...document.querySelectorAll('.monaco-editor .view-line span')].some((s) =>
      /hǎi tiān/.test(getComputedStyle(s, '::after').content),
    ) === shown;
  const pinyinShown = () => page.evaluate(pinyinIs, true);
  const waitForPinyin = (shown) => page.waitForFunction(pinyinIs, shown, { timeout: 15_000 });
  /**
   * The editor has the focus already (opening a file, closing the palette give it back); the click is
   * a person's habit, but on a clean clone's first run something (a toast, a widget closing) can lie
   * over its corner for a while, so it waits only briefly.
   */
  const clickEditor = () =>
    page
      .locator('.monaco-editor .view-lines')
      .first()
      .click({ position: { x: 5, y: 5 }, timeout: 5_000 })
      .catch(() => undefined);

  await scenario('inline pinyin on, Next Term twice by key, the gloss at the cursor by key', async () => {
    try {
      await stepThrough();
    } finally {
      // Whatever failed, the scenarios after this one see the sample without inline pinyin.
      if (await pinyinShown().catch(() => false)) {
        await page.keyboard.press('Escape');
        await runFromPalette('Toggle Inline Pinyin').catch(() => undefined);
      }
    }
  });

  async function stepThrough() {
    await openFile('diecasting-orders.txt');
    await clickEditor();
    await page.keyboard.press('Control+Home');
    await runFromPalette('Toggle Inline Pinyin');
    await waitForPinyin(true);
    const drawn = await drawnPinyin();
    assert.ok(
      drawn.some((t) => /yā zhù/.test(t)),
      `inline pinyin for 压铸 among: ${drawn.slice(0, 12).join(' | ')}`,
    );
    await shot('inline-pinyin.png');

    await page.keyboard.press('Escape');
    await clickEditor();
    await page.keyboard.press('Control+Home');
    const start = await cursor();
    const positions = [];
    for (let k = 0; k < 2; k++) {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Alt+N');
      const before = positions.at(-1) ?? start;
      await page.waitForFunction(
        (b) =>
          !new RegExp(`Ln ${b.line}, Col ${b.column}\\b`).test(
            document.querySelector('#status\\.editor\\.selection')?.textContent ?? '',
          ),
        before,
        { timeout: 10_000 },
      );
      positions.push(await cursor());
    }
    assert.ok(
      positions[0].column > start.column && positions[1].column > positions[0].column,
      `cursor from ${JSON.stringify(start)} to ${JSON.stringify(positions)}`,
    );
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Alt+H');
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Hanzi Gloss' }).first();
    await hover.waitFor({ timeout: 10_000 });
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    assert.match(await hover.innerText(), /[a-zü]+[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
    await shot('next-term.png');
    await page.keyboard.press('Escape');
    await runFromPalette('Toggle Inline Pinyin');
    await waitForPinyin(false);
  }
}
