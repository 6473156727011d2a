/** The CLI as external checks use it: a child process, its stdout, stderr and exit code. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const fixture = join(root, 'test', 'fixtures', 'diecasting-orders.txt');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });
const tmp = mkdtempSync(join(tmpdir(), 'hanzi-gloss-cli-'));

test('scan --json prints exactly the documented shape with UTF-16 offsets', () => {
  const r = run('scan', fixture, '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['passages', 'matches']);
  assert.deepEqual(Object.keys(out.passages[0]), ['start', 'end', 'text']);
  assert.deepEqual(Object.keys(out.matches[0]), ['start', 'end', 'text', 'pinyin', 'entries']);
  assert.deepEqual(Object.keys(out.matches[0].entries[0]), ['zh', 'en', 'source']);
  const text = require('node:fs').readFileSync(fixture, 'utf8');
  for (const m of out.matches) assert.equal(text.slice(m.start, m.end), m.text);
  const yazhu = out.matches.find((m: { text: string }) => m.text === '压铸');
  assert.deepEqual(yazhu, {
    start: yazhu.start,
    end: yazhu.start + 2,
    text: '压铸',
    pinyin: 'yā zhù',
    entries: [{ zh: '压铸', en: yazhu.entries[0].en, source: 'curated:die-casting' }],
  });
  assert.equal(yazhu.entries[0].en[0], 'die casting');
});

test('scan without --json prints a readable table', () => {
  const r = run('scan', fixture);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^line:col\s+term\s+pinyin\s+english\s+source/);
  assert.match(r.stdout, /5:12\s+压铸\s+yā zhù\s+die casting/);
  assert.match(r.stdout, /3 Chinese passage\(s\), \d+ glossary match\(es\)/);
});

test('--glossary adds a higher layer whose entries come first', () => {
  const g = join(tmp, 'mine.json');
  writeFileSync(
    g,
    JSON.stringify({ name: 'Mine', entries: [{ id: 'm', zh: '压铸', pinyin: 'yā zhù', en: ['HPDC'] }] }),
  );
  const out = JSON.parse(run('scan', fixture, '--glossary', g, '--json').stdout);
  const yazhu = out.matches.find((m: { text: string }) => m.text === '压铸');
  assert.deepEqual(
    yazhu.entries.map((e: { source: string }) => e.source),
    [g, 'curated:die-casting'],
  );
});

test('pinyin prints tone-marked syllables with glossary readings first', () => {
  const r = run('pinyin', '德国HNB公司开模，在宁波加工');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, 'dé guó HNB gōng sī kāi mú, zài níng bō jiā gōng\n');
  assert.equal(run('pinyin', '压铸', '--tones', 'numbers').stdout, 'ya1 zhu4\n');
});

test('bad usage exits 2 with a reason', () => {
  for (const args of [
    [],
    ['frobnicate'],
    ['scan'],
    ['scan', fixture, '--bogus'],
    ['pinyin'],
    ['pinyin', '压铸', '--tones', 'colour'],
  ]) {
    const r = run(...args);
    assert.equal(r.status, 2, `${args.join(' ')} → ${r.status}`);
    assert.match(r.stderr.split('\n')[0] || r.stdout, /hanzi-gloss|Usage/);
  }
});

test('an unreadable file exits 1 with one line naming it', () => {
  const r = run('scan', join(tmp, 'missing.txt'));
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `hanzi-gloss: ${join(tmp, 'missing.txt')}: cannot read file (ENOENT)\n`);
});

test('an invalid glossary exits 1 with file:line:column', () => {
  const g = join(tmp, 'bad.json');
  writeFileSync(g, '{\n  "entries": [\n    { "id": "x", "zh": "压铸", "en": [] }\n  ]\n}\n');
  const r = run('scan', fixture, '--glossary', g);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `hanzi-gloss: ${g}:3:36 "en" must be a non-empty array of strings\n`);
  const v = run('validate', g);
  assert.equal(v.status, 1);
  assert.match(v.stderr, new RegExp(`^${g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:36 `));
});

test('validate accepts the curated glossaries', () => {
  const r = run('validate');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^ok: \d+ glossary file\(s\), \d+ entries/);
});

test('validate finds ids and terms repeated across files, with positions', () => {
  const a = join(tmp, 'a.json');
  const b = join(tmp, 'b.json');
  writeFileSync(a, JSON.stringify({ domain: 'x', entries: [{ id: 'one', zh: '压铸', en: ['die casting'] }] }, null, 2));
  writeFileSync(
    b,
    JSON.stringify(
      { domain: 'x', entries: [{ id: 'one', zh: '开模', en: ['tooling'], aliases: [{ zh: '压铸' }] }] },
      null,
      2,
    ),
  );
  const r = run('validate', a, b);
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines[0], `${b}:6:13 id "one" is also used at ${a}:6`);
  assert.equal(lines[1], `${b}:6:13 "压铸" is also a term or alias at ${a}:6 (domain "x")`);
});

test('convert goes between formats by extension and keeps what each holds', () => {
  const tbx = join(tmp, 'out.tbx');
  const r = run('convert', join(root, 'glossary', 'trade.json'), tbx);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /out\.tbx: \d+ entries \(Hanzi Gloss JSON → TBX-Basic\)/);
  const back = join(tmp, 'back.json');
  assert.equal(run('convert', tbx, back).status, 0);
  const original = JSON.parse(require('node:fs').readFileSync(join(root, 'glossary', 'trade.json'), 'utf8'));
  const roundTripped = JSON.parse(require('node:fs').readFileSync(back, 'utf8'));
  const withDomain = original.entries.map((e: { domain?: string }) => ({ ...e, domain: e.domain ?? original.domain }));
  assert.deepEqual(roundTripped.entries, withDomain);
  assert.equal(run('convert', tbx).status, 2);
  assert.equal(run('convert', tbx, join(tmp, 'x.docx')).status, 2);
  const bad = join(tmp, 'bad.csv');
  writeFileSync(bad, 'zh,en\nnot chinese,x\n');
  const b = run('convert', bad, join(tmp, 'y.json'));
  assert.equal(b.status, 1);
  const problem = `${bad}:2:1 row 2: the Chinese column must hold a Chinese term ("not chinese")`;
  assert.equal(b.stderr, `${problem}\nhanzi-gloss: 1 problem(s); ${join(tmp, 'y.json')} not written\n`);
});

test('annotate adds a draft after each Chinese line without one; check reports problems with positions', () => {
  const r = run('annotate', fixture);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.split('\n');
  assert.match(out[1], /^EN: Haitian Metal: Anhui Yongtai \(\?\) 3 units, 2 × 6,000 t/);
  const annotated = join(tmp, 'annotated.txt');
  writeFileSync(annotated, r.stdout);
  assert.equal(run('annotate', annotated).stdout, r.stdout, 'lines already annotated are left alone');
  const clean = run('check', annotated, '--json');
  assert.equal(clean.status, 0);
  assert.deepEqual(JSON.parse(clean.stdout), { problems: [] });
  writeFileSync(annotated, '两台8800吨开模\nEN: 2 × 8,000 t with 开模\n');
  const bad = run('check', annotated, '--json');
  assert.equal(bad.status, 1);
  const problems = JSON.parse(bad.stdout).problems;
  assert.deepEqual(
    problems.map((p: { code: string; line: number; column: number; term?: string }) => [
      p.code,
      p.line,
      p.column,
      p.term,
    ]),
    [
      ['missing-term', 2, 5, '开模'],
      ['number-mismatch', 2, 5, '8800'],
      // the changed number is also one the Chinese does not have
      ['extra-number', 2, 9, '8,000'],
      ['untranslated', 2, 22, '开模'],
    ],
  );
  assert.deepEqual(Object.keys(problems[0]), ['line', 'column', 'code', 'message', 'term']);
});
