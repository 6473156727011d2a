/**
 * The one time-slicer of the extension: long per-document work (scans, term lists, QA checks) runs
 * a slice at a time, each slice measured by the task timer, with a turn of the event loop between
 * slices, so the extension host is never blocked for long. It imports no `vscode`: the clock and
 * the yield are injected, so the unit test drives it with a fake clock.
 */
import type { TaskTimer } from './taskTimer';

/** How long one slice may hold the thread; well under the 50 ms budget the large-file test checks. */
export const SLICE_MS = 8;

export interface SliceClock {
  now(): number;
  /** Lets the event loop run (other extensions, VS Code's messages) before the next slice. */
  yield(): Promise<void>;
}

export const hostClock: SliceClock = {
  now: () => performance.now(),
  yield: () => new Promise<void>((resolve) => setImmediate(resolve)),
};

/**
 * One slice of work: does some, calls `expired()` as often as is cheap and returns once it says
 * true; returns true when all the work is done.
 */
export type SliceStep = (expired: () => boolean) => boolean;

export class TimeSlicer {
  constructor(
    private readonly timer: Pick<TaskTimer, 'measure'>,
    private readonly clock: SliceClock = hostClock,
    readonly sliceMs = SLICE_MS,
  ) {}

  /**
   * Runs `step` a slice at a time until it reports done (resolves true) or `cancelled()` is true
   * before a slice (resolves false; the caller drops the partial work). Each slice is measured under
   * `name`. An error thrown by a step rejects the promise, and no further slice runs.
   */
  async run(name: string, step: SliceStep, cancelled: () => boolean = () => false): Promise<boolean> {
    for (let first = true; ; first = false) {
      if (!first) await this.clock.yield();
      if (cancelled()) return false;
      const done = this.timer.measure(name, () => {
        const started = this.clock.now();
        return step(() => this.clock.now() - started > this.sliceMs);
      });
      if (done) return true;
    }
  }
}
