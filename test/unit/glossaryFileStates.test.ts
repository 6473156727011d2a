/**
 * What the extension keeps of each user/workspace glossary file, under plain Node: the last good
 * version survives a file that stops parsing, entry-level problems drop only their entries, and a
 * disk read overtaken by a newer update is known to be stale. The entries are companies of the
 * order list in test/fixtures/diecasting-orders.txt, as the curated glossary/companies.json has them
 * (sources there: ccmg.cqu.edu.cn/info/1070/2324.htm for 海天金属, buhlergroup.com for 布勒).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { GlossaryFileStates } from '../../src/vscode/services/glossaryFileStates';

const uri = (s: string) => ({ toString: () => s }) as unknown as vscode.Uri;
const USER = uri('file:///home/u/user-glossary.json');
const WORKSPACE = uri('file:///w/.vscode/hanzi-gloss.json');

const haitian = { id: 'haitian', zh: '海天金属', pinyin: 'hǎi tiān jīn shǔ', en: ['Haitian Metal'] };
const buhler = { id: 'buhler', zh: '布勒', pinyin: 'bù lè', en: ['Bühler AG'] };
const glossaryText = (...entries: object[]) => JSON.stringify({ name: 'My glossary', entries }, null, 2);

const take = (states: GlossaryFileStates, u: vscode.Uri, layer: 'user' | 'workspace', text: string) =>
  states.take(u, layer, text, u.toString().slice('file://'.length), 'label');

const zhOf = (states: GlossaryFileStates, layer: 'user' | 'workspace') =>
  states.goodOf(layer).flatMap((g) => g.glossary.entries.map((e) => e.zh));

test('a good file is used, with its source naming the file', () => {
  const states = new GlossaryFileStates();
  const state = take(states, USER, 'user', glossaryText(haitian, buhler));
  assert.deepEqual(state.problems, []);
  assert.deepEqual(zhOf(states, 'user'), ['海天金属', '布勒']);
  assert.deepEqual(zhOf(states, 'workspace'), []);
  assert.deepEqual(state.good?.source, {
    layer: 'user',
    label: 'label',
    file: '/home/u/user-glossary.json',
    id: '/home/u/user-glossary.json',
  });
});

test('a file that stops parsing keeps its last good entries and reports where it broke', () => {
  const states = new GlossaryFileStates();
  take(states, USER, 'user', glossaryText(haitian, buhler));
  const broken = glossaryText(haitian, buhler).slice(0, -20);
  const state = take(states, USER, 'user', broken);
  assert.equal(state.problems.length > 0, true);
  assert.match(state.problems[0].message, /^\/home\/u\/user-glossary\.json:\d+:\d+ /);
  assert.deepEqual(zhOf(states, 'user'), ['海天金属', '布勒']);
  assert.equal(states.problemCount, state.problems.length);
  // Fixed again: the new version is used and the problems are gone.
  take(states, USER, 'user', glossaryText(buhler));
  assert.deepEqual(zhOf(states, 'user'), ['布勒']);
  assert.equal(states.problemCount, 0);
});

test('an entry with a problem drops only that entry', () => {
  const states = new GlossaryFileStates();
  const state = take(states, WORKSPACE, 'workspace', glossaryText(haitian, { ...buhler, en: [] }));
  assert.equal(state.problems.length, 1);
  assert.match(state.problems[0].message, /^\/w\/\.vscode\/hanzi-gloss\.json:\d+:\d+ /);
  assert.deepEqual(zhOf(states, 'workspace'), ['海天金属']);
});

test('an emptied file is an empty layer, not a broken one', () => {
  const states = new GlossaryFileStates();
  take(states, USER, 'user', glossaryText(haitian));
  take(states, USER, 'user', '');
  assert.deepEqual(zhOf(states, 'user'), []);
});

test('a file refused as text (not UTF-8) keeps its last good entries', () => {
  const states = new GlossaryFileStates();
  take(states, USER, 'user', glossaryText(haitian));
  const problem = Object.assign(new Error('/home/u/user-glossary.json:1:3 not UTF-8'), {
    file: '/home/u/user-glossary.json',
    line: 1,
    column: 3,
    reason: 'not UTF-8',
  });
  const state = states.refuse(USER, 'user', [problem]);
  assert.deepEqual(state.problems, [problem]);
  assert.deepEqual(zhOf(states, 'user'), ['海天金属']);
  assert.equal(states.problemCount, 1);
});

test('a read overtaken by an update of the same file is stale; one of another file is not', () => {
  const states = new GlossaryFileStates();
  const overtaken = states.startRead(USER);
  const other = states.startRead(WORKSPACE);
  assert.equal(overtaken(), false);
  take(states, USER, 'user', glossaryText(haitian));
  assert.equal(overtaken(), true, 'our own edit came while the disk read was under way');
  assert.equal(other(), false);
  const later = states.startRead(USER);
  assert.equal(later(), false);
  states.refuse(USER, 'user', []);
  assert.equal(later(), true, 'a refused read counts as an update too');
});

test('a forgotten file leaves the lexicon and the problem count', () => {
  const states = new GlossaryFileStates();
  take(states, USER, 'user', glossaryText(haitian, { ...buhler, en: [] }));
  take(states, WORKSPACE, 'workspace', glossaryText(buhler));
  assert.deepEqual(states.keys(), [USER.toString(), WORKSPACE.toString()]);
  states.delete(USER);
  assert.deepEqual(zhOf(states, 'user'), []);
  assert.equal(states.problemCount, 0);
  assert.deepEqual(
    states.all().map((s) => s.uri.toString()),
    [WORKSPACE.toString()],
  );
});
