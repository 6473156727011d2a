import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, glossHover, openFixture, plain, positionOf } from './helpers';

/**
 * A damaged installation found at hover time (CC-CEDICT records that read back damaged, through the
 * real asset loader): the user is told once, naming the file and the repair, and hovers keep
 * answering from the glossaries.
 */
export function defineInstallFailureSuite(): void {
  suite('A damaged installation in a real VS Code', () => {
    let document: vscode.TextDocument;

    suiteSetup(async () => {
      document = (await openFixture('diecasting-orders.txt')).document;
    });

    suiteTeardown(async () => {
      await (await activateExtension()).testing.damageDictionaryRecords(false);
    });

    test('damaged CC-CEDICT records: one error naming dist/cedict.bin, curated hovers still answer', async () => {
      const api = await activateExtension();
      const before = api.failures.shown.length;
      await api.testing.damageDictionaryRecords(true);
      // 加工 is curated and in CC-CEDICT: its dictionary records are read, and fail.
      const first = plain((await glossHover(document, positionOf(document, '加工'))) ?? '');
      assert.match(first, /\*\*加工\*\* — jiā gōng/, first);
      assert.match(first, /Source: Curated glossary/);
      assert.doesNotMatch(first, /Source: CC-CEDICT/, 'the damaged dictionary is left out');
      const shown = api.failures.shown.slice(before);
      assert.equal(shown.length, 1, shown.join('\n'));
      assert.match(
        shown[0],
        new RegExp(
          String.raw`dist/cedict\.bin: corrupted CC-CEDICT asset \(record \d+ is malformed\); ` +
            String.raw`reinstall the Hanzi Gloss extension \(or, in a development checkout, run npm run build\)$`,
        ),
      );
      assert.doesNotMatch(shown[0], /\n/, 'one line');
      // The next hovers answer for curated terms and do not repeat the message.
      const company = plain((await glossHover(document, positionOf(document, '力劲'))) ?? '');
      assert.match(company, /LK Technology/);
      const again = plain((await glossHover(document, positionOf(document, '压铸').translate(0, 1))) ?? '');
      assert.match(again, /die casting/);
      assert.equal(api.failures.shown.length, before + 1);
      // A good dictionary again: its entries are back in the hover.
      await api.testing.damageDictionaryRecords(false);
      const restored = plain((await glossHover(document, positionOf(document, '加工'))) ?? '');
      assert.match(restored, /Source: CC-CEDICT/);
    });
  });
}
