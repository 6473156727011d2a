import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HanziGlossApi } from '../../../src/extension';
import { activateExtension, glossHover, nextEvent, openFixture, plain, positionOf, workspaceFile } from './helpers';

const FILE = 'malformed-test/glossary.json';
const encode = (s: string) => new TextEncoder().encode(s);

/**
 * A workspace glossary that turns into something the parser must refuse (a 6 KB file nested 6,000
 * deep, which used to overflow the stack in the reload; GBK bytes, which used to be read as U+FFFD):
 * a diagnostic in the Problems panel, a problem on the status bar, and the last good entries stay.
 */
export function defineMalformedGlossarySuite(): void {
  suite('Malformed workspace glossaries in a real VS Code', () => {
    let api: HanziGlossApi;
    let document: vscode.TextDocument;
    const uri = () => workspaceFile(FILE);
    const reload = () => nextEvent(api.glossary.onDidChange, () => true, 10_000, 'glossary reload');
    const hoverAt = async (term: string) => plain((await glossHover(document, positionOf(document, term))) ?? '');
    const write = async (bytes: Uint8Array) => {
      const changed = reload();
      await vscode.workspace.fs.writeFile(uri(), bytes);
      await changed;
    };

    suiteSetup(async () => {
      api = await activateExtension();
      await api.glossary.lexicon();
      document = (await openFixture('diecasting-orders.txt')).document;
      const good = { entries: [{ id: 'g', zh: '压铸', en: ['HPDC (last good)'] }] };
      await vscode.workspace.fs.writeFile(uri(), encode(JSON.stringify(good)));
      const changed = reload();
      const setting = vscode.workspace.getConfiguration('hanziGloss');
      const files = ['.vscode/hanzi-gloss.json', FILE];
      await setting.update('glossaries.workspace', files, vscode.ConfigurationTarget.Workspace);
      await changed;
      const source = /HPDC \(last good\)  \nSource: Workspace glossary · malformed-test\/glossary\.json/;
      assert.match(await hoverAt('压铸'), source);
    });

    suiteTeardown(async () => {
      const changed = reload();
      const setting = vscode.workspace.getConfiguration('hanziGloss');
      await setting.update('glossaries.workspace', undefined, vscode.ConfigurationTarget.Workspace);
      await changed;
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri(), '..'), { recursive: true });
    });

    test('JSON nested 6,000 deep: a diagnostic at the bracket past the limit, last good entries stay', async () => {
      await write(encode('{\n  "entries": ' + '['.repeat(6000) + ']'.repeat(6000) + '\n}\n'));
      const diagnostics = vscode.languages.getDiagnostics(uri());
      assert.deepEqual(
        diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message, d.source]),
        // The root object is level 1: the 100th "[" opens level 101.
        [[1, '  "entries": '.length + 99, 'JSON nested deeper than 100 levels', 'Hanzi Gloss']],
      );
      assert.equal(api.glossary.problemCount, 1, 'the status bar counts the problem');
      assert.match(await hoverAt('压铸'), /HPDC \(last good\)/, 'the last good version is kept');
    });

    test('GBK bytes: a diagnostic naming the encoding at the first invalid byte, last good entries stay', async () => {
      // {"entries":[{"id":"g","zh":"压铸","en":["GBK"]}]} with 压铸 written in GBK (D1B9 D6FD): D1 B9
      // happens to be a valid UTF-8 pair (U+0479), D6 FD is not.
      const before = encode('{"entries":[{"id":"g","zh":"');
      const after = encode('","en":["GBK"]}]}');
      await write(new Uint8Array([...before, 0xd1, 0xb9, 0xd6, 0xfd, ...after]));
      const diagnostics = vscode.languages.getDiagnostics(uri());
      assert.deepEqual(
        diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message]),
        [[0, before.length + 1, 'not UTF-8 (looks like GBK): invalid byte 0xD6; save it as UTF-8']],
      );
      assert.match(await hoverAt('压铸'), /HPDC \(last good\)/, 'the last good version is kept');
    });

    test('fixed again: the diagnostics go and the new entries are used', async () => {
      await write(encode(JSON.stringify({ entries: [{ id: 'g', zh: '压铸', en: ['HPDC (fixed)'] }] })));
      assert.equal(vscode.languages.getDiagnostics(uri()).length, 0);
      assert.match(await hoverAt('压铸'), /HPDC \(fixed\)/);
    });
  });
}
