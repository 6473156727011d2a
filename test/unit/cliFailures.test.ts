/**
 * A damaged installation (a corrupted dictionary asset, a missing glossary folder or vendor file)
 * and unreadable input: the CLI says what is wrong in one line, with the file, and exits 1 — never a
 * stack trace. Each case runs the built CLI from a copy of the package laid out as installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');

/** A copy of the installed layout (dist/cli.js, dist/vendor, the assets, glossary/). */
function install(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hanzi-gloss-install-'));
  for (const part of [
    'dist/cli.js',
    'dist/vendor',
    'dist/cedict.bin',
    'dist/curated.bin',
    'dist/search.bin',
    'glossary',
  ]) {
    cpSync(join(root, part), join(dir, part), { recursive: true });
  }
  return dir;
}

function run(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(dir, 'dist', 'cli.js'), ...args], { encoding: 'utf8', cwd: dir });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** Exit code 1 and exactly one line on stderr, without a stack frame. */
function oneLine(r: ReturnType<typeof run>): string {
  assert.equal(r.status, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(r.stderr.split('\n').length, 2, r.stderr);
  return r.stderr.trimEnd();
}

const dir = install();
const cedict = join(dir, 'dist', 'cedict.bin');
const good = readFileSync(cedict);
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('a cedict.bin damaged in its index is refused when it loads', () => {
  const bad = Buffer.from(good);
  for (let i = 300_000; i < 300_100; i++) bad[i] ^= 0x5a;
  writeFileSync(cedict, bad);
  const cannot = (reason: string) =>
    `hanzi-gloss: ${cedict}: cannot load the CC-CEDICT asset (${reason}); run npm run build`;
  const checksum = cannot('corrupted CC-CEDICT asset (the index checksum does not match)');
  assert.equal(oneLine(run(dir, 'pinyin', '北京')), checksum);
  writeFileSync(cedict, good.subarray(0, good.length / 2));
  assert.equal(oneLine(run(dir, 'pinyin', '北京')), cannot('truncated CC-CEDICT asset'));
  writeFileSync(cedict, good);
});

test('a cedict.bin damaged in its records is refused at the first lookup that reads one', () => {
  const bad = Buffer.from(good);
  // Header: magic, the six counts, the records' byte length, the checksum.
  const blobBytes = bad.readUInt32LE(7 * 4);
  bad.fill(0xff, bad.length - blobBytes);
  writeFileSync(cedict, bad);
  const line = oneLine(run(dir, 'pinyin', '北京'));
  const start = `hanzi-gloss: ${cedict}: corrupted CC-CEDICT asset (record `;
  const end = ' is malformed); run npm run build';
  assert.ok(line.startsWith(start) && line.endsWith(end) && /^\d+$/.test(line.slice(start.length, -end.length)), line);
  writeFileSync(cedict, good);
});

test('a missing glossary folder or vendor file is named, with what to do', () => {
  const glossary = join(dir, 'glossary');
  rmSync(glossary, { recursive: true });
  const folder = `hanzi-gloss: ${glossary}: cannot read the curated glossary folder (ENOENT); reinstall hanzi-gloss`;
  assert.equal(oneLine(run(dir, 'validate')), folder);
  cpSync(join(root, 'glossary'), glossary, { recursive: true });
  const vendor = join(dir, 'dist', 'vendor', 'pinyin-pro.js');
  rmSync(vendor);
  const missing = `hanzi-gloss: ${vendor}: missing from the installation; reinstall hanzi-gloss (or run npm run build)`;
  assert.equal(oneLine(run(dir, 'pinyin', '压铸')), missing);
  cpSync(join(root, 'dist', 'vendor', 'pinyin-pro.js'), vendor);
  assert.equal(run(dir, 'pinyin', '压铸').stdout, 'yā zhù\n');
});

test('text that is not UTF-8 and glossaries nested too deep are one-line errors in scan, convert, validate', () => {
  const gbk = join(dir, 'orders-gbk.txt');
  // 压铸机 两台 in GBK.
  writeFileSync(gbk, Buffer.from('d1b9d6fdbbfa20c1bdcca80a', 'hex'));
  const notUtf8 = `hanzi-gloss: ${gbk}:1:2 not UTF-8 (looks like GBK): invalid byte 0xD6; save it as UTF-8`;
  assert.equal(oneLine(run(dir, 'scan', gbk)), notUtf8);
  const deep = join(dir, 'deep.json');
  writeFileSync(deep, `{"entries": ${'['.repeat(6000)}${']'.repeat(6000)}}`);
  const expected = `${deep}:1:112 JSON nested deeper than 100 levels`;
  const orders = join(root, 'test', 'fixtures', 'diecasting-orders.txt');
  assert.equal(oneLine(run(dir, 'scan', orders, '--glossary', deep)), `hanzi-gloss: ${expected}`);
  const converted = run(dir, 'convert', deep, join(dir, 'deep.tbx'));
  assert.equal(converted.status, 1);
  assert.equal(converted.stderr, `${expected}\nhanzi-gloss: 1 problem(s); ${join(dir, 'deep.tbx')} not written\n`);
  assert.equal(run(dir, 'validate', deep).stderr, `${expected}\nhanzi-gloss: 1 problem(s) in 1 file(s)\n`);
});

test('a glossary file edited after the build: the CLI reads the file, not the prebuilt curated layer', () => {
  const companies = join(dir, 'glossary', 'companies.json');
  const original = readFileSync(companies, 'utf8');
  // The die-casting fixture's 力劲 (LK Technology); its sources are listed beside it.
  const fixture = join(root, 'test', 'fixtures', 'diecasting-orders.txt');
  const english = () => {
    const r = run(dir, 'scan', fixture, '--json');
    assert.equal(r.status, 0, r.stderr);
    const { matches } = JSON.parse(r.stdout) as { matches: { text: string; entries: { en: string[] }[] }[] };
    return matches.find((m) => m.text === '力劲')?.entries[0].en[0];
  };
  const first = english();
  assert.ok(first, '力劲 is a curated company');
  // Its English as written in the file, once: the edit changes that entry only.
  const written = JSON.stringify(first);
  assert.equal(original.split(written).length, 2, written);
  writeFileSync(companies, original.replace(written, JSON.stringify(`${first} (edited)`)));
  assert.equal(english(), `${first} (edited)`);
  writeFileSync(companies, original.replace('"entries"', '"entries": 1, "more"'));
  assert.match(oneLine(run(dir, 'pinyin', '力劲')), /companies\.json:\d+:\d+ /, 'its problem is reported');
  writeFileSync(companies, original);
  rmSync(join(dir, 'dist', 'curated.bin'));
  assert.equal(english(), first, 'without the asset, from the files');
});

test('search without a usable dist/search.bin builds the index, answers the same and says why in one line', () => {
  const dir = install();
  const search = () => run(dir, 'search', 'ljjt', '--json', '--limit', '3');
  const good = search();
  assert.equal(good.status, 0, good.stderr);
  assert.equal(good.stderr, '', 'the prebuilt index is used');
  const index = join(dir, 'dist', 'search.bin');
  const bytes = readFileSync(index);
  bytes[bytes.length >> 1] ^= 0xff;
  writeFileSync(index, bytes);
  const damaged = search();
  assert.equal(damaged.status, 0, damaged.stderr);
  assert.equal(damaged.stdout, good.stdout);
  assert.equal(
    damaged.stderr,
    `hanzi-gloss: ${index}: corrupted search index asset (the index checksum does not match); ` +
      'the search index is built now (run npm run build)\n',
  );
  // An edited glossary file: the curated layer is parsed, and its index built from it.
  const companies = join(dir, 'glossary', 'companies.json');
  writeFileSync(
    companies,
    readFileSync(companies, 'utf8').replace('"L.K. Technology Holdings Limited"', '"LK (edited)"'),
  );
  rmSync(index);
  const edited = JSON.parse(search().stdout) as { results: { zh: string; en: string[] }[] };
  assert.deepEqual([edited.results[0].zh, edited.results[0].en[0]], ['力劲集团', 'LK (edited)']);
});
