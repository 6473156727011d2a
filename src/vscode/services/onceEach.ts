/** Keys seen once: the first `first(key)` is true, every later one false (a message told once a session). */
export class OnceEach {
  private readonly seen = new Set<string>();

  first(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
