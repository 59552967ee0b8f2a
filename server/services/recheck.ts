import type { PointStore } from '../storage/points.js';
import type { PointViewStore } from '../storage/pointViews.js';
import type { FinderService } from './finder.js';
import type { PointViewCounter } from './pointViews.js';
import type { PointFeature } from '../domain/points/point.js';

export const RECHECK_REASONS = ['open_reports', 'check_expired', 'never_checked', 'approximate'] as const;
export type RecheckReason = (typeof RECHECK_REASONS)[number];

/** One entry of "Perlu dicek ulang": the point and why it is listed. */
export type RecheckItem = PointFeature & {
  recheck: { reasons: RecheckReason[]; open_reports: number; views_30d: number };
};

/**
 * The staff "Perlu dicek ulang" queue: points with open problem reports, points whose check ran out
 * (verified_until passed, or never checked), and approximate points, the most viewed first within each group.
 */
export class RecheckService {
  constructor(
    private readonly store: PointViewStore,
    private readonly counter: PointViewCounter,
    private readonly points: PointStore,
    private readonly finder: FinderService,
    private readonly now: () => Date,
  ) {}

  /** A page of the queue and its total length. */
  queue(q: { limit: number; offset: number }): { type: 'FeatureCollection'; features: RecheckItem[]; total: number } {
    this.counter.flush(); // rank by every view so far, not only the flushed ones
    const now = this.now();
    const { rows, total } = this.store.queue({ now: now.toISOString(), since: this.counter.windowStart(), limit: q.limit, offset: q.offset });
    const byId = new Map(this.points.getMany(rows.map((r) => r.id)).map((p) => [p.id, p]));
    const features: RecheckItem[] = [];
    for (const r of rows) {
      const p = byId.get(r.id);
      if (!p) continue;
      const reasons: RecheckReason[] = [];
      if (r.open_reports > 0) reasons.push('open_reports');
      if (r.due) reasons.push(p.verified_until === null ? 'never_checked' : 'check_expired');
      if (r.approximate) reasons.push('approximate');
      const recheck = { reasons, open_reports: r.open_reports, views_30d: r.views };
      features.push({ ...this.finder.publicFeature(p, now), recheck });
    }
    return { type: 'FeatureCollection', features, total };
  }
}
