/**
 * Where parse errors point and what they say: line breaks of every kind, text that is not UTF-8,
 * nesting limits, the TBX entity check, and `convert` writing only what `validate` accepts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseGlossaryFile } from '../../src/core/glossary/load';
import { formatForPath } from '../../src/core/glossary/formats';
import { addEntryEdits, removeEntryEdits } from '../../src/core/glossary/jsonEdit';
import { MAX_JSON_DEPTH, parseGlossaryJson } from '../../src/core/glossary/jsonGlossary';
import { decodeUtf8, LineIndex, lineColumnAt, splitLines } from '../../src/core/text/text';

const root = join(__dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'hanzi-gloss-errors-'));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8', cwd: tmp });
const messages = (problems: readonly Error[]) => problems.map((p) => p.message);

test('CR, LF and CRLF each end one line, in lineColumnAt, LineIndex and splitLines alike', () => {
  const text = 'a\rbb\ncc\r\nd\r\r\ne';
  assert.deepEqual(splitLines(text), ['a', 'bb', 'cc', 'd', '', 'e']);
  assert.deepEqual(lineColumnAt(text, text.indexOf('e')), { line: 6, column: 1 });
  assert.deepEqual(new LineIndex(text).at(text.indexOf('d')), { line: 4, column: 1 });
  const texts = fc.array(fc.constantFrom('x', '压', '\r', '\n', '\r\n')).map((parts) => parts.join(''));
  fc.assert(
    fc.property(texts, fc.nat(), (s, k) => {
      const offset = k % (s.length + 1);
      const at = new LineIndex(s).at(offset);
      assert.deepEqual(at, lineColumnAt(s, offset));
      // The line is the one splitLines gives, and the column is within it (or at its break).
      assert.ok(at.column - 1 <= splitLines(s)[at.line - 1].length + 1);
    }),
    { numRuns: 10_000 },
  );
});

test('a JSON error on line 5 of a CR-only file is reported on line 5', () => {
  const text = [
    '{',
    '  "entries": [',
    '    { "id": "a", "zh": "压铸", "en": ["x"] },',
    '    { "id": "b", "zh": "开模", "en": ["y"] },',
    '    { "id": "c", "zh": 5, "en": ["z"] }',
    '  ]',
    '}',
    '',
  ].join('\r');
  const expected = ['g.json:5:24 "zh" must be a non-empty string'];
  assert.deepEqual(messages(parseGlossaryJson(text, 'g.json').problems), expected);
});

const decodeError = (bytes: Uint8Array) => {
  try {
    decodeUtf8(bytes, 'f');
  } catch (e) {
    return (e as Error).message;
  }
  return 'decoded';
};

test('decodeUtf8 drops a UTF-8 BOM and refuses other encodings with their likely name and the position', () => {
  assert.equal(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'f'), 'a');
  assert.equal(decodeError(Buffer.from('ok\n压铸', 'utf8')), 'decoded');
  const cases: [Uint8Array, string][] = [
    // 开模 in GBK (BF AA C4 A3) on line 2; 開模 in Big5 (B6 7D BC D2).
    [Buffer.from([0x61, 0x0a, 0x62, 0xbf, 0xaa, 0xc4, 0xa3]), '2:2 not UTF-8 (looks like GBK): invalid byte 0xBF'],
    [Buffer.from([0xb6, 0x7d, 0xbc, 0xd2, 0x0a]), '1:1 not UTF-8 (looks like Big5): invalid byte 0xB6'],
    [
      Buffer.from('\ufeff{"zh": "压铸"}', 'utf16le'),
      '1:1 not UTF-8 (UTF-16LE: it starts with a UTF-16 byte-order mark)',
    ],
    [Buffer.from('{"zh": "压铸"}\n', 'utf16le'), '1:1 not UTF-8 (looks like UTF-16LE)'],
    [Buffer.from('{"zh": "x"}\n', 'utf16le').swap16(), '1:1 not UTF-8 (looks like UTF-16BE)'],
    // Latin-1 "café" and a lone continuation byte: no guess, but the place.
    [Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), '1:4 not UTF-8: invalid byte 0xE9'],
    [Buffer.from([0x0a, 0x0a, 0x80]), '3:1 not UTF-8: invalid byte 0x80'],
  ];
  for (const [bytes, expected] of cases) assert.equal(decodeError(bytes), `f:${expected}; save it as UTF-8`);
  assert.equal(decodeError(Buffer.from('a\nb\0c')), 'f:2:2 NUL byte (0x00): not a text file');
});

test('decodeUtf8 accepts what a strict UTF-8 decoder accepts, and points where a lenient one puts U+FFFD', () => {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // Bytes biased towards UTF-8's structure: lead and continuation bytes, line breaks, a few others.
  const continuation = fc.integer({ min: 0x80, max: 0xbf });
  const byte = fc.oneof(continuation, fc.integer({ min: 0xc0, max: 0xff }), fc.constantFrom(0x0a, 0x0d, 0x61));
  const bytes = fc.array(byte);
  fc.assert(
    fc.property(bytes, (list) => {
      const b = Uint8Array.from(list.filter((x) => x !== 0));
      let valid = true;
      try {
        strict.decode(b);
      } catch {
        valid = false;
      }
      const message = decodeError(b);
      if (valid) return assert.equal(message, 'decoded');
      const text = lenient.decode(b);
      const at = lineColumnAt(text, text.indexOf('\ufffd'));
      assert.ok(message.startsWith(`f:${at.line}:${at.column} not UTF-8`), `${message} vs ${at.line}:${at.column}`);
    }),
    { numRuns: 10_000 },
  );
});

test('JSON nesting is fine up to the limit and one located error past it', () => {
  const nested = (depth: number) => {
    const note = '['.repeat(depth - 3) + ']'.repeat(depth - 3);
    return `{"entries": [{"id": "a", "zh": "压铸", "en": ["x"], "note": ${note}}]}`;
  };
  const atLimit = parseGlossaryJson(nested(MAX_JSON_DEPTH), 'g.json').problems.map((p) => p.reason);
  assert.deepEqual(atLimit, ['"note" must be a non-empty string'], 'read normally at the limit');
  const past = messages(parseGlossaryJson(nested(MAX_JSON_DEPTH + 1), 'g.json').problems);
  assert.deepEqual(past, [`g.json:1:${59 + MAX_JSON_DEPTH - 3} JSON nested deeper than ${MAX_JSON_DEPTH} levels`]);
  const deep = parseGlossaryJson(`{"entries": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, 'g.json').problems;
  assert.equal(deep.length, 1);
});

const TBX = (before: string) =>
  `<?xml version="1.0"?>\n${before}<tbx><text><body><conceptEntry id="a">` +
  '<langSec xml:lang="zh"><termSec><term>压铸</term></termSec></langSec>' +
  '<langSec xml:lang="en"><termSec><term>die casting</term></termSec></langSec></conceptEntry></body></text></tbx>\n';

test('TBX: "<!ENTITY" in a comment or CDATA is text; only a DOCTYPE internal subset is refused', () => {
  const tbx = formatForPath('x.tbx')!;
  const comment = '<!-- do not add <!ENTITY declarations here -->\n';
  for (const before of [comment, '<!DOCTYPE tbx SYSTEM "TBXcoreStructV02.dtd">\n']) {
    const { glossary, problems } = tbx.parse(TBX(before), 'x.tbx');
    assert.deepEqual([problems, glossary.entries.map((e) => e.zh)], [[], ['压铸']], before);
  }
  const cdata = TBX('').replace('<term>die casting</term>', '<term><![CDATA[die casting <!ENTITY x "y">]]></term>');
  assert.deepEqual(tbx.parse(cdata, 'x.tbx').problems, []);
  const subset = tbx.parse(TBX('<!DOCTYPE tbx [\n  <!ENTITY x "y">\n]>\n'), 'x.tbx').problems;
  assert.deepEqual(messages(subset), ['x.tbx:3:3 entity declarations are not allowed in a TBX glossary']);
});

test('CSV positions stay right after a stray quote, blank lines and quoted line breaks', () => {
  const text = 'zh,en\n压铸,die "casting"\n\n开模,"tooling\nand moulds"\n\nmould,x\n';
  const { problems } = parseGlossaryFile(text, 'x.csv');
  assert.deepEqual(messages(problems), ['x.csv:7:1 row 4: the Chinese column must hold a Chinese term ("mould")']);
});

test('convert writes tone marks for tone numbers and Latin letters as written, and validate accepts it', () => {
  const csv = join(tmp, 'terms.csv');
  writeFileSync(csv, 'zh,pinyin,en\n压铸,ya1 zhu4,die casting\n绿色,lv4 se4,green\n');
  const json = join(tmp, 'terms.json');
  assert.equal(cli('convert', csv, json).status, 0);
  const pinyinOf = (file: string) =>
    JSON.parse(readFileSync(file, 'utf8')).entries.map((e: { pinyin: string }) => e.pinyin);
  assert.deepEqual(pinyinOf(json), ['yā zhù', 'lǜ sè']);
  assert.equal(cli('validate', json).status, 0);
  const u8 = join(tmp, 'terms.u8');
  const lines = [
    '卡拉OK 卡拉OK [ka3 la1 O K] /karaoke/',
    '馬克·吐溫 马克·吐温 [Ma3 ke4 · Tu3 wen1] /Mark Twain/',
    '玩兒 玩儿 [wan2 r5] /to play/',
  ];
  writeFileSync(u8, lines.join('\n') + '\n');
  const fromU8 = join(tmp, 'cedict.json');
  assert.equal(cli('convert', u8, fromU8).stderr, '');
  assert.deepEqual(pinyinOf(fromU8), ['kǎ lā OK', 'mǎ kè tǔ wēn', 'wán r']);
  assert.equal(cli('validate', fromU8).status, 0);
});

test('convert says in one line per problem what it cannot convert, and writes nothing', () => {
  const u8 = join(tmp, 'bad.u8');
  writeFileSync(u8, '行 行 [xing2] /to walk/\n行 行 [hang2] /row/\n3D打印 3D打印 [san1 D da3 yin4] /3D printing/\n');
  const out = join(tmp, 'bad.json');
  const r = cli('convert', u8, out);
  assert.equal(r.status, 1);
  const expected = [
    `${u8}:2:1 duplicate term "行" in domain "" (first at line 1); ` +
      'a glossary keeps one reading per term ("xíng" there, "háng" here)',
    `${u8}:3:1 pinyin "sān D dǎ yìn" has 4 syllable(s) but "3D打印" needs 3 (2 Han character(s))`,
    `hanzi-gloss: 2 problem(s); ${out} not written`,
  ];
  assert.equal(r.stderr, expected.map((l) => l + '\n').join(''));
  assert.equal(existsSync(out), false);
});

test('a glossary that does not read as JSON is not edited: the edit says why, nothing overflows', () => {
  const entry = { id: 'b', zh: '开模', en: ['tooling'] };
  const deep = `{"entries": [{"id": "a", "zh": "压铸", "en": ["x"], "note": ${'['.repeat(6000)}${']'.repeat(6000)}}]}`;
  const why = /^the file does not read as JSON \(line 1, column \d+: JSON nested deeper than 100 levels\); fix it/;
  assert.throws(() => addEntryEdits(deep, entry, 'x'), { message: why });
  assert.throws(() => removeEntryEdits(deep, 'a'), { message: why });
  const broken = '{\n  "entries": [\n    { "id": "a" "zh": "压铸", "en": ["x"] }\n  ]\n}\n';
  const syntax = 'the file does not read as JSON (line 3, column 17: JSON syntax error: CommaExpected); fix it first';
  assert.throws(() => addEntryEdits(broken, entry, 'x'), { message: syntax });
});
