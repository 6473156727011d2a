// UI scenario of issue 15 item 5, as a new user meets the walkthrough: open it from the command
// palette (Welcome: Open Walkthrough… runs workbench.action.openWalkthrough), see its first step with
// the image, click the step's button, see the bundled sample open with the gloss of 压铸 shown, and
// the step ticked. Then, with hanziGloss.toneColors on, the hover's pinyin is drawn in the tone
// colours of the active theme. Also: the walkthrough's step images, copied from this run's
// screenshots (each step's image is what the UI tests saw when doing that step on the sample).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './codeServer.mjs';

const SHOTS = join(ROOT, 'media', 'screenshots');
const IMAGES = join(ROOT, 'media', 'walkthrough');

/** Walkthrough image ← the UI run's screenshot of that step (package.json's walkthrough names them). */
const STEP_IMAGES = {
  'hover.png': 'hover-yazhu.png',
  'add-entry.png': 'add-entry-hover.png',
  'annotate.png': 'annotate-passage.png',
  'qa.png': 'forbidden-term-problem.png',
  'search.png': 'search-ljjt.png',
};

/** Copies the run's screenshots to media/walkthrough/ (after the scenarios that take them all passed). */
export function copyWalkthroughImages(results) {
  mkdirSync(IMAGES, { recursive: true });
  for (const [image, shot] of Object.entries(STEP_IMAGES)) copyFileSync(join(results, shot), join(IMAGES, image));
}

export async function walkthroughScenario({ page, results, scenario, hoverText, setUserSettings }) {
  await scenario(
    'the walkthrough opens from the palette; its first button shows the gloss of 压铸 on the sample',
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>Welcome: Open Walkthrough');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Hanzi Gloss' })
        .first()
        .click();
      const walkthrough = page.locator('.gettingStartedContainer');
      await walkthrough.locator('h2', { hasText: 'Get started with Hanzi Gloss' }).first().waitFor({ timeout: 15_000 });
      const step = walkthrough.locator('.getting-started-step', { hasText: 'Hover a term' }).first();
      await step.waitFor();
      // The first step is open, with its image (a screenshot of the hover over 压铸) loaded.
      const image = walkthrough.locator('.getting-started-media img').first();
      await image.waitFor();
      await page.waitForFunction(
        () => {
          const img = document.querySelector('.gettingStartedContainer .getting-started-media img');
          return img?.complete && img.naturalWidth > 0;
        },
        undefined,
        { timeout: 10_000 },
      );
      assert.match((await image.getAttribute('src')) ?? '', /media\/walkthrough\/hover\.png/);
      await page.screenshot({ path: join(results, 'walkthrough.png') });
      mkdirSync(SHOTS, { recursive: true });
      copyFileSync(join(results, 'walkthrough.png'), join(SHOTS, 'walkthrough.png'));
      assert.equal(await step.locator('.codicon-getting-started-step-checked').count(), 0, 'not done yet');

      await step.getByText('Show the gloss of 压铸 in the sample').click();
      // The sample opens (the walkthrough's own copy of it) with the hover of 压铸 shown at the cursor.
      await page.locator('.tab.active', { hasText: 'diecasting-orders.txt' }).waitFor({ timeout: 15_000 });
      const hover = page.locator('.monaco-hover:visible', { hasText: 'yā zhù' }).first();
      await hover.waitFor({ timeout: 15_000 });
      assert.match(await hover.innerText(), /die casting/);
      // Back on the walkthrough, the step is ticked.
      await page.locator('.tab', { hasText: 'Welcome' }).first().click();
      await step.locator('.codicon-getting-started-step-checked').waitFor({ timeout: 10_000 });
      await page.locator('.tab', { hasText: 'diecasting-orders.txt' }).first().click();
    },
  );

  await scenario(
    'with hanziGloss.toneColors on, the pinyin of the hover over 压铸 is in the theme’s tone colours',
    async () => {
      await page.keyboard.press('Escape');
      setUserSettings({ 'hanziGloss.toneColors': true });
      try {
        const toned = page.locator('.monaco-hover:visible span[style*="hanziGloss-tone"]');
        for (let attempt = 0; ; attempt++) {
          await hoverText('压铸');
          if ((await toned.count()) > 0) break;
          // The settings file is read again shortly after it changes: hover again until it is.
          if (attempt === 10) throw new Error('the hover has no tone-coloured syllables');
          await page.mouse.move(5, 400);
          await page.waitForTimeout(500);
        }
        const drawn = await page.evaluate(() => {
          const workbench = getComputedStyle(document.querySelector('.monaco-workbench'));
          const hover = [...document.querySelectorAll('.monaco-hover')].find((h) => h.checkVisibility());
          return [...hover.querySelectorAll('span[style*="hanziGloss-tone"]')].slice(0, 2).map((s) => {
            const tone = /tone(\d)/.exec(s.getAttribute('style'))[1];
            // The theme's colour for the tone, as the browser resolves it (a probe element takes it).
            const probe = document.createElement('span');
            probe.style.color = workbench.getPropertyValue(`--vscode-hanziGloss-tone${tone}`);
            document.body.append(probe);
            const theme = getComputedStyle(probe).color;
            probe.remove();
            return {
              text: s.textContent,
              tone,
              color: getComputedStyle(s).color,
              theme,
              plain: getComputedStyle(hover).color,
            };
          });
        });
        assert.deepEqual(
          drawn.map((d) => [d.text, d.tone]),
          [
            ['yā', '1'],
            ['zhù', '4'],
          ],
        );
        for (const d of drawn) {
          assert.match(d.theme, /^rgb/, `the theme defines hanziGloss.tone${d.tone}`);
          assert.equal(d.color, d.theme, `${d.text} is drawn in hanziGloss.tone${d.tone}`);
          assert.notEqual(d.color, d.plain, `${d.text} stands out from the hover's text`);
        }
        // What a screen reader reads is the pinyin as it is without colours.
        assert.match(
          await page.locator('.monaco-hover:visible', { hasText: 'yā zhù' }).first().innerText(),
          /— yā zhù/,
        );
        await page.screenshot({ path: join(results, 'hover-tone-colours.png') });
      } finally {
        setUserSettings({ 'hanziGloss.toneColors': false });
        await page.mouse.move(5, 400);
      }
    },
  );
}
