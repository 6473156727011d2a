/**
 * The longest synchronous stretch the extension has spent on the extension host's thread, by
 * feature. Every piece of per-document work runs through `measure`, so the large-file test can
 * check the 50 ms budget inside a real VS Code rather than estimate it. Wall time and the
 * process's CPU time are both kept: on a loaded machine the OS can pause the thread mid-task,
 * which stretches wall time without the extension doing (or blocking on) anything.
 */
export class TaskTimer {
  longestMs = 0;
  longestName = '';
  longestCpuMs = 0;
  longestCpuName = '';

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
    }
  }

  reset(): void {
    this.longestMs = 0;
    this.longestName = '';
    this.longestCpuMs = 0;
    this.longestCpuName = '';
  }
}
