/**
 * The malformed-input corpus (test/fixtures/malformed/<kind>/<case>, README.md there): every file
 * goes through the real entry point — `hanzi-gloss validate` for glossary files in each format, the
 * core readers for sidecar notes and settings — and must fail with exactly the one line in
 * `<case>.expected`, and (the CLI) exit code 1.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { settingsProblems, type SettingSchema } from '../../src/core/document/settings';
import { parseSidecar } from '../../src/core/annotate/sidecar';
import { decodeUtf8 } from '../../src/core/text/text';

const root = join(__dirname, '..', '..');
const corpus = 'test/fixtures/malformed';
const GLOSSARY_KINDS = ['json', 'tsv', 'csv', 'tbx', 'cedict'];
const run = promisify(execFile);

interface Case {
  readonly kind: string;
  /** Relative to the repository root, as the messages print it. */
  readonly path: string;
  readonly expected: string;
}

const cases: Case[] = readdirSync(join(root, corpus), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, corpus, d.name))
      .filter((name) => !name.endsWith('.expected'))
      .map((name) => {
        const path = `${corpus}/${d.name}/${name}`;
        const expected = readFileSync(join(root, `${path}.expected`), 'utf8');
        assert.ok(expected.endsWith('\n') && !expected.slice(0, -1).includes('\n'), `${path}.expected holds one line`);
        return { kind: d.name, path, expected: expected.slice(0, -1) };
      }),
  );

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributed: { properties: object }[] = [manifest.contributes.configuration].flat();
const schema: Record<string, SettingSchema> = Object.fromEntries(
  contributed.flatMap((c) => Object.entries(c.properties)),
);

/** The one line the real entry point gives for a file (throws if it gives none or several). */
async function errorOf(c: Case): Promise<string> {
  if (GLOSSARY_KINDS.includes(c.kind)) {
    const args = [join(root, 'dist', 'cli.js'), 'validate', c.path];
    const validate = run(process.execPath, args, { cwd: root, encoding: 'utf8' });
    const result = await validate.then(
      (ok) => ({ code: 0, stderr: ok.stderr, stdout: ok.stdout }),
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    const [line, summary, ...rest] = result.stderr.split('\n');
    assert.equal(result.code, 1, `${c.path}: exit code (stdout ${result.stdout})`);
    const one = ['hanzi-gloss: 1 problem(s) in 1 file(s)', ['']];
    assert.deepEqual([summary, rest], one, `${c.path}: one problem, then the summary`);
    return line;
  }
  const text = decodeUtf8(readFileSync(join(root, c.path)), c.path);
  if (c.kind === 'sidecar') {
    parseSidecar(text, c.path);
    throw new Error(`${c.path}: read without an error`);
  }
  assert.equal(c.kind, 'settings', `${c.path}: unknown kind of input`);
  const problems = settingsProblems(text, c.path, schema);
  assert.equal(problems.length, 1, `${c.path}: ${problems.map((p) => p.message).join(' / ')}`);
  return problems[0].message;
}

/** The core readers throw the one line; the CLI prints it. */
const lineOf = (c: Case) => errorOf(c).catch((e: Error) => (e.name === 'LocatedError' ? e.message : Promise.reject(e)));

test('the corpus has at least 40 malformed inputs, of every kind', () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
  const kinds = [...new Set(cases.map((c) => c.kind))].sort();
  assert.deepEqual(kinds, ['cedict', 'csv', 'json', 'settings', 'sidecar', 'tbx', 'tsv']);
});

test('every malformed input fails with exactly its expected line', async () => {
  const got = new Map<string, string>();
  // A few CLI processes at a time: each mostly waits for its start-up.
  const queue = [...cases];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) got.set(c.path, await lineOf(c));
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const wrong = cases
    .filter((c) => got.get(c.path) !== c.expected)
    .map((c) => `${c.path}\n  expected ${c.expected}\n  actual   ${got.get(c.path)}`);
  assert.deepEqual(wrong, []);
});
