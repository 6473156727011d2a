/**
 * One queue per file: a write starts only when every earlier write to the same file has finished,
 * so two quick additions both survive (each reads the text the other left). A failed write lets
 * the next one run and rejects only its own caller. It is instance state, owned by the writer of
 * the glossary files, and imports no `vscode`, so the unit test runs it under plain Node.
 */
export class WriteQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after the earlier tasks for `key`; resolves or rejects with its own result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    // A tail never rejects (see below), so a failed write does not stop the next one.
    const run = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // The last task of a file leaves nothing behind, so the map does not grow with every file ever written.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Files with a write queued or running. */
  get pending(): number {
    return this.tails.size;
  }
}
