/**
 * The time-slicer under plain Node, with a fake clock: each unit of work advances the clock by a
 * known amount, so where the slices end is exact, not timing-dependent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SLICE_MS, TimeSlicer, type SliceClock } from '../../src/vscode/services/timeSlices';
import { TaskTimer } from '../../src/vscode/services/taskTimer';

/** A clock that moves only when told; `events` records each yield and each measured slice. */
function fakeClock(events: string[]): SliceClock & { advance(ms: number): void } {
  let now = 1000;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    yield: async () => {
      events.push('yield');
      await Promise.resolve();
    },
  };
}

function recordingTimer(events: string[]): Pick<TaskTimer, 'measure'> {
  return {
    measure: <T>(name: string, work: () => T): T => {
      events.push(`slice ${name}`);
      return work();
    },
  };
}

/** A step over `items` units of 3 ms each, checking the deadline after every unit. */
function unitsOf3ms(clock: { advance(ms: number): void }, items: number, done: number[]) {
  let i = 0;
  return (expired: () => boolean): boolean => {
    while (i < items) {
      clock.advance(3);
      done.push(i++);
      if (expired()) return i >= items;
    }
    return true;
  };
}

test('the slice length is defined once, as 8 ms', () => {
  assert.equal(SLICE_MS, 8);
  assert.equal(new TimeSlicer(new TaskTimer()).sliceMs, 8);
});

test('a slice ends at the first deadline check past the slice length; the event loop turns in between', async () => {
  const events: string[] = [];
  const clock = fakeClock(events);
  const done: number[] = [];
  const finished = await new TimeSlicer(recordingTimer(events), clock).run('work', unitsOf3ms(clock, 7, done));
  assert.equal(finished, true);
  assert.deepEqual(done, [0, 1, 2, 3, 4, 5, 6]);
  // 3 units = 9 ms > 8 ms: slices of 3, 3 and 1 units; no yield after the last one.
  assert.deepEqual(events, ['slice work', 'yield', 'slice work', 'yield', 'slice work']);
});

test('work that fits in one slice runs without yielding', async () => {
  const events: string[] = [];
  const clock = fakeClock(events);
  const done: number[] = [];
  assert.equal(await new TimeSlicer(recordingTimer(events), clock).run('small', unitsOf3ms(clock, 2, done)), true);
  assert.deepEqual(events, ['slice small']);
});

test('cancellation is checked before every slice, and stops the work there', async () => {
  const events: string[] = [];
  const clock = fakeClock(events);
  const done: number[] = [];
  let checks = 0;
  const cancelled = () => ++checks > 2; // true from the third check on: after two slices
  const slicer = new TimeSlicer(recordingTimer(events), clock);
  const finished = await slicer.run('work', unitsOf3ms(clock, 100, done), cancelled);
  assert.equal(finished, false);
  assert.deepEqual(done, [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(events, ['slice work', 'yield', 'slice work', 'yield']);
});

test('work cancelled before it starts does nothing', async () => {
  const events: string[] = [];
  const clock = fakeClock(events);
  const done: number[] = [];
  const slicer = new TimeSlicer(recordingTimer(events), clock);
  assert.equal(await slicer.run('w', unitsOf3ms(clock, 5, done), () => true), false);
  assert.deepEqual(done, []);
  assert.deepEqual(events, []);
});

test('every slice goes through the task timer under its name, and an error stops the slicing', async () => {
  const timer = new TaskTimer();
  const events: string[] = [];
  const clock = fakeClock(events);
  let slices = 0;
  const step = (expired: () => boolean): boolean => {
    if (++slices === 3) throw new Error('damaged record');
    while (!expired()) clock.advance(1);
    return false;
  };
  await assert.rejects(new TimeSlicer(timer, clock).run('scan slice', step), /damaged record/);
  assert.equal(slices, 3);
  assert.equal(timer.stats.get('scan slice')?.count, 3);
  assert.deepEqual(events, ['yield', 'yield']);
});

test('with the host clock, slices really yield to the event loop (a timer set before fires in between)', async () => {
  const order: string[] = [];
  setImmediate(() => order.push('other work'));
  let slices = 0;
  await new TimeSlicer(new TaskTimer()).run('host', () => {
    order.push(`slice ${++slices}`);
    return slices === 2;
  });
  assert.deepEqual(order, ['slice 1', 'other work', 'slice 2']);
});
