/** validate --stats: entry and alias counts per domain and file, from the loader's glossaries. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isGlossaryFileName, loadGlossaries } from '../../src/core/glossary/load';
import { glossaryStats } from '../../src/core/glossary/stats';

const root = join(__dirname, '..', '..');
const file = (path: string, doc: unknown) => ({ path, bytes: new TextEncoder().encode(JSON.stringify(doc)) });

test('entries count under their own domain, else their file\'s, else "(none)"; aliases with them', () => {
  const loaded = loadGlossaries(
    [
      file('a.json', {
        domain: 'die-casting',
        entries: [
          { id: 'a1', zh: '压铸', en: ['die casting'], aliases: [{ zh: '压力铸造' }, { zh: '压铸工艺' }] },
          { id: 'a2', zh: '芯片', en: ['chip'], domain: 'semiconductors' },
        ],
      }),
      file('b.json', { entries: [{ id: 'b1', zh: '订单', en: ['order'], aliases: [{ zh: '单子' }] }] }),
    ],
    'curated',
  );
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(glossaryStats(loaded.glossaries), {
    domains: [
      { name: '(none)', entries: 1, aliases: 1 },
      { name: 'die-casting', entries: 1, aliases: 2 },
      { name: 'semiconductors', entries: 1, aliases: 0 },
    ],
    files: [
      { name: 'a.json', entries: 2, aliases: 2 },
      { name: 'b.json', entries: 1, aliases: 1 },
    ],
    total: { name: 'total', entries: 3, aliases: 3 },
  });
});

test('validate --stats prints each curated file and domain with the counts its JSON holds', () => {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'validate', '--stats'], {
    encoding: 'utf8',
    cwd: root,
  });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^ok: \d+ glossary file\(s\), \d+ entries$/);
  assert.match(lines[1], /^domain\s+entries\s+aliases$/);
  const row = (name: string) => {
    const found = lines.find((l) => l.split(/\s+/)[0] === name);
    assert.ok(found, `a row for ${name}`);
    const [, entries, aliases] = found.trim().split(/\s+/);
    return { entries: Number(entries), aliases: Number(aliases) };
  };
  const domains = new Map<string, { entries: number; aliases: number }>();
  let total = 0;
  for (const name of readdirSync(join(root, 'glossary')).filter(isGlossaryFileName)) {
    const doc = JSON.parse(readFileSync(join(root, 'glossary', name), 'utf8'));
    type E = { domain?: string; aliases?: unknown[] };
    const aliases = doc.entries.reduce((n: number, e: E) => n + (e.aliases?.length ?? 0), 0);
    assert.deepEqual(row(`glossary/${name}`), { entries: doc.entries.length, aliases });
    total += doc.entries.length;
    for (const e of doc.entries as E[]) {
      const d = e.domain ?? doc.domain ?? '(none)';
      const c = domains.get(d) ?? { entries: 0, aliases: 0 };
      domains.set(d, { entries: c.entries + 1, aliases: c.aliases + (e.aliases?.length ?? 0) });
    }
  }
  for (const [name, counts] of domains) assert.deepEqual(row(name), counts);
  assert.equal(row('total').entries, total);
});

test('--stats belongs to validate: elsewhere it is a usage error', () => {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'pinyin', '压铸', '--stats'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^hanzi-gloss: --stats goes with validate only\n/);
});
