/**
 * The longest synchronous stretch the extension has spent on the extension host's thread, by
 * feature. Every piece of per-document work runs through `measure`, so the large-file test can
 * check the 50 ms budget inside a real VS Code rather than estimate it.
 */
export class TaskTimer {
  longestMs = 0;
  longestName = '';

  measure<T>(name: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      const ms = performance.now() - started;
      if (ms > this.longestMs) {
        this.longestMs = ms;
        this.longestName = name;
      }
    }
  }

  reset(): void {
    this.longestMs = 0;
    this.longestName = '';
  }
}
