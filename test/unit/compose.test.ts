import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGlossaryEntry, sourceKind, type GlossarySource, type SourcedGlossary } from '../../src/core/glossary/entry';
import { composeLexicon } from '../../src/core/lexicon/compose';
import { buildLayer, isGlossaryMatch } from '../../src/core/lexicon/lexicon';
import { CEDICT_SOURCE } from '../../src/core/lexicon/cedictAsset';

const src = (layer: GlossarySource['layer'], id: string): GlossarySource => ({ layer, id, label: id });

type Row = { zh: string; en: string; domain?: string };

function glossary(source: GlossarySource, rows: Row[]): SourcedGlossary {
  const entries = rows.map((e, i) => ({ id: `${source.id}${i}`, zh: e.zh, en: [e.en], domain: e.domain }));
  return { source, glossary: { name: source.id, entries } };
}

const workspace = [glossary(src('workspace', 'ws.json'), [{ zh: '压铸', en: 'ws' }])];
const user = [
  glossary(src('user', 'user.json'), [
    { zh: '压铸', en: 'user' },
    { zh: '压铸机', en: 'user machine' },
  ]),
];
const curated = [
  glossary(src('curated', 'curated:die-casting'), [
    { zh: '压铸', en: 'die casting', domain: 'die-casting' },
    { zh: '压铸岛', en: 'die-casting cell', domain: 'die-casting' },
  ]),
  glossary(src('curated', 'curated:ev'), [
    { zh: '电池', en: 'battery', domain: 'ev' },
    { zh: '电池包', en: 'pack' },
  ]),
];
const cedict = buildLayer([
  glossary(CEDICT_SOURCE, [
    { zh: '压铸', en: 'to die-cast' },
    { zh: '电池', en: 'cell' },
  ]),
]);

test('compose orders the layers workspace, user, curated, CC-CEDICT, whatever order they are given in', () => {
  const lex = composeLexicon({ cedict, curated, user, workspace });
  assert.deepEqual(
    lex.lookup('压铸').map((e) => e.en[0]),
    ['ws', 'user', 'die casting', 'to die-cast'],
  );
  assert.deepEqual(
    lex.layers.map((l) => l.kind),
    ['glossary', 'glossary', 'glossary', 'dictionary'],
  );
  assert.equal(lex.layers.at(-1), cedict, 'the CC-CEDICT layer is used as loaded, not rebuilt');
});

test('compose drops the disabled curated domains (an entry without a domain has ""), and only those', () => {
  const lex = composeLexicon({ user, curated, disabledDomains: ['ev', 'die-casting'] });
  assert.deepEqual(
    lex.lookup('压铸').map((e) => e.en[0]),
    ['user'],
    'a user entry in a disabled domain stays',
  );
  assert.deepEqual(lex.lookup('电池'), []);
  assert.deepEqual(
    lex.lookup('电池包').map((e) => e.en[0]),
    ['pack'],
  );
  assert.deepEqual(composeLexicon({ curated, disabledDomains: [''] }).lookup('电池包'), []);
  assert.deepEqual(
    composeLexicon({ curated })
      .lookup('电池')
      .map((e) => e.en[0]),
    ['battery'],
  );
});

test('compose folds traditional text onto simplified keys', () => {
  const lex = composeLexicon({ curated });
  const m = lex.matchAt('壓鑄島', 0);
  assert.equal(m?.simplified, '压铸岛');
  assert.equal(m?.entries[0].en[0], 'die-casting cell');
});

test('compose leaves out layers with no glossaries, and an empty input gives an empty lexicon', () => {
  assert.equal(composeLexicon({ curated }).layers.length, 1);
  assert.equal(composeLexicon({ workspace: [], user, curated, cedict }).layers.length, 3);
  const empty = composeLexicon({});
  assert.equal(empty.layers.length, 0);
  assert.equal(empty.matchAt('压铸', 0), undefined);
});

test('a layer is a glossary or a dictionary as its sources are, and a mixed layer is refused', () => {
  assert.equal(buildLayer(user).kind, 'glossary');
  assert.equal(buildLayer([]).kind, 'glossary');
  assert.equal(cedict.kind, 'dictionary');
  assert.deepEqual(
    (['workspace', 'user', 'curated', 'cedict'] as const).map((l) => sourceKind(src(l, l))),
    ['glossary', 'glossary', 'glossary', 'dictionary'],
  );
  assert.throws(
    () => buildLayer([...user, glossary(CEDICT_SOURCE, [])]),
    /mixes glossary and dictionary sources \(user\.json, cedict\)/,
  );
});

test('the by-layer answers (term list, counts, stored matches) agree with the entries themselves', () => {
  const lex = composeLexicon({ user, curated, cedict });
  const text = '压铸机和电池，压铸岛；压铸';
  const noGlossary = composeLexicon({ cedict });
  for (const l of [lex, noGlossary]) {
    const matches = l.matchRange(text, 0, text.length);
    const byEntries = matches.toArray().map((m) => m.entries.some(isGlossaryEntry));
    assert.deepEqual(matches.toArray().map(isGlossaryMatch), byEntries);
    assert.deepEqual(
      [...Array(matches.length).keys()].map((i) => matches.inGlossary(i)),
      byEntries,
    );
    assert.equal(l.countRange(text, 0, text.length).glossary, byEntries.filter(Boolean).length);
  }
  const counted = noGlossary.countRange(text, 0, text.length);
  assert.equal(counted.glossary, 0, 'dictionary-only matches are not glossary terms');
  assert.ok(counted.matches > 0);
});

test('withLayers keeps the chosen layers in order and the traditional fold', () => {
  const full = composeLexicon({ workspace, user, curated });
  const withoutUser = full.withLayers((l) => l !== full.layers[1]);
  assert.equal(withoutUser.layers.length, 2);
  assert.deepEqual(withoutUser.layers, [full.layers[0], full.layers[2]]);
  const found = withoutUser.matchAt('壓鑄機', 0);
  assert.equal(found?.text, '壓鑄', 'traditional text still matches; 压铸机 was only in the dropped layer');
  assert.deepEqual(
    found?.entries.map((e) => e.en[0]),
    ['ws', 'die casting'],
  );
});
