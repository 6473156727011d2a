/**
 * The layout's rules (README "Layout"): src/core/ never imports vscode or Node's file APIs, every
 * core file lives in one room, and a room imports only rooms below it (data flows downward).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');
const core = join(root, 'src', 'core');
/** Lowest first: a room may import its own files and those of rooms before it. */
const ROOMS = ['text', 'reading', 'glossary', 'lexicon', 'annotate', 'document'];

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

/** Every relative module a file imports, requires or re-exports. */
function relativeImports(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\(\s*|^import\s+)['"](\.[^'"]*)['"]/gm);
  return [...found].map((m) => m[1]);
}

const roomOf = (file: string): string => relative(core, file).split(/[\\/]/)[0];

test('every file of src/core/ is in one of its rooms', () => {
  const loose = walk(core).filter((f) => !ROOMS.includes(roomOf(f)));
  assert.deepEqual(
    loose.map((f) => relative(root, f)),
    [],
  );
});

test('src/core/ never imports vscode or node: modules (the core takes bytes and strings)', () => {
  for (const f of walk(core)) {
    const text = readFileSync(f, 'utf8');
    assert.doesNotMatch(text, /from 'vscode'|require\('vscode'\)|from 'node:|require\('node:/, relative(root, f));
  }
});

test('a room of src/core/ imports only itself and the rooms below it', () => {
  const upward: string[] = [];
  for (const f of walk(core)) {
    const room = ROOMS.indexOf(roomOf(f));
    for (const spec of relativeImports(readFileSync(f, 'utf8'))) {
      const target = resolve(dirname(f), spec);
      const targetRoom = ROOMS.indexOf(roomOf(target));
      if (!target.startsWith(core + '/') || targetRoom > room) upward.push(`${relative(root, f)} → ${spec}`);
    }
  }
  assert.deepEqual(upward, []);
});

test('the rule sees an upward import (the check itself can fail)', () => {
  const imports = relativeImports("import { x } from '../document/scan';\nconst y = require('./a');");
  assert.deepEqual(imports, ['../document/scan', './a']);
  assert.ok(ROOMS.indexOf(roomOf(join(core, 'document', 'scan.ts'))) > ROOMS.indexOf('text'));
});
