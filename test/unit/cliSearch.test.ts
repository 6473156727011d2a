/** `hanzi-gloss search` as a user runs it: the built CLI, its JSON shape and its first result. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const run = (...args: string[]) => promisify(execFile)(process.execPath, [cli, ...args], { cwd: root });

test('search --json prints exactly {"results":[{zh,pinyin,en,source}]} with the right entry first', async () => {
  // The three runs at once: each process builds the index over every layer.
  const [ljjt, yazhuji, clamping] = await Promise.all(
    [['ljjt'], ['yazhuji', '--limit', '3'], ['clamping force']].map((q) => run('search', ...q, '--json')),
  );
  const parsed = JSON.parse(ljjt.stdout);
  assert.deepEqual(Object.keys(parsed), ['results']);
  assert.deepEqual(Object.keys(parsed.results[0]), ['zh', 'pinyin', 'en', 'source']);
  assert.deepEqual(
    { ...parsed.results[0], en: parsed.results[0].en[0] },
    { zh: '力劲集团', pinyin: 'lì jìn jí tuán', en: 'L.K. Technology Holdings Limited', source: 'curated:companies' },
  );
  const machines = JSON.parse(yazhuji.stdout).results;
  assert.equal(machines.length, 3);
  assert.equal(machines[0].zh, '压铸机');
  assert.equal(JSON.parse(clamping.stdout).results[0].zh, '锁模力');
});

test('search without --json prints one tab-separated line per result; a bad --limit is a usage error', async () => {
  const { stdout } = await run('search', '锁模力', '--limit', '1');
  assert.equal(stdout, '锁模力\tsuǒ mú lì\tclamping force; locking force; die locking force\tcurated:die-casting\n');
  await assert.rejects(run('search', 'ljjt', '--limit', '0'), (e: { code: number; stderr: string }) => {
    assert.equal(e.code, 2);
    assert.match(e.stderr, /^hanzi-gloss: --limit must be a whole number of 1 or more, not "0"\n/);
    return true;
  });
  await assert.rejects(run('scan', 'x.txt', '--limit', '3'), /--limit goes with search only/);
});
