/**
 * How the extension registers with VS Code (README "Layout"): each feature registers its own
 * commands and providers in its exported register… function, which src/extension.ts calls; none is
 * registered in a constructor, in a service or in extension.ts. Commands go through the one helper
 * that reports failures to the user. Features keep no module-level mutable state.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { Commands } from '../../src/vscode/services/ids';

const root = join(__dirname, '..', '..');
const features = join(root, 'src', 'vscode', 'features');
const HELPER = 'src/vscode/services/registerCommand.ts';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const sources = () => walk(join(root, 'src')).map((f) => ({ file: relative(root, f), text: readFileSync(f, 'utf8') }));

/** A call that registers with VS Code: vscode.<namespace>.register…( or the command helper. */
const REGISTRATION = /\bvscode\.\w+\.register\w*\(|(?<![.\w])registerCommand\(/g;

/** Line by line: each registration call with the top-level declaration it sits in (its column-0 line). */
function registrations(text: string): { call: string; line: number; within: string }[] {
  const lines = text.split('\n');
  const out: { call: string; line: number; within: string }[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(REGISTRATION)) {
      // Prettier puts every top-level declaration at column 0 and indents what is inside it;
      // closing brackets and comments at column 0 do not start one.
      let k = i;
      while (k > 0 && !/^[^\s})\]/*]/.test(lines[k])) k--;
      out.push({ call: m[0] + line.slice(m.index + m[0].length).trim(), line: i + 1, within: lines[k] });
    }
  });
  return out;
}

const inRegisterFunction = (within: string) => /^export function register\w*\(/.test(within);

test('commands are registered only through the one helper that reports their failures', () => {
  const direct = sources()
    .filter((s) => s.file !== HELPER)
    .flatMap((s) => registrations(s.text).map((r) => ({ ...r, file: s.file })))
    .filter((r) => /^vscode\.commands\./.test(r.call));
  assert.deepEqual(
    direct.map((r) => `${r.file}:${r.line}`),
    [],
  );
});

test('every command and provider is registered in a feature’s exported register… function', () => {
  const misplaced = sources()
    .filter((s) => s.file !== HELPER)
    .flatMap((s) => registrations(s.text).map((r) => ({ ...r, file: s.file })))
    .filter((r) => !r.file.startsWith('src/vscode/features/') || !inRegisterFunction(r.within));
  assert.deepEqual(
    misplaced.map((r) => `${r.file}:${r.line} (in "${r.within}")`),
    [],
  );
});

test('each command of the id table is registered once, by one feature', () => {
  const registered = walk(features).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/(?<![.\w])registerCommand\(\s*(\S+?),/g)].map((m) => m[1]),
  );
  assert.deepEqual(
    registered.sort(),
    Object.keys(Commands)
      .map((k) => `Commands.${k}`)
      .sort(),
  );
});

test('extension.ts calls every feature’s register… function', () => {
  const activation = readFileSync(join(root, 'src', 'extension.ts'), 'utf8');
  const exported = walk(features).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/^export function (register\w*)\(/gm)].map((m) => m[1]),
  );
  assert.ok(exported.length >= 9, `${exported.length} register functions`);
  for (const name of exported) assert.match(activation, new RegExp(`\\b${name}\\(`), `extension.ts calls ${name}`);
  // What a feature needs from another comes through its constructor, not a property set afterwards.
  assert.doesNotMatch(activation, /^\s+\w+\.\w+\s*=[^=]/m, 'extension.ts sets no property of a feature');
});

/** A top-level let or var, or a top-level collection or emitter: state that lives as long as the module. */
const MODULE_STATE =
  /^(export )?(let|var) |^(export )?const \w+(: [^=]+)? = new ((Weak)?(Map|Set)|vscode\.EventEmitter)\b/;

test('features keep no module-level mutable state (it would outlive a deactivation and be shared)', () => {
  const found: string[] = [];
  for (const f of [...walk(features), join(root, 'src', 'extension.ts')]) {
    readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (MODULE_STATE.test(line)) found.push(`${relative(root, f)}:${i + 1}: ${line}`);
      });
  }
  assert.deepEqual(found, []);
  assert.ok(
    MODULE_STATE.test('const fixes = new WeakMap<vscode.Diagnostic, Fix>();'),
    'the rule sees a module-level map',
  );
});

test('the rules see a provider registered in a constructor and a command registered beside the helper', () => {
  const source = [
    'class Notes {',
    '  constructor() {',
    "    vscode.languages.registerHoverProvider({ pattern: '**' }, this);",
    '  }',
    '}',
    '',
    'export function registerNotes(notes: Notes): vscode.Disposable {',
    '  return vscode.Disposable.from(',
    '    registerCommand(Commands.addNote, () => notes.add()),',
    "    vscode.commands.registerCommand('x', () => 1),",
    '  );',
    '}',
    "vscode.languages.registerCodeActionsProvider('*', fixes);",
  ].join('\n');
  const found = registrations(source);
  assert.deepEqual(
    found.map((r) => [r.line, inRegisterFunction(r.within)]),
    [
      [3, false],
      [9, true],
      [10, true],
      [13, false],
    ],
  );
  assert.match(found[2].call, /^vscode\.commands\./);
});
