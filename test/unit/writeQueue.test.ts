/**
 * The per-file write queue of the glossary writer, under plain Node. The "file" is a string read,
 * then written a turn of the event loop later, as the writer does; the additions are company names
 * from the order list in test/fixtures/diecasting-orders.txt (海天金属, 布勒, 拓普集团).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WriteQueue } from '../../src/vscode/services/writeQueue';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A file whose writes read the text, wait, then write it back with one more line. */
function slowFile() {
  const file = { text: '' };
  const add = (term: string) => async () => {
    const before = file.text;
    await tick();
    file.text = `${before}${term}\n`;
    return file.text;
  };
  return { file, add };
}

test('two quick additions to one file both survive, in order', async () => {
  const queue = new WriteQueue();
  const { file, add } = slowFile();
  const [first, second] = await Promise.all([
    queue.run('file:///user-glossary.json', add('海天金属')),
    queue.run('file:///user-glossary.json', add('布勒')),
  ]);
  assert.equal(first, '海天金属\n');
  assert.equal(second, '海天金属\n布勒\n');
  assert.equal(file.text, '海天金属\n布勒\n');
});

test('without the queue the same additions lose one (the test sees the race it guards against)', async () => {
  const { file, add } = slowFile();
  await Promise.all([add('海天金属')(), add('布勒')()]);
  assert.equal(file.text, '布勒\n');
});

test('a failed write rejects only its own caller; the next write still runs', async () => {
  const queue = new WriteQueue();
  const { file, add } = slowFile();
  const failed = queue.run('file:///w.json', async () => {
    await tick();
    throw new Error('/w.json: the file is read-only');
  });
  const next = queue.run('file:///w.json', add('拓普集团'));
  await assert.rejects(failed, /read-only/);
  assert.equal(await next, '拓普集团\n');
  assert.equal(file.text, '拓普集团\n');
});

test('writes to different files do not wait for each other', async () => {
  const queue = new WriteQueue();
  const events: string[] = [];
  let release: () => void = () => undefined;
  const blocked = queue.run('file:///a.json', async () => {
    events.push('a starts');
    await new Promise<void>((resolve) => (release = resolve));
    events.push('a ends');
  });
  await queue.run('file:///b.json', async () => {
    events.push('b runs');
  });
  release();
  await blocked;
  assert.deepEqual(events, ['a starts', 'b runs', 'a ends']);
});

test('each queue is its own: two writers do not order each other, and a finished file is forgotten', async () => {
  const one = new WriteQueue();
  const other = new WriteQueue();
  let release: () => void = () => undefined;
  const blocked = one.run('file:///same.json', () => new Promise<void>((resolve) => (release = resolve)));
  let ran = false;
  await other.run('file:///same.json', async () => {
    ran = true;
  });
  assert.equal(ran, true);
  assert.equal(one.pending, 1);
  release();
  await blocked;
  await tick();
  assert.equal(one.pending, 0);
  assert.equal(other.pending, 0);
});
