import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, glossHover, openFixture, plain, positionOf } from './helpers';

/** The first line of the hover's first entry block, as a user reads it. */
const firstSenseLine = (hover: string) => plain(hover).split('\n\n')[1]?.split('  \n')[0] ?? '';

/**
 * CC-CEDICT's display order (issue 12) in the real hover, on real news sentences
 * (test/fixtures/senses/sentences.txt, sources recorded there).
 */
export function defineSenseOrderSuite(): void {
  suite('CC-CEDICT sense order in a real VS Code hover', () => {
    let document: vscode.TextDocument;

    suiteSetup(async () => {
      await (await activateExtension()).glossary.lexicon();
      document = (await openFixture('senses/sentences.txt')).document;
    });

    test('发布 in a C114 news sentence shows “to release · to issue” first, no “variant of” line first', async () => {
      const hover = (await glossHover(document, positionOf(document, '发布视频'))) ?? '';
      assert.match(plain(hover), /\*\*发布\*\* 發布 — fā bù/);
      assert.equal(firstSenseLine(hover), 'to release · to issue · to announce · to distribute');
      assert.doesNotMatch(plain(hover), /variant of/);
    });

    test('發布 in a Taiwan news sentence (traditional) shows the same senses first', async () => {
      const hover = (await glossHover(document, positionOf(document, '發布前'))) ?? '';
      assert.equal(firstSenseLine(hover), 'to release · to issue · to announce · to distribute');
    });

    test('向 (udn, Taiwan) shows “towards” first, its surname last; 手机 its classifier on its own line', async () => {
      const toward = plain((await glossHover(document, positionOf(document, '向長年'))) ?? '');
      const towards = toward.indexOf('towards');
      assert.ok(towards > 0 && toward.indexOf('surname Xiang') > towards, toward);
      const phone = plain((await glossHover(document, positionOf(document, '手机。'))) ?? '');
      assert.match(phone, /cell phone; mobile phone {2}\n_CL: 部 bù, 台 tái_/);
    });
  });
}
