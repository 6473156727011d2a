/**
 * The longest synchronous stretch the extension has spent on the extension host's thread, by
 * feature. Every piece of per-document work runs through `measure`, so the large-file test can
 * check the 50 ms budget inside a real VS Code rather than estimate it. Wall time and the
 * process's CPU time are both kept: on a loaded machine the OS can pause the thread mid-task,
 * which stretches wall time without the extension doing (or blocking on) anything.
 */
export interface TaskStats {
  count: number;
  totalMs: number;
  maxMs: number;
  maxCpuMs: number;
  /**
   * The longest time one run can have kept the thread busy: the lesser of its wall time and the
   * process's CPU time during it. Our tasks never wait on I/O, so a task whose wall time is longer
   * than the CPU the whole process used was paused by the OS, not blocking the host.
   */
  maxBusyMs: number;
  /** Runs longer than 16 ms of wall time (one frame). */
  overFrame: number;
}

export class TaskTimer {
  /** Per task name: how often it ran and how long it took. */
  readonly stats = new Map<string, TaskStats>();

  measure<T>(name: string, work: () => T): T {
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      return work();
    } finally {
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      let s = this.stats.get(name);
      if (!s) this.stats.set(name, (s = { count: 0, totalMs: 0, maxMs: 0, maxCpuMs: 0, maxBusyMs: 0, overFrame: 0 }));
      s.count++;
      s.totalMs += ms;
      s.maxMs = Math.max(s.maxMs, ms);
      s.maxCpuMs = Math.max(s.maxCpuMs, cpuMs);
      s.maxBusyMs = Math.max(s.maxBusyMs, Math.min(ms, cpuMs));
      if (ms > 16) s.overFrame++;
    }
  }

  /** The task with the largest value of `key`, and that value (0 and '' before any task ran). */
  private longest(key: 'maxMs' | 'maxCpuMs' | 'maxBusyMs'): { ms: number; name: string } {
    let out = { ms: 0, name: '' };
    for (const [name, s] of this.stats) if (s[key] > out.ms) out = { ms: s[key], name };
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

  /** One line per task name: "document scan slice: 812 × 7.9 ms avg, max 12.1 ms, 0 over 16 ms". */
  report(): string[] {
    return [...this.stats].map(
      ([name, s]) =>
        `${name}: ${s.count} × ${(s.totalMs / s.count).toFixed(1)} ms avg, ` +
        `max ${s.maxMs.toFixed(1)} ms, ${s.overFrame} over 16 ms`,
    );
  }
}
