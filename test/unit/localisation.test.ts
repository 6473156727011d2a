/**
 * Localisation audit: every user-facing text of the manifest is a %key% with an English and a
 * Simplified Chinese text, and every message given to vscode.l10n.t in the sources has a zh-cn
 * translation with the same placeholders. The sources are parsed with the TypeScript compiler (as
 * the compiler sees the calls, whatever the quoting, line breaks or escapes), not matched by pattern.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const read = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const pkg = read('package.json');

/** Manifest properties that VS Code shows to users (under contributes, and the top-level ones). */
const SHOWN = new Set([
  'displayName',
  'description',
  'title',
  'shortTitle',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'altText',
  'contents',
  'name',
  'label',
  'contextualTitle',
]);
/** The product's name is the same in every language (the settings page's section title). */
const SAME_IN_EVERY_LANGUAGE = new Set(['Hanzi Gloss']);

/** Every string value of `value` with the path to it, `[n]` for array items. */
function strings(value: unknown, path: string[] = []): { path: string[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, `[${i}]`]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

test('every user-facing text of package.json is a %key%, not a literal', () => {
  const shown = strings({
    displayName: pkg.displayName,
    description: pkg.description,
    capabilities: pkg.capabilities,
    contributes: pkg.contributes,
  }).filter(({ path }) => SHOWN.has(path.filter((p) => !p.startsWith('[')).at(-1) ?? ''));
  assert.ok(shown.length > 50, `${shown.length} user-facing texts`);
  // A chat participant's and its commands' names are what users type (@hanzi /terms): not translated.
  const typed = ({ path }: { path: string[] }) => path[1] === 'chatParticipants' && path.at(-1) === 'name';
  const literal = shown.filter((s) => !/^%[^%]+%$/.test(s.text) && !SAME_IN_EVERY_LANGUAGE.has(s.text) && !typed(s));
  assert.deepEqual(
    literal.map(({ path, text }) => `${path.join('.')}: ${text}`),
    [],
  );
});

test('every %key% of package.json has an English and a Simplified Chinese text, and no nls key is unused', () => {
  const keys = new Set(strings(pkg).flatMap(({ text }) => (/^%([^%]+)%$/.exec(text)?.[1] ?? []) as string[]));
  const en = read('package.nls.json');
  const zh = read('package.nls.zh-cn.json');
  for (const k of keys) {
    assert.ok(typeof en[k] === 'string' && en[k].trim(), `package.nls.json has ${k}`);
    assert.ok(typeof zh[k] === 'string' && zh[k].trim(), `package.nls.zh-cn.json has ${k}`);
  }
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'both nls files have the same keys');
  assert.deepEqual(
    Object.keys(en).filter((k) => !keys.has(k)),
    [],
    'every nls key is used in package.json',
  );
});

test('the command links of the walkthrough are the same in both languages (only the words differ)', () => {
  const en = read('package.nls.json');
  const zh = read('package.nls.zh-cn.json');
  const links = (text: string) => [...text.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]);
  for (const k of Object.keys(en).filter((k) => k.startsWith('walkthrough.')))
    assert.deepEqual(links(zh[k]), links(en[k]), k);
});

interface Message {
  readonly text: string;
  /** How many arguments follow the message (undefined when a spread hides it). */
  readonly args: number | undefined;
  readonly where: string;
}

/** The messages of every `….l10n.t(…)` / `l10n.t(…)` call in the file; the calls whose message is not a literal. */
function l10nCalls(file: string, text = readFileSync(file, 'utf8')): { messages: Message[]; unchecked: string[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const messages: Message[] = [];
  const unchecked: string[] = [];
  const where = (node: ts.Node) =>
    `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const isL10n = (e: ts.Expression) =>
    (ts.isIdentifier(e) && e.text === 'l10n') || (ts.isPropertyAccessExpression(e) && e.name.text === 'l10n');
  const literal = (e: ts.Expression | undefined) =>
    e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 't' &&
      isL10n(node.expression.expression)
    ) {
      const [first, ...rest] = node.arguments;
      // l10n.t({ message, args, comment }) names its message; l10n.t(message, ...args) gives it first.
      const options = first && ts.isObjectLiteralExpression(first) ? first : undefined;
      const property = options?.properties.find(
        (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === 'message',
      );
      const text = options ? literal(property?.initializer) : literal(first);
      const spread = rest.some(ts.isSpreadElement);
      if (text === undefined) unchecked.push(`${where(node)}: ${node.getText(source).slice(0, 80)}`);
      else messages.push({ text, args: options || spread ? undefined : rest.length, where: where(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { messages, unchecked };
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

const holes = (t: string) => (t.match(/\{\d+\}/g) ?? []).sort().join();

test('every vscode.l10n.t message in src/ is a literal with a zh-cn translation of the same placeholders', () => {
  const bundle = read('l10n/bundle.l10n.zh-cn.json');
  const calls = sourceFiles(join(root, 'src')).map((f) => l10nCalls(f));
  const unchecked = calls.flatMap((c) => c.unchecked);
  assert.deepEqual(unchecked, [], 'a message that is not a literal cannot be found in the bundle');
  const messages = calls.flatMap((c) => c.messages);
  assert.ok(messages.length > 100, `${messages.length} messages`);
  const missing = messages.filter((m) => typeof bundle[m.text] !== 'string' || !bundle[m.text].trim());
  assert.deepEqual(
    missing.map((m) => `${m.where}: ${m.text}`),
    [],
    'each has a translation in l10n/bundle.l10n.zh-cn.json',
  );
  for (const m of messages) {
    assert.equal(holes(bundle[m.text]), holes(m.text), `placeholders of "${m.text}" (${m.where})`);
    const highest = Math.max(-1, ...(m.text.match(/\{(\d+)\}/g) ?? []).map((h) => Number(h.slice(1, -1))));
    if (m.args !== undefined) assert.ok(m.args > highest, `"${m.text}" (${m.where}) is given ${m.args} argument(s)`);
  }
  const used = new Set(messages.map((m) => m.text));
  assert.deepEqual(
    Object.keys(bundle).filter((k) => !used.has(k)),
    [],
    'every bundle key is a message of src/',
  );
});

test('the audit sees every form of call: quotes, templates, the options object, and a non-literal', () => {
  const text = [
    `vscode.l10n.t('single {0}', a);`,
    `vscode.l10n.t("double \\"quoted\\"");`,
    'l10n.t(`template`);',
    `vscode.l10n.t({ message: 'options {0}', args: [a], comment: 'c' });`,
    `vscode.l10n.t(someVariable);`,
    'vscode.l10n.t(`with ${x}`);',
    `other.t('not l10n');`,
  ].join('\n');
  const { messages, unchecked } = l10nCalls(join(root, 'src', 'forms.ts'), text);
  assert.deepEqual(
    messages.map((m) => [m.text, m.args]),
    [
      ['single {0}', 1],
      ['double "quoted"', 0],
      ['template', 0],
      ['options {0}', undefined],
    ],
  );
  assert.equal(unchecked.length, 2, unchecked.join('\n'));
});
