/**
 * The atomic file writer (src/node/atomicWrite.ts) that the CLI and the extension (file: URIs) use
 * for every file they write: modes, owners and links survive, read-only files are refused, and a
 * writer killed at any moment leaves the old or the new file, never part of one, and no litter.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  AtomicWriteError,
  isOurTempName,
  removeStaleTemps,
  STALE_TEMP_MS,
  tempNameFor,
  writeFileAtomic,
} from '../../src/node/atomicWrite';
import { completeVersion, fileVersion, KINDS, type Kind } from './writtenFiles';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const child = join(__dirname, 'writerChild.js');
const fresh = () => fs.mkdtempSync(join(tmpdir(), 'hanzi-gloss-write-'));
const mode = (p: string) => fs.statSync(p).mode & 0o777;
const temps = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
const isRoot = process.getuid?.() === 0;
const READ_ONLY = 'the file is read-only; not written (make it writable to allow changes)';

/** The pid of a process that has exited (so no process has it, for now). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

test('a mode-600 file stays 600, a 640 file 640; a new file gets the default mode', () => {
  const dir = fresh();
  for (const m of [0o600, 0o640, 0o755]) {
    const f = join(dir, `m${m.toString(8)}.json`);
    fs.writeFileSync(f, 'old');
    fs.chmodSync(f, m);
    writeFileAtomic(f, 'new');
    assert.equal(fs.readFileSync(f, 'utf8'), 'new');
    assert.equal(mode(f).toString(8), m.toString(8));
  }
  const created = join(dir, 'sub', 'dir', 'new.json');
  writeFileAtomic(created, 'x');
  const umask = process.umask();
  assert.equal(mode(created).toString(8), (0o666 & ~umask).toString(8));
});

test('a symbolic link is written through: the link stays a link, its target gets the content', () => {
  const dir = fresh();
  fs.mkdirSync(join(dir, 'real'));
  const real = join(dir, 'real', 'glossary.json');
  fs.writeFileSync(real, 'old');
  fs.chmodSync(real, 0o600);
  const link = join(dir, 'link.json');
  fs.symlinkSync(join('real', 'glossary.json'), link); // relative, as users often make them
  const chain = join(dir, 'chain.json');
  fs.symlinkSync(link, chain);
  writeFileAtomic(link, 'via link');
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.equal(fs.readFileSync(real, 'utf8'), 'via link');
  writeFileAtomic(chain, 'via chain');
  assert.ok(fs.lstatSync(chain).isSymbolicLink() && fs.lstatSync(link).isSymbolicLink());
  assert.equal(fs.readFileSync(real, 'utf8'), 'via chain');
  assert.equal(mode(real).toString(8), '600');
  assert.deepEqual(temps(dir), []);
  assert.deepEqual(temps(join(dir, 'real')), []);
  // A link to a file not yet made creates that file, not a regular file in the link's place.
  const dangling = join(dir, 'dangling.json');
  fs.symlinkSync(join(dir, 'real', 'later.json'), dangling);
  writeFileAtomic(dangling, 'made');
  assert.ok(fs.lstatSync(dangling).isSymbolicLink());
  assert.equal(fs.readFileSync(join(dir, 'real', 'later.json'), 'utf8'), 'made');
});

test('a read-only file is refused with a one-line reason and left as it was', () => {
  const dir = fresh();
  const f = join(dir, 'locked.json');
  fs.writeFileSync(f, 'keep me');
  fs.chmodSync(f, 0o444);
  assert.throws(
    () => writeFileAtomic(f, 'overwritten'),
    (e: unknown) => e instanceof AtomicWriteError && e.message === `${f}: ${READ_ONLY}`,
  );
  assert.equal(fs.readFileSync(f, 'utf8'), 'keep me');
  assert.equal(mode(f).toString(8), '444');
  assert.deepEqual(temps(dir), []);
  // Through a link too: the link's target decides.
  const link = join(dir, 'link.json');
  fs.symlinkSync(f, link);
  assert.throws(() => writeFileAtomic(link, 'x'), /link\.json: the file is read-only/);
  assert.throws(
    () => writeFileAtomic(dir, 'x'),
    (e: unknown) => e instanceof AtomicWriteError && e.message === `${dir}: is a folder, not a file`,
  );
});

const needsRoot = { skip: !isRoot && 'needs root to own files as another user' };

test('owner and group are kept when the process may set them', needsRoot, () => {
  const dir = fresh();
  const f = join(dir, 'shared.json');
  fs.writeFileSync(f, 'old');
  fs.chownSync(f, 1234, 2345);
  fs.chmodSync(f, 0o664);
  writeFileAtomic(f, 'new');
  const st = fs.statSync(f);
  assert.deepEqual([st.uid, st.gid, (st.mode & 0o777).toString(8)], [1234, 2345, '664']);
});

test("temporary files of dead writers are removed; live writers' and other programs' files are not", async () => {
  const dir = fresh();
  const f = join(dir, 'out.json');
  const dead = join(dir, `.out.json.${deadPid()}.0badf00d.hanzi-gloss.tmp`);
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  try {
    const live = join(dir, `.out.json.${sleeper.pid}.00c0ffee.hanzi-gloss.tmp`);
    const liveButOld = join(dir, `.other.json.${sleeper.pid}.0000beef.hanzi-gloss.tmp`);
    const notOurs = [join(dir, `.out.json.${deadPid()}.tmp`), join(dir, '.out.json.swp'), join(dir, 'notes.tmp')];
    for (const p of [dead, live, liveButOld, ...notOurs]) fs.writeFileSync(p, 'partial');
    const old = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    fs.utimesSync(liveButOld, old, old);
    writeFileAtomic(f, 'new');
    assert.ok(!fs.existsSync(dead), "a dead writer's temporary file is removed");
    assert.ok(!fs.existsSync(liveButOld), 'a temporary file older than the limit is removed');
    assert.ok(fs.existsSync(live), "a live writer's temporary file is kept");
    for (const p of notOurs) assert.ok(fs.existsSync(p), `${p} is not ours and is kept`);
  } finally {
    sleeper.kill();
  }
  assert.deepEqual(removeStaleTemps(join(dir, 'missing')), []);
});

test('temporary names are ours and fit in a file name even for long targets', () => {
  const long = join(tmpdir(), '长'.repeat(80) + '.json'); // 242 bytes: the longest a name may be
  const name = tempNameFor(long);
  assert.ok(isOurTempName(name));
  assert.ok(Buffer.byteLength(name) <= 255, `${Buffer.byteLength(name)} bytes`);
  assert.ok(!isOurTempName('.glossary.json.1234.tmp'));
  const dir = fresh();
  writeFileAtomic(join(dir, '长'.repeat(80) + '.json'), 'ok');
  assert.deepEqual(temps(dir), []);
});

/** Starts a writer child and resolves when it has written once (it then writes on, until killed). */
function startWriter(target: string, kind: Kind, first: number): Promise<ReturnType<typeof spawn>> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, target, kind, String(first)], { stdio: ['ignore', 'pipe', 'inherit'] });
    p.stdout?.once('data', () => resolve(p));
    p.once('error', reject);
    p.once('exit', (code) => reject(new Error(`writer child exited early (${code})`)));
  });
}

const exited = (p: ReturnType<typeof spawn>) =>
  new Promise<void>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) resolve();
    else p.once('exit', () => resolve());
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once a temporary file of ours is in `dir`, or after `ms` (checked about every millisecond). */
async function untilTemp(dir: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (temps(dir).length === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
}

test('kill -9 at random moments while writing any kind of file: a whole version, then no litter', async () => {
  const kills = 6;
  await Promise.all(
    KINDS.map(async (kind, n) => {
      const dir = fresh();
      const target = join(dir, kind);
      fs.writeFileSync(target, fileVersion(kind, 0));
      fs.chmodSync(target, 0o600);
      let midWrite = 0;
      // At least `kills` kills, and more (bounded) until one has landed mid-write: on a loaded
      // machine a kill at a random moment can miss every write.
      for (let k = 0; k < kills || (midWrite === 0 && k < 4 * kills); k++) {
        const writer = await startWriter(target, kind, 10 * k + 1);
        await sleep(Math.random() * 120);
        // Every other kill waits until the writer's temporary file exists: then it lands mid-write.
        if (k % 2 === 1) await untilTemp(dir, 2_000);
        writer.kill('SIGKILL');
        await exited(writer);
        const version = completeVersion(kind, fs.readFileSync(target, 'utf8'));
        assert.ok(version !== undefined, `${kind}: after kill ${k} the file is one whole version`);
        assert.equal(mode(target).toString(8), '600');
        if (temps(dir).length > 0) midWrite++;
        // The next write (by anyone) removes what the killed writer left.
        writeFileAtomic(target, fileVersion(kind, 1000 + n));
        assert.deepEqual(temps(dir), [], `${kind}: no temporary files after the next write`);
      }
      assert.ok(midWrite > 0, `${kind}: at least one kill landed mid-write (${midWrite})`);
    }),
  );
});

test('concurrent writers (processes) on one file: every read and the result are one whole version', async () => {
  const dir = fresh();
  const kind: Kind = 'glossary.json';
  const target = join(dir, kind);
  fs.writeFileSync(target, fileVersion(kind, 0));
  const args = (first: number) => [child, target, kind, String(first), '12'];
  const writer = (first: number) => spawn(process.execPath, args(first), { stdio: 'ignore' });
  const writers = [100, 200, 300, 400].map(writer);
  const done = Promise.all(writers.map(exited));
  let finished = false;
  void done.then(() => (finished = true));
  const seen = new Set<number>();
  while (!finished) {
    const version = completeVersion(kind, fs.readFileSync(target, 'utf8'));
    assert.ok(version !== undefined, 'a reader never sees part of a version');
    seen.add(version);
    await sleep(5);
  }
  for (const w of writers) assert.equal(w.exitCode, 0);
  const last = completeVersion(kind, fs.readFileSync(target, 'utf8'));
  assert.ok(last !== undefined && [100, 101, 200, 201, 300, 301, 400, 401].includes(last), `result ${last}`);
  assert.ok(seen.size > 1, `the reader saw the writers' versions (${[...seen].join(', ')})`);
  assert.deepEqual(temps(dir), []);
});

// --- the CLI's writes (convert), as a user runs them ---------------------------------------------

const runCli = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });

test("convert keeps the output's mode, writes through its link, and refuses a read-only output", () => {
  const dir = fresh();
  const input = join(dir, 'in.json');
  fs.writeFileSync(input, fileVersion('glossary.json', 1, 50));
  const out = join(dir, 'private.tsv');
  fs.writeFileSync(out, 'old\n');
  fs.chmodSync(out, 0o600);
  assert.equal(runCli('convert', input, out).status, 0);
  assert.equal(mode(out).toString(8), '600');
  assert.equal(completeVersion('export.tsv', fs.readFileSync(out, 'utf8'), 50), 1);
  const real = join(dir, 'real.tsv');
  fs.writeFileSync(real, 'old\n');
  const link = join(dir, 'link.tsv');
  fs.symlinkSync(real, link);
  assert.equal(runCli('convert', input, link).status, 0);
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link stays a link');
  assert.equal(completeVersion('export.tsv', fs.readFileSync(real, 'utf8'), 50), 1, 'the real file is updated');
  const locked = join(dir, 'locked.tsv');
  fs.writeFileSync(locked, 'keep\n');
  fs.chmodSync(locked, 0o444);
  const r = runCli('convert', input, locked);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `hanzi-gloss: ${locked}: ${READ_ONLY}\n`);
  assert.equal(fs.readFileSync(locked, 'utf8'), 'keep\n');
  assert.deepEqual(temps(dir), []);
});

test('convert killed at random moments leaves the old or the new output; the next one no litter', async (t) => {
  const dir = fresh();
  const entries = 3_000;
  const inputs = [1, 2].map((k) => {
    const p = join(dir, `in${k}.json`);
    fs.writeFileSync(p, fileVersion('glossary.json', k, entries));
    return p;
  });
  const out = join(dir, 'out.tsv');
  // What a writer killed before this test left (the writer's own naming), and what today's kill leaves.
  const litter = join(dir, `.out.tsv.${deadPid()}.0123abcd.hanzi-gloss.tmp`);
  fs.writeFileSync(litter, 'partial');
  const started = performance.now();
  assert.equal(runCli('convert', inputs[0], out).status, 0);
  const ms = performance.now() - started;
  assert.ok(!fs.existsSync(litter), "a killed writer's temporary file is removed by the next convert");
  let midWrite = 0;
  for (let k = 0; k < 6; k++) {
    const p = spawn(process.execPath, [cli, 'convert', inputs[k % 2], out], { stdio: 'ignore' });
    await sleep(ms * Math.random() * 1.1);
    p.kill('SIGKILL');
    await exited(p);
    const version = completeVersion('export.tsv', fs.readFileSync(out, 'utf8'), entries);
    assert.ok(version === 1 || version === 2, `after kill ${k} the output is one whole version`);
    if (temps(dir).length > 0) midWrite++;
    assert.equal(runCli('convert', inputs[k % 2], out).status, 0);
    assert.deepEqual(temps(dir), [], 'no temporary files after the next convert');
  }
  t.diagnostic(`convert kills that landed mid-write: ${midWrite} of 6`);
});
