/**
 * A small in-memory sliding-window counter keyed by string (email+IP, IP…). It reads the app clock
 * rather than the wall clock so tests can move time. Per process: a restart forgets counts, which is
 * acceptable for throttling (the limits slow guessing; they are not an accounting record).
 */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => Date,
    private readonly maxKeys = 50_000,
  ) {}

  private live(key: string, t: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((x) => x > t - this.windowMs);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }

  /** Seconds until `key` may act again (0 = it may now). */
  retryAfterS(key: string): number {
    const t = this.now().getTime();
    const list = this.live(key, t);
    if (list.length < this.limit) return 0;
    return Math.max(1, Math.ceil((list[list.length - this.limit] + this.windowMs - t) / 1000));
  }

  /** Counts one event for `key`. */
  hit(key: string): void {
    const t = this.now().getTime();
    if (this.hits.size >= this.maxKeys) this.prune(t);
    const list = this.live(key, t);
    list.push(t);
    this.hits.set(key, list);
  }

  /** If `key` is under the limit, counts one event and returns 0; else returns the seconds to wait. */
  take(key: string): number {
    const wait = this.retryAfterS(key);
    if (wait === 0) this.hit(key);
    return wait;
  }

  /** Takes back the most recent event of `key` (a reserved attempt that turned out not to count). */
  release(key: string): void {
    const list = this.hits.get(key);
    if (!list) return;
    list.pop();
    if (list.length === 0) this.hits.delete(key);
  }

  /** Forgets `key` (e.g. after a successful login). */
  reset(key: string): void {
    this.hits.delete(key);
  }

  private prune(t: number): void {
    for (const key of [...this.hits.keys()]) this.live(key, t);
    // Still full (an attack with many keys): drop the oldest keys rather than grow without bound.
    for (const key of this.hits.keys()) {
      if (this.hits.size < this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
