/**
 * Target picking (which glossary file an add, edit or import goes to), under plain Node with the
 * slice of the VS Code API it uses handed in: the list, the command argument and the question.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { GlossaryTargets, type TargetHost } from '../../src/vscode/features/glossaryTarget';

const fileUri = (fsPath: string) =>
  ({ scheme: 'file', path: fsPath, fsPath, toString: () => `file://${fsPath}` }) as unknown as vscode.Uri;

const USER = fileUri('/home/u/.config/hanzi-gloss/user-glossary.json');
const TEAM = fileUri('/w/.vscode/hanzi-gloss.json');
const TSV = fileUri('/w/glossary/omegat.tsv');
const JSONC = fileUri('/w/glossary/team.jsonc');

/** l10n.t that fills {0}, asRelativePath that strips /w/, and a quick pick that answers `answer`. */
function host(answer: (items: { label: string }[]) => { label: string } | undefined) {
  const asked: { items: { label: string }[]; options: vscode.QuickPickOptions | undefined }[] = [];
  const fake = {
    l10n: { t: (message: string, ...args: unknown[]) => message.replace('{0}', String(args[0])) },
    window: {
      showQuickPick: async (items: { label: string }[], options?: vscode.QuickPickOptions) => {
        asked.push({ items, options });
        return answer(items);
      },
    },
    workspace: {
      asRelativePath: (uri: vscode.Uri, withFolder?: boolean) => `${withFolder ? 'w/' : ''}${uri.path.slice(3)}`,
      workspaceFolders: [{}],
    },
  } as unknown as TargetHost;
  return { fake, asked };
}

const files = { userGlossaryUri: () => USER, workspaceGlossaryUris: () => [TEAM, TSV, JSONC] };

test('targets: the JSON workspace glossaries first, in order, then the user glossary', () => {
  const targets = new GlossaryTargets(files, host(() => undefined).fake);
  assert.deepEqual(
    targets.all().map((t) => [t.layer, t.label, t.uri]),
    [
      ['workspace', 'Workspace glossary: .vscode/hanzi-gloss.json', TEAM],
      ['workspace', 'Workspace glossary: glossary/team.jsonc', JSONC],
      ['user', 'User glossary: /home/u/.config/hanzi-gloss/user-glossary.json', USER],
    ],
  );
});

test('a command argument names a layer, a file URI or a file path', () => {
  const targets = new GlossaryTargets(files, host(() => undefined).fake);
  assert.equal(targets.resolve('workspace')?.uri, TEAM);
  assert.equal(targets.resolve('user')?.uri, USER);
  assert.equal(targets.resolve('file:///w/glossary/team.jsonc')?.uri, JSONC);
  assert.equal(targets.resolve('/home/u/.config/hanzi-gloss/user-glossary.json')?.uri, USER);
  // Not writable in place (TSV), not configured, or not given: no target.
  assert.equal(targets.resolve('file:///w/glossary/omegat.tsv'), undefined);
  assert.equal(targets.resolve('/elsewhere.json'), undefined);
  assert.equal(targets.resolve(undefined), undefined);
  assert.equal(targets.resolve(''), undefined);
});

test('without workspace glossaries "workspace" names nothing and the user glossary is the one target', () => {
  const only = { userGlossaryUri: () => USER, workspaceGlossaryUris: () => [] };
  const targets = new GlossaryTargets(only, host(() => undefined).fake);
  assert.equal(targets.resolve('workspace'), undefined);
  assert.deepEqual(
    targets.all().map((t) => t.uri),
    [USER],
  );
});

test("asking: every target is offered with the caller's wording, and the chosen one comes back", async () => {
  const { fake, asked } = host((items) => items[2]);
  const targets = new GlossaryTargets(files, fake);
  const picked = await targets.pick('Save "压铸" in…', 'Hanzi Gloss: where to save the entry');
  assert.equal(picked?.uri, USER);
  assert.deepEqual(
    asked[0].items.map((i) => i.label),
    targets.all().map((t) => t.label),
  );
  assert.deepEqual(asked[0].options, {
    placeHolder: 'Save "压铸" in…',
    ignoreFocusOut: true,
    title: 'Hanzi Gloss: where to save the entry',
  });
});

test('asking without a title sets none; cancelling gives no target', async () => {
  const { fake, asked } = host(() => undefined);
  const picked = await new GlossaryTargets(files, fake).pick('Import into…');
  assert.equal(picked, undefined);
  assert.deepEqual(asked[0].options, { placeHolder: 'Import into…', ignoreFocusOut: true });
});
