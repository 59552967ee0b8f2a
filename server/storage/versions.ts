import type { Db } from './db.js';

/**
 * Reads the row versions that ETags are made of (migration 060: every UPDATE bumps `version`). Read-only;
 * the versions move by themselves through triggers.
 */
export class VersionStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      point: db.prepare<[number], number>('SELECT version FROM points WHERE id = ?').pluck(),
      visit: db.prepare<[number], number>('SELECT version FROM visits WHERE id = ?').pluck(),
      series: db.prepare<[number], number>('SELECT version FROM visit_series WHERE id = ?').pluck(),
      exception: db.prepare<[number, string], number>('SELECT version FROM visit_exceptions WHERE series_id = ? AND date = ?').pluck(),
      outcome: db.prepare<[string], number>('SELECT version FROM visit_outcomes WHERE visit_id = ?').pluck(),
    };
  }

  /** Version of point `id`, or undefined when unknown. */
  point(id: number): number | undefined {
    return this.s.point.get(id);
  }

  /** Version of single visit `id`, or undefined. */
  visit(id: number): number | undefined {
    return this.s.visit.get(id);
  }

  /** Version of series `id`, or undefined. */
  series(id: number): number | undefined {
    return this.s.series.get(id);
  }

  /** Version of the exception on WITA `date` (YYYY-MM-DD) of series `seriesId`; undefined when it has none. */
  exception(seriesId: number, date: string): number | undefined {
    return this.s.exception.get(seriesId, date);
  }

  /** Version of the outcome recorded for occurrence `visitId`, or undefined when none is recorded. */
  outcome(visitId: string): number | undefined {
    return this.s.outcome.get(visitId);
  }
}
