/**
 * The prebuilt curated layer (dist/curated.bin): it answers every lookup exactly as the layer built
 * from the glossary files at start, and it is used only when built from exactly the files shipped;
 * otherwise (missing, files edited, added or removed, damaged) the files are parsed. Run on the
 * real curated glossaries and real passages (test/fixtures/termbase/real-text.json lists their
 * sources).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { GlossaryFile } from '../../src/core/glossary/load';
import { composeLexicon } from '../../src/core/lexicon/compose';
import {
  encodeCuratedAsset,
  isPrebuilt,
  loadCurated,
  openCuratedAsset,
  parseCurated,
  type PrebuiltCurated,
} from '../../src/core/lexicon/curatedAsset';
import { buildLayer, type Lexicon, type LexiconLayer } from '../../src/core/lexicon/lexicon';
import { foldWith } from '../../src/core/text/foldPairs';
import { simplifiedFoldTable } from '../../src/core/text/script';
import { readGlossaryFolder } from '../../src/node/glossaryFolder';

const root = join(__dirname, '..', '..');
const fold = simplifiedFoldTable();
const files = readGlossaryFolder(join(root, 'glossary'), (n) => `glossary/${n}`);
const parsed = parseCurated(files);
const asset = encodeCuratedAsset(files, parsed.glossaries, fold);
const open = (bytes: Uint8Array = asset, from: readonly GlossaryFile[] = files) => openCuratedAsset(bytes, from, fold);

/** Every written form the curated layer has a key for: terms, aliases and their folded forms. */
const forms = [
  ...new Set(
    parsed.glossaries.flatMap(({ glossary }) =>
      glossary.entries
        .flatMap((e) => [e.zh, ...(e.aliases ?? []).map((a) => a.zh)])
        .flatMap((f) => {
          const folded = foldWith(f, fold);
          return folded === undefined ? [f] : [f, folded];
        }),
    ),
  ),
];

/** Real passages in both scripts (their sources are listed in the fixture). */
const passages = (
  JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'termbase', 'real-text.json'), 'utf8')) as {
    passages: { text: string }[];
  }
).passages.map((p) => p.text);

test('the real glossaries load without problems, so the build makes an asset of them', () => {
  assert.deepEqual(
    parsed.problems.map((p) => p.message),
    [],
  );
  assert.ok(parsed.glossaries.length >= 6 && forms.length > 3000, `${forms.length} forms`);
  assert.ok(passages.length >= 20, `${passages.length} passages`);
});

test('the prebuilt layer has the same keys and gives the same record (every field) for each', () => {
  const built = buildLayer(parsed.glossaries, fold);
  const prebuilt = open().layer;
  assert.equal(prebuilt.size, built.size);
  assert.equal(prebuilt.kind, built.kind);
  // The same trie (the value numbering differs: the asset numbers keys in node order).
  assert.deepEqual(prebuilt.arrays.edgeChar, built.arrays.edgeChar);
  assert.deepEqual(prebuilt.arrays.rootChildren, built.arrays.rootChildren);
  for (const form of forms) assert.deepStrictEqual(prebuilt.get(form), built.get(form), form);
  assert.equal(prebuilt.get('不是一个词条'), undefined);
});

test('one entry is one object under all its keys, as in the layer built at start', () => {
  const prebuilt = open().layer;
  const entry = parsed.glossaries.flatMap((g) => g.glossary.entries).find((e) => (e.aliases ?? []).length > 0);
  assert.ok(entry);
  const own = prebuilt.get(entry.zh)?.entries.find((e) => e.id === entry.id);
  const viaAlias = prebuilt.get(entry.aliases![0].zh)?.entries.find((e) => e.id === entry.id);
  assert.ok(own && own === viaAlias, entry.id);
});

/** A lexicon's answers on the forms and the passages, as plain data. */
function answers(lexicon: Lexicon) {
  return {
    lookups: forms.map((f) => lexicon.lookup(f)),
    matches: passages.map((text) =>
      lexicon
        .matchRange(text, 0, text.length)
        .toArray()
        .map(({ start, end, text, simplified, pinyin, entries }) => ({
          start,
          end,
          text,
          simplified,
          pinyin,
          entries,
        })),
    ),
  };
}

test('the lexicon composed with the prebuilt layer answers exactly as with the parsed files', () => {
  const prebuilt = open();
  const withAsset = composeLexicon({ curated: prebuilt });
  assert.equal(withAsset.layers[0], prebuilt.layer, 'the prebuilt layer itself is used');
  assert.deepStrictEqual(answers(withAsset), answers(composeLexicon({ curated: parsed.glossaries })));
});

test('disabled domains, which one prebuilt layer cannot serve, build the layer from the asset’s entries', () => {
  const prebuilt = open();
  const disabledDomains = ['companies', 'quantum'];
  const withAsset = composeLexicon({ curated: prebuilt, disabledDomains });
  assert.notEqual(withAsset.layers[0], prebuilt.layer);
  const parsedLexicon = composeLexicon({ curated: parsed.glossaries, disabledDomains });
  assert.deepStrictEqual(answers(withAsset), answers(parsedLexicon));
  const companies = parsed.glossaries.find((g) => g.source.id === 'curated:companies')!.glossary.entries;
  assert.ok(companies.length > 100);
  for (const e of companies) {
    assert.ok(!withAsset.lookup(e.zh).some((x) => x.domain === 'companies'), `${e.zh} is left out`);
  }
});

test('the asset gives back the glossaries as parsed (export, disabled domains)', () => {
  const back = open().glossaries();
  assert.equal(back.length, parsed.glossaries.length);
  back.forEach((g, i) => {
    const p = parsed.glossaries[i];
    assert.deepStrictEqual(g.source, p.source);
    assert.equal(g.glossary.name, p.glossary.name);
    assert.equal(g.glossary.domain, p.glossary.domain);
    assert.deepStrictEqual(g.glossary.entries, p.glossary.entries);
  });
});

test('the shipped dist/curated.bin is the asset of the glossary files as they are now', () => {
  const shipped = readFileSync(join(root, 'dist', 'curated.bin'));
  assert.ok(Buffer.from(asset).equals(shipped), 'npm run build made it from these files');
  const loaded = loadCurated(files, shipped);
  assert.equal(loaded.fallback, undefined);
  assert.ok(isPrebuilt(loaded.curated));
});

/** The files with one replaced, added or removed. */
function edited(change: (list: GlossaryFile[]) => void): GlossaryFile[] {
  const list = [...files];
  change(list);
  return list;
}

test('files other than those the asset was built from: parsed, and what they say is what is used', () => {
  const companies = files.findIndex((f) => f.path === 'glossary/companies.json');
  const text = Buffer.from(files[companies].bytes).toString('utf8');
  // 力劲 (LK Technology, HKEX 0558) as the die-casting fixture writes it: its English, edited.
  const first = parsed.glossaries[companies].glossary.entries.find(
    (e) => e.zh === '力劲' || e.aliases?.some((a) => a.zh === '力劲'),
  )?.en[0];
  assert.ok(first, '力劲 is a curated company');
  const written = JSON.stringify(first);
  assert.equal(text.split(written).length, 2, `${written} once in the file`);
  const renamed = Buffer.from(text.replace(written, JSON.stringify(`${first} (edited)`)));
  const cases: [string, GlossaryFile[]][] = [
    ['a file edited', edited((l) => (l[companies] = { ...l[companies], bytes: renamed }))],
    ['a file removed', edited((l) => l.splice(companies, 1))],
    ['a file added', edited((l) => l.push({ path: 'glossary/zz-more.json', bytes: files[0].bytes }))],
    ['a file renamed', edited((l) => (l[companies] = { ...l[companies], path: 'glossary/firms.json' }))],
    ['the files in another order', edited((l) => l.reverse())],
  ];
  for (const [what, other] of cases) {
    const loaded = loadCurated(other, asset);
    assert.match(loaded.fallback ?? '', /built from other glossary files/, what);
    assert.ok(!isPrebuilt(loaded.curated), what);
    const reparsed = parseCurated(other).glossaries;
    assert.deepStrictEqual(loaded.curated, reparsed, what);
  }
  const lexicon = composeLexicon({ curated: loadCurated(cases[0][1], asset).curated });
  assert.ok(
    lexicon.lookup('力劲').some((e) => e.en[0] === `${first} (edited)`),
    'the edit is in the hover',
  );
});

test('no asset, or a damaged one: the files are parsed, and why is said', () => {
  const none = loadCurated(files, undefined);
  assert.match(none.fallback ?? '', /no prebuilt curated layer/);
  assert.deepStrictEqual(none.curated, parsed.glossaries);
  const damage = (at: number) => {
    const bad = Uint8Array.from(asset);
    bad[at] ^= 0x20;
    return bad;
  };
  const reasons: [Uint8Array, RegExp][] = [
    [damage(0), /bad magic number/],
    [asset.subarray(0, asset.length - 1), /truncated/],
    [damage(40_000), /index checksum/],
    [damage(asset.length - 10), /records checksum/],
    [damage(asset.length - 200_000), /records checksum/],
  ];
  for (const [bytes, reason] of reasons) {
    const loaded = loadCurated(files, bytes);
    assert.match(loaded.fallback ?? '', reason);
    assert.deepStrictEqual(loaded.curated, parsed.glossaries);
  }
});

test('files with a problem are parsed, and the problem is reported with its file and position', () => {
  const broken = edited((l) => (l[0] = { ...l[0], bytes: Buffer.from('{"name": "x", "entries": [ {"id": 1} ]}') }));
  const loaded = loadCurated(broken, asset);
  assert.ok(!isPrebuilt(loaded.curated));
  assert.ok(loaded.problems.length > 0);
  assert.match(loaded.problems[0].message, /^glossary\/automotive\.json:1:\d+ /);
});

test('the build step makes no asset of files with a problem, and removes the one it made before', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hanzi-gloss-curated-'));
  try {
    mkdirSync(join(dir, 'glossary'));
    mkdirSync(join(dir, 'dist'));
    for (const f of files) writeFileSync(join(dir, f.path), f.bytes);
    const build = () =>
      spawnSync(process.execPath, [join(root, 'dist-tools', 'buildCuratedAsset.js'), 'dist/curated.bin'], {
        cwd: dir,
        encoding: 'utf8',
      });
    assert.equal(build().status, 0);
    assert.ok(Buffer.from(asset).equals(readFileSync(join(dir, 'dist', 'curated.bin'))), 'the same asset');
    writeFileSync(join(dir, 'glossary', 'zz-broken.json'), '{"name": "x", "entries": [ {"id": "a", "zh": "压铸"} ]}');
    const failed = build();
    assert.equal(failed.status, 0, 'the build goes on: the runtime parses the files');
    assert.match(failed.stderr, /glossary\/zz-broken\.json:1:\d+ .*\n.*no prebuilt layer \(1 problem\(s\)\)/);
    assert.equal(existsSync(join(dir, 'dist', 'curated.bin')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an empty folder makes an asset with no layer in the lexicon', () => {
  const empty: PrebuiltCurated = open(encodeCuratedAsset([], [], fold), []);
  assert.equal(empty.fileCount, 0);
  const lexicon = composeLexicon({ curated: empty, cedict: undefined });
  assert.equal(lexicon.layers.length, 0);
  const layer: LexiconLayer = empty.layer;
  assert.equal(layer.size, 0);
});
