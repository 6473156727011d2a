/** package.json and the id tables must agree with each other (the localisation: localisation.test.ts). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Commands, SECTION, Settings } from '../../src/vscode/services/ids';

const root = join(__dirname, '..', '..');
const read = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const pkg = read('package.json');

test('every command in the id table is contributed, and every contributed command is in the table', () => {
  const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(contributed, Object.values(Commands).sort());
});

test('every setting in the id table is contributed, and the reverse', () => {
  const contributed = Object.keys(pkg.contributes.configuration.properties).sort();
  assert.deepEqual(
    contributed,
    Object.values(Settings)
      .map((k) => `${SECTION}.${k}`)
      .sort(),
  );
});

test('manifest basics the design asks for', () => {
  assert.equal(pkg.name, 'hanzi-gloss');
  assert.equal(pkg.engines.vscode, '^1.104.0');
  assert.equal(pkg.devDependencies['@types/vscode'], '1.104.0', '@types/vscode must not be newer than engines.vscode');
  assert.ok(!pkg.activationEvents.includes('*'), 'no * activation');
  assert.equal(pkg.bin['hanzi-gloss'], './dist/cli.js');
  assert.ok(pkg.contributes.jsonValidation.some((v: { url: string }) => v.url === './glossary/glossary.schema.json'));
});

/** Settings naming files that Hanzi Gloss reads or writes (a workspace must not choose them when untrusted). */
const FILE_SETTINGS = [`${SECTION}.${Settings.workspaceGlossaries}`, `${SECTION}.${Settings.userGlossary}`];

test('workspace trust: limited support, with the settings that name files restricted and described', () => {
  const trust = pkg.capabilities?.untrustedWorkspaces;
  assert.equal(trust?.supported, 'limited');
  assert.deepEqual([...trust.restrictedConfigurations].sort(), [...FILE_SETTINGS].sort());
  const description = read('package.nls.json')[/^%(.+)%$/.exec(trust.description)?.[1] ?? ''];
  assert.match(description, /Restricted Mode/);
  assert.ok(description.includes(`${SECTION}.${Settings.workspaceGlossaries}`), 'it names what is limited');
});

test('the user glossary setting is machine-scoped: VS Code never reads it from workspace or folder settings', () => {
  const properties = pkg.contributes.configuration.properties;
  // machine, not application: the path names a file where the extension runs (the remote machine in a remote window).
  assert.equal(properties[`${SECTION}.${Settings.userGlossary}`].scope, 'machine');
  assert.equal(properties[`${SECTION}.${Settings.workspaceGlossaries}`].scope, 'resource');
});
