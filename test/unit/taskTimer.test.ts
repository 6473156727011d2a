/** The task timer: busy time is the lesser of wall and thread CPU time; one-time loads kept apart. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TaskTimer } from '../../src/vscode/services/taskTimer';
import { threadCpuClock, type CpuClock } from '../../src/vscode/services/threadClock';

/** Spins for `ms` of wall time (CPU on this thread while the OS lets it run). */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** Blocks this thread for `ms` without using CPU (as when the OS runs another process). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

test('on Linux the CPU clock is the thread’s own: it counts a busy loop, not time spent blocked', () => {
  const clock = threadCpuClock();
  assert.equal(clock.kind, process.platform === 'linux' ? 'thread' : 'process');
  // Busy until the thread has had 30 ms of CPU (on a loaded machine that takes longer in wall time).
  const a = clock.nowMs();
  const processBefore = process.cpuUsage();
  const giveUp = performance.now() + 10_000;
  while (clock.nowMs() - a < 30 && performance.now() < giveUp);
  const used = process.cpuUsage(processBefore);
  const b = clock.nowMs();
  assert.ok(b - a >= 30, `the busy loop got ${(b - a).toFixed(1)} ms of thread CPU in 10 s`);
  // The thread's CPU is part of the process's.
  assert.ok((used.user + used.system) / 1000 >= (b - a) * 0.9, `process ${JSON.stringify(used)}, thread ${b - a}`);
  sleep(60);
  const c = clock.nowMs();
  assert.ok(c - b < 10, `60 ms blocked: ${(c - b).toFixed(1)} ms of CPU`);
});

test('a task paused by the OS is not busy for its wall time; one that computes is', () => {
  const timer = new TaskTimer();
  timer.measure('paused', () => sleep(60));
  timer.measure('computing', () => spin(30));
  const paused = timer.stats.get('paused')!;
  assert.ok(paused.maxMs >= 55 && paused.maxBusyMs < 10, JSON.stringify(paused));
  assert.equal(timer.longestBusyName, 'computing');
  assert.equal(timer.longestName, 'paused');
});

test('one-time loads are measured and reported, but are not the longest recurring task', () => {
  let now = 0;
  const fakeCpu: CpuClock = { kind: 'thread', nowMs: () => now };
  const timer = new TaskTimer(fakeCpu);
  timer.measureLoad('one-time load: dictionary', () => (now += 80));
  timer.measure('hover', () => (now += 3));
  timer.measure('hover', () => (now += 5));
  assert.equal(timer.stats.get('one-time load: dictionary')?.oneTime, true);
  assert.equal(timer.stats.get('hover')?.maxCpuMs, 5);
  assert.equal(timer.longestCpuName, 'hover');
  assert.ok(timer.report().some((l) => l.startsWith('one-time load: dictionary (one-time load): 1 ×')));
});
