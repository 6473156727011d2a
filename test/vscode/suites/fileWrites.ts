/**
 * What the extension's writes do to the files users own, in a real VS Code: a private (mode 600)
 * glossary stays private, a glossary kept elsewhere behind a symbolic link is updated where it
 * lives, a read-only one is refused, quick additions all survive, and exports and sidecar notes
 * go through the same writer.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HanziGlossApi } from '../../../src/extension';
import { activateExtension, nextEvent, openFixture, workspaceFile } from './helpers';

const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);
type Saved = { entries: { zh: string; en: string[] }[] };
const entriesOf = (p: string) => (JSON.parse(fs.readFileSync(p, 'utf8')) as Saved).entries;
const temps = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
const add = async (zh: string, en: string) =>
  vscode.commands.executeCommand('hanziGloss.addEntry', { zh, en: [en], target: 'user' });

/** The pid of a process that has exited: a writer killed before it could rename its file. */
function deadPid(): number {
  const pid = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(pid);
}

export function defineFileWriteSuite(): void {
  suite('Writes keep what users set on their files, in a real VS Code', () => {
    let api: HanziGlossApi;
    const dir = fs.mkdtempSync(join(tmpdir(), 'hanzi-gloss-writes-'));

    /** Points the user glossary setting at `path` and waits until the extension has read it. */
    async function useUserGlossary(path: string | undefined): Promise<void> {
      const reloaded = nextEvent(api.glossary.onDidChange, () => true, 10_000, 'glossary reload');
      const config = vscode.workspace.getConfiguration('hanziGloss');
      await config.update('glossaries.user', path, vscode.ConfigurationTarget.Global);
      await reloaded;
    }

    suiteSetup(async () => {
      api = await activateExtension();
      await api.glossary.lexicon();
    });

    suiteTeardown(async () => {
      await useUserGlossary(undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('adding an entry to a mode-600 user glossary keeps it 600', async () => {
      const file = join(dir, 'private.json');
      fs.writeFileSync(file, '{ "name": "Private", "entries": [] }\n', { mode: 0o600 });
      fs.chmodSync(file, 0o600);
      await useUserGlossary(file);
      await add('布勒', 'Buhler');
      assert.deepEqual(
        entriesOf(file).map((e) => e.zh),
        ['布勒'],
      );
      assert.equal(mode(file), '600');
      assert.deepEqual(temps(dir), []);
    });

    test('a user glossary behind a symbolic link is updated where it lives; the link stays', async () => {
      fs.mkdirSync(join(dir, 'dotfiles'));
      const real = join(dir, 'dotfiles', 'glossary.json');
      fs.writeFileSync(real, '{ "name": "Shared", "entries": [] }\n');
      fs.chmodSync(real, 0o640);
      const link = join(dir, 'linked.json');
      fs.symlinkSync(join('dotfiles', 'glossary.json'), link);
      await useUserGlossary(link);
      await add('伊之密', 'Yizumi');
      assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
      assert.deepEqual(
        entriesOf(real).map((e) => e.zh),
        ['伊之密'],
        'the real file has the entry',
      );
      assert.equal(mode(real), '640');
      // Eight additions at once: the writes run one after another and every one survives.
      const terms = ['安徽永泰', '旭升集团', '拓普集团', '爱柯迪', '文灿股份', '广东鸿图', '海天', '力劲'];
      await Promise.all(terms.map((zh, k) => add(zh, `company ${k}`)));
      assert.deepEqual(
        entriesOf(real)
          .map((e) => e.zh)
          .sort(),
        ['伊之密', ...terms].sort(),
      );
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.deepEqual(temps(dir), []);
      assert.deepEqual(temps(join(dir, 'dotfiles')), []);
    });

    test('a read-only user glossary is refused with a one-line reason and left as it was', async () => {
      const file = join(dir, 'locked.json');
      const before = '{ "name": "Locked", "entries": [] }\n';
      fs.writeFileSync(file, before);
      fs.chmodSync(file, 0o444);
      await useUserGlossary(file);
      const reason = 'the file is read-only; not written (make it writable to allow changes)';
      const refused = (e: Error) => e.message === `hanziGloss.addEntry: ${file}: ${reason}`;
      await assert.rejects(add('草签', 'initialled'), refused);
      assert.equal(fs.readFileSync(file, 'utf8'), before);
      assert.equal(mode(file), '444');
    });

    test('a glossary export replacing a private file keeps it private and writes through a link', async () => {
      await useUserGlossary(join(dir, 'private.json'));
      const real = join(dir, 'export-real.tbx');
      fs.writeFileSync(real, 'old', { mode: 0o600 });
      fs.chmodSync(real, 0o600);
      const link = join(dir, 'export.tbx');
      fs.symlinkSync(real, link);
      await vscode.commands.executeCommand('hanziGloss.exportGlossary', { source: 'user', file: link });
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.match(fs.readFileSync(real, 'utf8'), /<term>布勒<\/term>/);
      assert.equal(mode(real), '600');
    });

    test("a sidecar note keeps annotations.json's mode and clears what a killed writer left", async () => {
      const sidecar = workspaceFile('.hanzi-gloss/annotations.json').fsPath;
      const folder = join(sidecar, '..');
      fs.mkdirSync(folder, { recursive: true });
      if (!fs.existsSync(sidecar)) fs.writeFileSync(sidecar, '{ "version": 1, "notes": [] }\n');
      fs.chmodSync(sidecar, 0o600);
      const litter = join(folder, `.annotations.json.${deadPid()}.0badcafe.hanzi-gloss.tmp`);
      fs.writeFileSync(litter, '{ "version": 1, "no');
      const editor = await openFixture('diecasting-orders.txt');
      const line = editor.document
        .getText()
        .split('\n')
        .findIndex((l) => /[\u4e00-\u9fff]/.test(l));
      const text = 'written through the atomic writer';
      await vscode.commands.executeCommand('hanziGloss.addSidecarNote', { line, text });
      const notes = (JSON.parse(fs.readFileSync(sidecar, 'utf8')) as { notes: { text: string }[] }).notes;
      assert.ok(
        notes.some((n) => n.text === text),
        JSON.stringify(notes),
      );
      assert.equal(mode(sidecar), '600');
      assert.ok(!fs.existsSync(litter), "the killed writer's temporary file is gone");
      await vscode.commands.executeCommand('hanziGloss.removeSidecarNote', { line });
    });
  });
}
