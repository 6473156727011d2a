/**
 * The longest synchronous stretch the extension has spent on the extension host's thread, by
 * feature. Every piece of per-document work runs through `measure`, so the large-file test can
 * check the 50 ms budget inside a real VS Code rather than estimate it. Wall time and the
 * thread's CPU time are both kept (threadClock.ts): on a loaded machine the OS can pause the
 * thread mid-task, which stretches wall time without the extension doing (or blocking on) anything.
 */
import { threadCpuClock, type CpuClock } from './threadClock';

export interface TaskStats {
  count: number;
  totalMs: number;
  maxMs: number;
  maxCpuMs: number;
  /**
   * The longest time one run can have kept the thread busy: the lesser of its wall time and the
   * thread's CPU time during it. Our tasks never wait on I/O, so a task whose wall time is longer
   * than its CPU time was paused by the OS, not blocking the host.
   */
  maxBusyMs: number;
  /** That run: its number (1 is the first), when it started and ended on the `performance.now()` clock. */
  maxBusyRun: { index: number; start: number; end: number; wallMs: number; cpuMs: number };
  /** Runs longer than 16 ms of wall time (one frame). */
  overFrame: number;
  /**
   * A one-time load (a third-party module's dictionary, read once per session while the editor is
   * idle) rather than work that recurs with every document, edit or hover.
   */
  oneTime: boolean;
}

export class TaskTimer {
  /** Per task name: how often it ran and how long it took. */
  readonly stats = new Map<string, TaskStats>();

  constructor(readonly cpuClock: CpuClock = threadCpuClock()) {}

  /** Runs `work` once, as a one-time load (see TaskStats.oneTime), measured like any task. */
  measureLoad<T>(name: string, work: () => T): T {
    const result = this.measure(name, work);
    this.stats.get(name)!.oneTime = true;
    return result;
  }

  measure<T>(name: string, work: () => T): T {
    const started = performance.now();
    const cpu = this.cpuClock.nowMs();
    try {
      return work();
    } finally {
      const ms = performance.now() - started;
      const cpuMs = this.cpuClock.nowMs() - cpu;
      let s = this.stats.get(name);
      if (!s)
        this.stats.set(
          name,
          (s = {
            count: 0,
            totalMs: 0,
            maxMs: 0,
            maxCpuMs: 0,
            maxBusyMs: 0,
            maxBusyRun: { index: 0, start: 0, end: 0, wallMs: 0, cpuMs: 0 },
            overFrame: 0,
            oneTime: false,
          }),
        );
      s.count++;
      s.totalMs += ms;
      s.maxMs = Math.max(s.maxMs, ms);
      s.maxCpuMs = Math.max(s.maxCpuMs, cpuMs);
      const busy = Math.min(ms, cpuMs);
      if (busy > s.maxBusyMs) {
        s.maxBusyMs = busy;
        s.maxBusyRun = { index: s.count, start: started, end: started + ms, wallMs: ms, cpuMs };
      }
      if (ms > 16) s.overFrame++;
    }
  }

  /**
   * The recurring task (not a one-time load) with the largest value of `key`, and that value (0 and
   * '' before any task ran).
   */
  private longest(key: 'maxMs' | 'maxCpuMs' | 'maxBusyMs'): { ms: number; name: string } {
    let out = { ms: 0, name: '' };
    for (const [name, s] of this.stats) if (!s.oneTime && s[key] > out.ms) out = { ms: s[key], name };
    return out;
  }

  get longestMs(): number {
    return this.longest('maxMs').ms;
  }
  get longestName(): string {
    return this.longest('maxMs').name;
  }
  get longestCpuMs(): number {
    return this.longest('maxCpuMs').ms;
  }
  get longestCpuName(): string {
    return this.longest('maxCpuMs').name;
  }
  get longestBusyMs(): number {
    return this.longest('maxBusyMs').ms;
  }
  get longestBusyName(): string {
    return this.longest('maxBusyMs').name;
  }

  reset(): void {
    this.stats.clear();
  }

  /**
   * One line per task name: "document scan slice: 812 × 7.9 ms avg, max 12.1 ms, busy 9.0 ms, 0 over
   * 16 ms" (busy: the longest run's lesser of wall and CPU time); one-time loads say so.
   */
  report(): string[] {
    return [...this.stats].map(
      ([name, s]) =>
        `${name}${s.oneTime ? ' (one-time load)' : ''}: ${s.count} × ${(s.totalMs / s.count).toFixed(1)} ms avg, ` +
        `max ${s.maxMs.toFixed(1)} ms, busy ${s.maxBusyMs.toFixed(1)} ms, ${s.overFrame} over 16 ms`,
    );
  }
}
