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
  /** Tasks longer than 16 ms of wall time (one frame). */
  overFrame: number;
}

export class TaskTimer {
  longestMs = 0;
  longestName = '';
  longestCpuMs = 0;
  longestCpuName = '';
  /**
   * The longest time a task can have kept the thread busy: the lesser of its wall time and the
   * process's CPU time during it. Our tasks never wait on I/O, so a task whose wall time is longer
   * than the CPU the whole process used was paused by the OS, not blocking the host.
   */
  longestBusyMs = 0;
  longestBusyName = '';
  /** Per task name: how often it ran and how long it took, in wall time. */
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
      if (ms > this.longestMs) {
        this.longestMs = ms;
        this.longestName = name;
      }
      if (cpuMs > this.longestCpuMs) {
        this.longestCpuMs = cpuMs;
        this.longestCpuName = name;
      }
      if (Math.min(ms, cpuMs) > this.longestBusyMs) {
        this.longestBusyMs = Math.min(ms, cpuMs);
        this.longestBusyName = name;
      }
      let s = this.stats.get(name);
      if (!s) this.stats.set(name, (s = { count: 0, totalMs: 0, maxMs: 0, overFrame: 0 }));
      s.count++;
      s.totalMs += ms;
      if (ms > s.maxMs) s.maxMs = ms;
      if (ms > 16) s.overFrame++;
    }
  }

  reset(): void {
    this.longestMs = 0;
    this.longestName = '';
    this.longestCpuMs = 0;
    this.longestCpuName = '';
    this.longestBusyMs = 0;
    this.longestBusyName = '';
    this.stats.clear();
  }

  /** One line per task name: "document scan slice: 812 × 7.9 ms avg, max 12.1 ms, 0 over 16 ms". */
  report(): string[] {
    return [...this.stats].map(([name, s]) => `${name}: ${s.count} × ${(s.totalMs / s.count).toFixed(1)} ms avg, max ${s.maxMs.toFixed(1)} ms, ${s.overFrame} over 16 ms`);
  }
}
