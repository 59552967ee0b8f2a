/**
 * The little that coverage and outcomes need from outreach visits (issue 4). Kept as an interface so
 * these services do not depend on how visits are stored; `visitLookupFrom` adapts the visits service.
 */
import { HttpError } from '../errors.js';
import type { VisitService } from './visits.js';

/** One concrete visit occurrence, as GET /api/visits lists it. */
export interface VisitOccurrenceRef {
  /** Occurrence id: `v7` for a single visit, `s12:2026-07-04` for one occurrence of series 12. */
  id: string;
  point_id: number;
  /** ISO 8601 with offset. */
  starts_at: string;
  ends_at: string;
  status: string;
}

export interface VisitLookup {
  /**
   * Occurrences whose WITA start date lies in fromDate..toDate (YYYY-MM-DD, inclusive, at most 400 days),
   * drafts included, cancelled ones left out.
   */
  occurrencesBetween(fromDate: string, toDate: string): VisitOccurrenceRef[];
  /**
   * One occurrence by id; `series` when the id names a whole series (not one visit), undefined when
   * there is no such visit (or the id is not a visit id at all).
   */
  occurrence(id: string): VisitOccurrenceRef | 'series' | undefined;
  /**
   * Whether the public may see visit `id` (GET /api/visits/:id without a login answers it): not a draft, not a
   * cancellation that was never published, not at a retired point.
   */
  isPublic(id: string): boolean;
}

/** Views the visits service (services/visits.ts) as a VisitLookup, with planner details (drafts included). */
export function visitLookupFrom(visits: VisitService): VisitLookup {
  return {
    occurrencesBetween(fromDate, toDate) {
      const { visits: list } = visits.list({ from: fromDate, to: toDate, limit: Number.MAX_SAFE_INTEGER }, true);
      return list.map((v) => ({ id: v.id, point_id: v.point_id, starts_at: v.starts_at, ends_at: v.ends_at, status: v.status }));
    },
    occurrence(id) {
      try {
        const r = visits.get(id, true);
        if (r.kind === 'series') return 'series';
        return { id: r.id, point_id: r.point_id, starts_at: r.starts_at, ends_at: r.ends_at, status: r.status };
      } catch (err) {
        // A malformed id (400) or an unknown one (404) both mean "no such visit" here.
        if (err instanceof HttpError && (err.status === 404 || err.status === 400)) return undefined;
        throw err;
      }
    },
    isPublic(id) {
      try {
        visits.get(id, false);
        return true;
      } catch (err) {
        if (err instanceof HttpError && (err.status === 404 || err.status === 400)) return false;
        throw err;
      }
    },
  };
}
