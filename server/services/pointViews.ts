/**
 * Counts public views of points (GET /api/points/{id} and the top nearest results) per WITA day, for the staff
 * re-check queue. Counts gather in memory and are written in one transaction at most once a minute (or every
 * 500 distinct point-days), so the hottest public route never waits for a disk write. A crash loses at most a
 * minute of counts, which only nudges a ranking. Nothing about the viewer is kept.
 */
import type { PointViewStore } from '../storage/pointViews.js';
import { witaDate } from '../domain/schedule/wita.js';
import { addDays } from '../domain/calendar/dates.js';

/** Flush the pending counts after this long (ms) or this many distinct (point, day) pairs. */
const FLUSH_AFTER_MS = 60_000;
const FLUSH_AFTER_KEYS = 500;
/** Days of counters the queue ranks by (and keeps). */
export const VIEW_WINDOW_DAYS = 30;

export class PointViewCounter {
  private pending = new Map<string, number>();
  private lastFlush: number;

  constructor(
    private readonly store: PointViewStore,
    private readonly now: () => Date,
  ) {
    this.lastFlush = now().getTime();
  }

  /** Counts one public view of each of `ids`. */
  record(ids: readonly number[]): void {
    if (ids.length === 0) return;
    const now = this.now();
    const day = witaDate(now);
    for (const id of ids) {
      const key = `${id}|${day}`;
      this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    }
    if (this.pending.size >= FLUSH_AFTER_KEYS || now.getTime() - this.lastFlush >= FLUSH_AFTER_MS) this.flush();
  }

  /** Writes the pending counts and drops counters older than the window. */
  flush(): void {
    const now = this.now();
    this.lastFlush = now.getTime();
    if (this.pending.size === 0) return;
    const batch = [...this.pending].map(([key, views]) => {
      const [id, day] = key.split('|');
      return { pointId: Number(id), day, views };
    });
    this.pending = new Map();
    this.store.add(batch);
    this.store.pruneBefore(addDays(witaDate(now), -VIEW_WINDOW_DAYS));
  }

  /** The first WITA day the queue counts views from. */
  windowStart(): string {
    return addDays(witaDate(this.now()), -(VIEW_WINDOW_DAYS - 1));
  }
}
