/**
 * The core's user-facing messages come through label objects (issue 11 item 7): the extension's
 * labels (src/vscode/services/coreLabels.ts, built from vscode.l10n) say in English exactly what the
 * core's English defaults say, every one has a zh-cn translation with the same placeholders, and the
 * real readers and checks put out the labels' text, not English of their own.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkAnnotation, ENGLISH_QA_LABELS } from '../../src/core/annotate/qa';
import { ENGLISH_SIDECAR_LABELS, parseSidecar } from '../../src/core/annotate/sidecar';
import { ENGLISH_SETTINGS_LABELS, settingsProblems, type SettingSchema } from '../../src/core/document/settings';
import { ENGLISH_GLOSSARY_LABELS } from '../../src/core/glossary/labels';
import { crossFileProblems, loadGlossaries, parseGlossaryBytes } from '../../src/core/glossary/load';
import { pinyinProblem } from '../../src/core/reading/pinyin';
import { decodeUtf8, LocatedError } from '../../src/core/text/text';
import { coreLabels, type CoreLabels, type L10n } from '../../src/vscode/services/coreLabels';
import { fixture, fullLexicon, ROOT } from './fullLexicon';

type Args = (string | number | boolean)[];

/** What vscode.l10n.t does with a template when no bundle replaces it. */
const format = (template: string, args: Args) =>
  template.replace(/\{(\d+)\}/g, (hole, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : hole));

const english: L10n = { t: (message, ...args) => format(message, args) };

const bundle: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();

/** vscode.l10n.t with the zh-cn bundle, failing on a template the bundle lacks or translates with other holes. */
const chinese: L10n = {
  t: (message, ...args) => {
    const translated = bundle[message];
    assert.ok(translated, `zh-cn translation of "${message}"`);
    assert.equal(holes(translated), holes(message), `placeholders of "${message}"`);
    return format(translated, args);
  },
};

const DEFAULTS: CoreLabels = {
  glossary: ENGLISH_GLOSSARY_LABELS,
  qa: ENGLISH_QA_LABELS,
  settings: ENGLISH_SETTINGS_LABELS,
  sidecar: ENGLISH_SIDECAR_LABELS,
};

type Fn = (...args: Args) => string;

/** Every message function of a label object, by its path (glossary.pinyin.notMandarin, …). */
function functions(labels: object, prefix = ''): Map<string, Fn> {
  const out = new Map<string, Fn>();
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value === 'function') out.set(prefix + key, value as Fn);
    else for (const [k, f] of functions(value as object, `${prefix}${key}.`)) out.set(k, f);
  }
  return out;
}

/** Arguments to call a label with: distinct markers, plus the values that pick another template. */
function samples(path: string, fn: Fn): Args[] {
  const plain = Array.from({ length: fn.length }, (_, k) => `‹${k}›`);
  if (path === 'settings.wrongType')
    return [plain, ['name', 'array', 'string', ''], ['name', 'boolean', 'string', ' "yes"']];
  return [plain];
}

test('the extension labels say in English exactly what the core defaults say, for every message', () => {
  const ours = functions(coreLabels(english));
  const core = functions(DEFAULTS);
  assert.deepEqual([...ours.keys()].sort(), [...core.keys()].sort());
  assert.ok(ours.size >= 50, `${ours.size} messages`);
  for (const [path, fn] of ours) {
    for (const args of samples(path, fn)) assert.equal(fn(...args), core.get(path)!(...args), `${path}(${args})`);
  }
});

test('every core message has a zh-cn translation with the same placeholders, and it is not the English', () => {
  const zh = functions(coreLabels(chinese));
  const en = functions(DEFAULTS);
  for (const [path, fn] of zh) {
    for (const args of samples(path, fn)) {
      const said = fn(...args);
      assert.notEqual(said, en.get(path)!(...args), `${path} is translated`);
      // Each argument still appears: a translation that drops a placeholder loses what the user must fix.
      for (const a of args) assert.ok(said.includes(String(a)), `${path}: "${said}" shows ${a}`);
    }
  }
});

/** Marks what comes through the labels; nested labels (an "alias" inside a problem) nest marks. */
const marking: L10n = { t: (message, ...args) => `⟪${format(message, args)}⟫` };
const unmark = (s: string) => s.replace(/[⟪⟫]/g, '');
const corpus = 'test/fixtures/malformed';
const expected = (path: string) => readFileSync(join(ROOT, `${path}.expected`), 'utf8').trimEnd();
const listDir = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((n) => !n.endsWith('.expected'))
    .sort();

/** The one problem the core readers give for a file of the malformed corpus, with `labels`. */
function problemOf(
  kind: string,
  path: string,
  labels: CoreLabels,
  schema: Record<string, SettingSchema>,
): LocatedError {
  const bytes = readFileSync(join(ROOT, path));
  if (kind === 'sidecar' || kind === 'settings') {
    try {
      const text = decodeUtf8(bytes, path, labels.glossary.text);
      if (kind === 'sidecar') parseSidecar(text, path, labels.sidecar);
      const problems = kind === 'settings' ? settingsProblems(text, path, schema, labels.settings) : [];
      assert.equal(problems.length, 1, path);
      return problems[0];
    } catch (e) {
      if (e instanceof LocatedError) return e;
      throw e;
    }
  }
  const { problems } = parseGlossaryBytes({ path, bytes }, { labels: labels.glossary });
  assert.equal(problems.length, 1, path);
  return problems[0];
}

test('every problem of the malformed corpus, in every format, comes through the labels', () => {
  const labels = coreLabels(marking);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const schema: Record<string, SettingSchema> = Object.fromEntries(
    [manifest.contributes.configuration].flat().flatMap((c: { properties: object }) => Object.entries(c.properties)),
  );
  const kinds = readdirSync(join(ROOT, corpus), { withFileTypes: true }).filter((d) => d.isDirectory());
  let count = 0;
  for (const kind of kinds.map((d) => d.name)) {
    for (const name of listDir(join(corpus, kind))) {
      const path = `${corpus}/${kind}/${name}`;
      const { file, line, column, reason } = problemOf(kind, path, labels, schema);
      assert.match(reason, /^⟪[^]*⟫$/, `${path}: "${reason}" is the labels' whole text`);
      assert.equal(`${file}:${line}:${column} ${unmark(reason)}`, expected(path), path);
      count++;
    }
  }
  assert.ok(count >= 40, `${count} files`);
});

test('in zh-cn a real glossary problem, a cross-file repeat, a pinyin check and a QA finding read in Chinese', () => {
  const labels = coreLabels(chinese);
  const path = `${corpus}/json/syllable-count.json`;
  const { problems } = parseGlossaryBytes({ path, bytes: readFileSync(join(ROOT, path)) }, { labels: labels.glossary });
  assert.deepEqual(
    problems.map((p) => p.message),
    [`${path}:4:47 拼音“yā zhù”有 2 个音节，但“压铸机”需要 3 个（其中汉字 3 个）`],
  );
  // Two files of one layer with the same term (压铸, from the curated die-casting vocabulary).
  const file = (name: string, id: string) => ({
    path: name,
    bytes: new TextEncoder().encode(JSON.stringify({ name, entries: [{ id, zh: '压铸', en: ['die casting'] }] })),
  });
  const loaded = loadGlossaries([file('a.json', 'yazhu'), file('b.json', 'yazhu')], 'workspace', {
    labels: labels.glossary,
  });
  assert.deepEqual(
    crossFileProblems(loaded, labels.glossary).map((p) => p.reason),
    ['id“yazhu”也用于 a.json:1', '“压铸”在 a.json:1 处也是术语或别名（领域“”）'],
  );
  assert.equal(
    pinyinProblem('开模', 'kai1 mo2', true, labels.glossary.pinyin),
    '拼音音节“kai1”使用了数字声调；请改用声调符号（如 yā）',
  );
  // A line of the order list (diecasting-orders.txt) annotated without its term for 开模.
  const line = fixture('diecasting-orders.txt')
    .split('\n')
    .find((l) => l.includes('德国HNB公司开模'))!;
  const chineseText = line.slice(line.indexOf('德国HNB公司开模'), line.indexOf('德国HNB公司开模') + 9);
  const zh = checkAnnotation(chineseText, 'HNB of Germany supplies the die', fullLexicon(), undefined, labels.qa);
  const en = checkAnnotation(chineseText, 'HNB of Germany supplies the die', fullLexicon());
  assert.deepEqual(
    zh.map((p) => p.code),
    en.map((p) => p.code),
  );
  const missing = zh.find((p) => p.code === 'missing-term')!;
  const approved = en.find((p) => p.code === 'missing-term')!.suggestion!;
  assert.match(missing.message, new RegExp(`^英文中没有“开模”（${approved}）的任何认可译法：`));
  assert.doesNotMatch(missing.message, /approved renderings/);
});
