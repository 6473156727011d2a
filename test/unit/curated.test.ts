/** The curated data: schema-valid, validated readings, and covering the die-casting fixture. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { findPassages } from '../../src/core/text/detect';
import { isGlossaryFileName, loadGlossaries } from '../../src/core/glossary/load';
import { buildLayer, Lexicon } from '../../src/core/lexicon/lexicon';

const root = join(__dirname, '..', '..');
const dir = join(root, 'glossary');
const names = readdirSync(dir).filter(isGlossaryFileName).sort();
const files = names.map((n) => ({ path: `glossary/${n}`, bytes: readFileSync(join(dir, n)) }));

test('every curated file satisfies the published JSON schema', () => {
  const validate = new Ajv({ allErrors: true }).compile(
    JSON.parse(readFileSync(join(dir, 'glossary.schema.json'), 'utf8')),
  );
  for (const f of files)
    assert.ok(validate(JSON.parse(f.bytes.toString('utf8'))), `${f.path}: ${JSON.stringify(validate.errors)}`);
});

test('the schema rejects what the loader rejects', () => {
  const validate = new Ajv({ allErrors: true }).compile(
    JSON.parse(readFileSync(join(dir, 'glossary.schema.json'), 'utf8')),
  );
  assert.equal(validate({ entries: [{ id: 'a', zh: '压铸', en: [] }] }), false);
  assert.equal(validate({ entries: [{ id: 'a', zh: '压铸', en: ['x'], englsh: [] }] }), false);
  assert.equal(validate({ entries: [{ id: 'a', zh: '压铸', en: ['x'], pinyin: 'yā  zhù' }] }), false);
});

test('every curated file loads without a problem, readings checked against the syllable table', () => {
  const { problems, glossaries } = loadGlossaries(files, 'curated');
  assert.deepEqual(
    problems.map((p) => p.message),
    [],
  );
  assert.ok(glossaries.reduce((n, g) => n + g.glossary.entries.length, 0) >= 200);
});

test('ids are unique across the curated files, and no term repeats across files', () => {
  const { glossaries } = loadGlossaries(files, 'curated', { checkPinyin: false });
  const ids = new Map<string, string>();
  const forms = new Map<string, string>();
  for (const { glossary, source } of glossaries) {
    for (const e of glossary.entries) {
      assert.ok(!ids.has(e.id), `id ${e.id} in ${source.file} and ${ids.get(e.id)}`);
      ids.set(e.id, source.file!);
      for (const form of [e.zh, ...(e.aliases ?? []).map((a) => a.zh)]) {
        assert.ok(!forms.has(form), `${form} in ${source.file} and ${forms.get(form)}`);
        forms.set(form, source.file!);
      }
    }
  }
});

test('the die-casting fixture: every company and industry term has the right English', () => {
  const { glossaries } = loadGlossaries(files, 'curated', { checkPinyin: false });
  const lexicon = new Lexicon([buildLayer(glossaries)]);
  const text = readFileSync(join(root, 'test', 'fixtures', 'diecasting-orders.txt'), 'utf8');
  const matches = lexicon.matchPassages(text, findPassages(text)).toArray();
  const gloss = new Map(matches.map((m) => [m.text, { en: m.entries[0].en.join('; '), pinyin: m.pinyin }]));
  const expected: Record<string, [string, RegExp]> = {
    海天金属: ['hǎi tiān jīn shǔ', /Haitian/],
    大江美利信: ['dà jiāng měi lì xìn', /Millison/],
    泉峰汽车: ['quán fēng qì chē', /Chervon Auto/],
    布勒: ['bù lè', /Bühler/],
    拓普集团: ['tuò pǔ jí tuán', /Tuopu Group/],
    爱柯迪: ['ài kē dí', /IKD/],
    吉利: ['jí lì', /Geely/],
    极氪: ['jí kè', /Zeekr/i],
    力劲: ['lì jìn', /LK Technology/],
    压铸: ['yā zhù', /^die casting/],
    在谈: ['zài tán', /under negotiation/],
    已购: ['yǐ gòu', /purchased/],
    草签: ['cǎo qiān', /initialled|preliminary/],
    合同: ['hé tong', /contract/],
    已签合同: ['yǐ qiān hé tong', /contract signed/],
    出货: ['chū huò', /shipment|deliver/],
    开模: ['kāi mú', /^tooling/],
    加工: ['jiā gōng', /machining/],
    工厂: ['gōng chǎng', /plant|factory/],
    机器: ['jī qì', /machine/],
    匈牙利: ['xiōng yá lì', /Hungary/],
    宁波: ['níng bō', /Ningbo/],
    德国: ['dé guó', /Germany/],
    预计: ['yù jì', /expected/],
    明年: ['míng nián', /next year/],
  };
  for (const [term, [pinyin, en]] of Object.entries(expected)) {
    const g = gloss.get(term);
    assert.ok(g, `${term} is matched`);
    assert.equal(g.pinyin, pinyin, `${term} reading`);
    assert.match(g.en, en, `${term} English`);
  }
  // A number with its unit is one word, its English from the curated units (台 "unit", 吨 "t").
  assert.match(gloss.get('2台6000吨')?.en ?? '', /^2 台 \(unit\b.*\) 6000 吨 \(t\b/);
  assert.match(gloss.get('8000吨')?.en ?? '', /^8000 吨 \(t\b/);
  // The fixture's firms whose English name no primary source confirmed wait in glossary/pending/
  // (not loaded): the curated layer does not gloss them, and the pending files keep them for review.
  const pendingDir = join(dir, 'pending');
  const pending = readdirSync(pendingDir).flatMap(
    (n) => JSON.parse(readFileSync(join(pendingDir, n), 'utf8')).entries as { zh: string }[],
  );
  for (const term of ['宜安科技', '旭升集团', '极氪009']) {
    assert.equal(gloss.get(term), undefined, `${term} is not glossed by the curated layer`);
    assert.ok(
      pending.some((e) => e.zh === term),
      `${term} waits in glossary/pending/`,
    );
  }
});

test('the trusted fast path reads the curated files exactly as the full reader does', () => {
  const full = loadGlossaries(files, 'curated', { checkPinyin: false });
  const fast = loadGlossaries(files, 'curated', { checkPinyin: false, trusted: true });
  assert.deepEqual(
    fast.glossaries.map((g) => g.glossary),
    full.glossaries.map((g) => g.glossary),
  );
});
