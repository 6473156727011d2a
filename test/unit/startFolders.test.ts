/**
 * `npm start` keeps the demo workspace and VS Code's user data between runs (test/harness/start.mjs
 * takes its folders from demoFolders). The harness is an ES module of its own, run here in a child
 * process against a private cache folder, as start.mjs runs it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');
const cache = mkdtempSync(join(tmpdir(), 'hanzi-gloss-start-'));
const codeServer = JSON.stringify(join(root, 'test', 'harness', 'codeServer.mjs'));

/** Runs `code` after importing test/harness/codeServer.mjs as `m`, with the private cache. */
function runHarness(code: string) {
  const env = { ...process.env, HANZI_GLOSS_VSCODE_CACHE: cache };
  const script = `const m = await import(${codeServer});\n${code}`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
}

/** Calls one export of test/harness/codeServer.mjs with JSON arguments; returns its JSON result. */
function harness(fn: string, ...args: unknown[]): unknown {
  const r = runHarness(`process.stdout.write(JSON.stringify(m.${fn}(...${JSON.stringify(args)}) ?? null));`);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('the demo workspace and user data survive the next npm start; --reset starts afresh', () => {
  const first = harness('demoFolders', {}) as { dir: string; workspace: string; sample: string };
  assert.equal(first.sample, join(first.workspace, 'diecasting-orders.txt'));
  assert.ok(existsSync(first.sample), 'the sample is copied on the first run');
  // What a person leaves behind: a glossary entry, a sidecar note, the user glossary in user data.
  mkdirSync(join(first.workspace, '.vscode'), { recursive: true });
  const entries = [{ id: 'a', zh: '压铸机', en: ['die casting machine'] }];
  writeFileSync(join(first.workspace, '.vscode', 'hanzi-gloss.json'), JSON.stringify({ entries }));
  writeFileSync(join(first.workspace, 'diecasting-orders.txt'), '压铸\nEN: die casting\n');
  const storage = join(first.dir, 'user-data', 'User', 'globalStorage', 'hanzi-gloss.hanzi-gloss');
  const userGlossary = join(storage, 'user-glossary.json');
  mkdirSync(join(userGlossary, '..'), { recursive: true });
  writeFileSync(userGlossary, '{"entries":[]}');

  const second = harness('demoFolders', {}) as typeof first;
  assert.deepEqual(second, first);
  assert.match(readFileSync(join(second.workspace, '.vscode', 'hanzi-gloss.json'), 'utf8'), /压铸机/);
  assert.equal(readFileSync(second.sample, 'utf8'), '压铸\nEN: die casting\n', 'the edited sample stays');
  assert.ok(existsSync(userGlossary), 'the user glossary is kept');

  const reset = harness('demoFolders', { reset: true }) as typeof first;
  assert.ok(!existsSync(join(reset.workspace, '.vscode', 'hanzi-gloss.json')));
  assert.ok(!existsSync(userGlossary));
  const fixture = readFileSync(join(root, 'test', 'fixtures', 'diecasting-orders.txt'), 'utf8');
  assert.equal(readFileSync(reset.sample, 'utf8'), fixture);
});

test('npm start -- <folder> opens that folder as it is, and refuses one that does not exist', () => {
  const own = mkdtempSync(join(tmpdir(), 'hanzi-gloss-own-'));
  writeFileSync(join(own, 'notes.txt'), '开模');
  assert.deepEqual(harness('demoFolders', { folder: own }), { dir: join(cache, 'runs', 'start'), workspace: own });
  assert.deepEqual(readFileSync(join(own, 'notes.txt'), 'utf8'), '开模');
  const r = runHarness("m.demoFolders({ folder: '/nonexistent/x' });");
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /\/nonexistent\/x: no such folder/);
});

test('user settings a person changed in the kept user data are not overwritten by the next start', () => {
  const file = join(cache, 'settings.json');
  harness('writeUserSettings', file);
  assert.equal(JSON.parse(readFileSync(file, 'utf8'))['editor.wordWrap'], 'on');
  writeFileSync(file, '{\n  // mine\n  "editor.wordWrap": "off",\n  "hanziGloss.pinyin.toneStyle": "numbers",\n}\n');
  harness('writeUserSettings', file, { 'telemetry.telemetryLevel': 'off' });
  const kept = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(kept['editor.wordWrap'], 'off');
  assert.equal(kept['hanziGloss.pinyin.toneStyle'], 'numbers');
  assert.equal(kept['workbench.startupEditor'], 'none');
});
