import type { Db } from './db.js';

/** One row of the re-check queue, before the point itself is read. */
export interface RecheckRow {
  id: number;
  open_reports: number;
  views: number;
  /** 1 when verified_until has passed or the point was never checked. */
  due: number;
  approximate: number;
}

/**
 * SQL for the daily view counters (point_views) and the staff re-check queue that ranks points by them.
 * Counts only: no IP address, no session, nothing that tells who looked.
 */
export class PointViewStore {
  private readonly s;

  constructor(private readonly db: Db) {
    const candidates = `
      WITH c AS (
        SELECT p.id,
          (SELECT count(*) FROM point_reports r WHERE r.point_id = p.id AND r.status = 'open') AS open_reports,
          coalesce((SELECT sum(v.views) FROM point_views v WHERE v.point_id = p.id AND v.day >= @since), 0) AS views,
          (p.verified_until IS NULL OR p.verified_until < @now) AS due,
          (p.accuracy = 'approximate') AS approximate
        FROM points p WHERE p.status != 'retired')
      SELECT * FROM c WHERE open_reports > 0 OR due OR approximate`;
    this.s = {
      add: db.prepare('INSERT INTO point_views (point_id, day, views) VALUES (?, ?, ?) ON CONFLICT (point_id, day) DO UPDATE SET views = views + excluded.views'),
      // Open reports first, then checks that ran out, then approximate pins; the busiest first within each.
      queue: db.prepare<{ now: string; since: string; limit: number; offset: number }, RecheckRow>(
        `${candidates} ORDER BY open_reports > 0 DESC, due DESC, views DESC, open_reports DESC, id LIMIT @limit OFFSET @offset`,
      ),
      count: db.prepare<{ now: string; since: string }, { n: number }>(`SELECT count(*) AS n FROM (${candidates})`),
      prune: db.prepare('DELETE FROM point_views WHERE day < ?'),
    };
  }

  /** Adds counts per (point, WITA day), in one transaction. */
  add(counts: Iterable<{ pointId: number; day: string; views: number }>): void {
    this.db.transaction(() => {
      for (const c of counts) this.s.add.run(c.pointId, c.day, c.views);
    })();
  }

  /** Drops counters older than `day` (YYYY-MM-DD): the queue looks back 30 days only. */
  pruneBefore(day: string): void {
    this.s.prune.run(day);
  }

  /** The re-check queue: `now` ISO instant, views counted from WITA day `since`. */
  queue(q: { now: string; since: string; limit: number; offset: number }): { rows: RecheckRow[]; total: number } {
    return { rows: this.s.queue.all(q), total: this.s.count.get({ now: q.now, since: q.since })!.n };
  }
}
