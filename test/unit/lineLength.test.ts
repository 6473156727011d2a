/**
 * Lines of the sources stay within 120 characters (README "Layout"): prettier wraps code, but not
 * comments, strings or regexes, so this checks what it leaves. The one exception, in test/ only, is a
 * line that is nothing but a string or regex literal (an expected output): breaking it would hide
 * the text it compares.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');
const LIMIT = 120;

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** A line holding one string, template or regex literal and at most a trailing comma or semicolon. */
export function isLoneLiteral(line: string): boolean {
  return /^\s*(?:(['"`]).*\1|\/.+\/[dgimsuvy]*)[,;]?$/.test(line);
}

/** Line numbers over the limit; with `allowLiterals`, lone literal lines are not counted. */
export function longLines(text: string, allowLiterals: boolean, limit = LIMIT): number[] {
  const over = (line: string) => line.length > limit && !(allowLiterals && isLoneLiteral(line));
  return text.split('\n').flatMap((line, i) => (over(line) ? [i + 1] : []));
}

test('the check finds a long comment and passes a long lone literal', () => {
  const long = 'x'.repeat(LIMIT);
  assert.deepEqual(longLines(`// ${long}\nconst a = 1;\n  '${long}',\n`, true), [1]);
  assert.deepEqual(longLines(`  /${long}/u;\n  \`${long}\`\n`, true), []);
  assert.deepEqual(longLines(`  '${long}',\n`, false), [1]);
  assert.deepEqual(longLines(`  foo('${long}', bar);\n`, true), [1]);
});

test(`every line of src/, test/ and esbuild.mjs is at most ${LIMIT} characters`, () => {
  const files = [...walk(join(root, 'src')), ...walk(join(root, 'test')), join(root, 'esbuild.mjs')];
  const over = files.flatMap((f) => {
    const inTests = relative(root, f).startsWith('test');
    return longLines(readFileSync(f, 'utf8'), inTests).map((n) => `${relative(root, f)}:${n}`);
  });
  assert.deepEqual(over, []);
});
