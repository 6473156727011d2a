/** Every exchange format round-trips what it can hold and rejects malformed files with positions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
      const pick = (e: GlossaryEntry) => Object.fromEntries(holds[format.id].map((f) => [f, e[f]]).filter(([, v]) => v !== undefined));
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
  assert.equal(tsv.serialize(glossary).split('\n')[0], '压铸\tdie casting\t注意：逗号, "引号" and a tab and a second line');
});

test('CSV with a header in another order and Chinese column names', () => {
  const csv = formatForPath('x.csv')!;
  const { glossary: g, problems } = csv.parse('英文,中文,备注\r\n"die casting, HPDC",压铸,"line one\nline two"\r\n', 'x.csv');
  assert.deepEqual(problems, []);
  assert.deepEqual(g.entries[0].en, ['die casting, HPDC']);
  assert.equal(g.entries[0].zh, '压铸');
  assert.equal(g.entries[0].note, 'line one\nline two');
});

test('OmegaT TSV lines with the same source become one entry, renderings in order', () => {
  const { glossary: g } = formatForPath('x.tsv')!.parse('压铸\tdie casting\tcomment\n压铸\tHPDC\n开模\ttooling\n', 'x.tsv');
  assert.deepEqual(g.entries.map((e) => [e.zh, e.en, e.note]), [['压铸', ['die casting', 'HPDC'], 'comment'], ['开模', ['tooling'], undefined]]);
});

test('TBX v2 (martif/termEntry/langSet/tig) with regional language tags and a forbidden term', () => {
  const v2 = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="c1">
    <descrip type="subjectField">die-casting</descrip>
    <langSet xml:lang="zh-CN"><tig><term>压铸</term></tig></langSet>
    <langSet xml:lang="zh-TW"><tig><term>壓鑄</term></tig></langSet>
    <langSet xml:lang="en-US">
      <ntig><termGrp><term>pressure casting</term></termGrp><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></ntig>
      <tig><term>die casting</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    </langSet>
  </termEntry>
</body></text></martif>`;
  const { glossary: g, problems } = formatForPath('x.tbx')!.parse(v2, 'x.tbx');
  assert.deepEqual(problems, []);
  assert.deepEqual(g.entries[0], { id: 'c1', zh: '压铸', traditional: '壓鑄', en: ['die casting'], forbidden: ['pressure casting'], domain: 'die-casting' });
});

test('malformed files are rejected with file, line and column', () => {
  const tbx = formatForPath('x.tbx')!;
  const broken = tbx.parse('<?xml version="1.0"?>\n<tbx>\n  <text><body>\n</tbx>\n', 'x.tbx').problems;
  assert.equal(broken.length, 1);
  assert.match(broken[0].message, /^x\.tbx:\d+:\d+ XML: /);
  const entity = tbx.parse('<?xml version="1.0"?>\n<!DOCTYPE tbx [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<tbx/>', 'x.tbx').problems;
  assert.deepEqual(entity.map((p) => p.message), ['x.tbx:3:3 entity declarations are not allowed in a TBX glossary']);
  const noZh = tbx.parse('<tbx><text><body>\n<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>', 'x.tbx').problems;
  assert.deepEqual(noZh.map((p) => p.message), ['x.tbx:2:1 concept has no Chinese term (zh, zh-Hans, zh-CN, zh-Hant, zh-TW or zh-HK)']);
  const csv = formatForPath('x.csv')!.parse('zh,en\n压铸,die casting\n开模,"tooling\n', 'x.csv').problems;
  assert.ok(csv.length >= 1 && /^x\.csv:3:4 CSV: /.test(csv[0].message), csv.map((p) => p.message).join('\n'));
  const tsv = formatForPath('x.tsv')!.parse('压铸\tdie casting\n开模\n', 'x.tsv').problems;
  assert.deepEqual(tsv.map((p) => p.message), ['x.tsv:2:4 "开模" has no English rendering in the second column']);
  const u8 = formatForPath('x.u8')!.parse('# comment\n壓鑄 压铸 [ya1 zhu4] /die casting/\nnot a line\n', 'x.u8').problems;
  assert.deepEqual(u8.map((p) => p.message), ['x.u8:3:1 not a CC-CEDICT line: expected "TRADITIONAL SIMPLIFIED [pin1 yin1] /english/…/"']);
});
