import type { Db } from './db.js';
import type { MarketDayRule } from '../domain/calendar/marketDays.js';
import type { Activity, OccurrenceChanges, VisitStatus } from '../domain/schedule/types.js';

/** The stored fields shared by single visits and series. Instants are ISO 8601 UTC text. */
export interface StoredVisitFields {
  point_id: number;
  title: string;
  activities: Activity[];
  starts_at: string;
  ends_at: string;
  team: string | null;
  capacity: number | null;
  notes: string | null;
  status: VisitStatus;
}

/** A single visit row. */
export interface StoredVisit extends StoredVisitFields {
  id: number;
  /** Ever published (status 'scheduled' at some write): only then may the public see it cancelled. */
  published: boolean;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** The writable fields of a series: a visit plus its recurrence. */
export interface StoredSeriesFields extends StoredVisitFields {
  /** Last allowed WITA date, YYYY-MM-DD. */
  until: string;
  /** The point's market-day rule when the series was made. */
  market_days: MarketDayRule;
}

/** A series row. */
export interface StoredSeries extends StoredSeriesFields {
  id: number;
  /** Ever published (status 'scheduled' at some write): only then may the public see its cancelled occurrences. */
  published: boolean;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A stored exception to one occurrence of a series (keyed by the original WITA date). */
export type StoredException =
  | { series_id: number; date: string; kind: 'cancelled' }
  | { series_id: number; date: string; kind: 'override'; changes: OccurrenceChanges };

interface VisitRow {
  id: number; point_id: number; title: string; activities: string; starts_at: string; ends_at: string;
  team: string | null; capacity: number | null; notes: string | null; status: string;
  created_by: number | null; created_at: string; updated_at: string; published: number;
}
interface SeriesRow extends VisitRow { until: string; market_days: string }
interface ExceptionRow { series_id: number; date: string; kind: string; changes: string | null }

function visitFromRow(r: VisitRow): StoredVisit {
  return { ...r, activities: JSON.parse(r.activities), status: r.status as VisitStatus, published: r.published === 1 };
}

function seriesFromRow(r: SeriesRow): StoredSeries {
  return { ...visitFromRow(r), until: r.until, market_days: JSON.parse(r.market_days) };
}

function exceptionFromRow(r: ExceptionRow): StoredException {
  return r.kind === 'override'
    ? { series_id: r.series_id, date: r.date, kind: 'override', changes: JSON.parse(r.changes ?? '{}') }
    : { series_id: r.series_id, date: r.date, kind: 'cancelled' };
}

function visitParams(v: StoredVisitFields) {
  return {
    point_id: v.point_id, title: v.title, activities: JSON.stringify(v.activities), starts_at: v.starts_at, ends_at: v.ends_at,
    team: v.team, capacity: v.capacity, notes: v.notes, status: v.status, published: v.status === 'scheduled' ? 1 : 0,
  };
}

const VISIT_COLUMNS = ['point_id', 'title', 'activities', 'starts_at', 'ends_at', 'team', 'capacity', 'notes', 'status'];
const SERIES_COLUMNS = [...VISIT_COLUMNS, 'until', 'market_days'];

/** SQL for outreach visits, series and series exceptions. */
export class VisitStore {
  private writeCount = 0;
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      getVisit: db.prepare<[number], VisitRow>('SELECT * FROM visits WHERE id = ?'),
      getSeries: db.prepare<[number], SeriesRow>('SELECT * FROM visit_series WHERE id = ?'),
      insertVisit: db.prepare(
        `INSERT INTO visits (${VISIT_COLUMNS.join(', ')}, published, created_by, created_at, updated_at)
         VALUES (${VISIT_COLUMNS.map((c) => '@' + c).join(', ')}, @published, @created_by, @now, @now)`,
      ),
      // `published` only ever turns on: once the public has seen a visit, it may see that it was cancelled.
      updateVisit: db.prepare(`UPDATE visits SET ${VISIT_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, published = max(published, @published), updated_at = @now WHERE id = @id`),
      insertSeries: db.prepare(
        `INSERT INTO visit_series (${SERIES_COLUMNS.join(', ')}, published, created_by, created_at, updated_at)
         VALUES (${SERIES_COLUMNS.map((c) => '@' + c).join(', ')}, @published, @created_by, @now, @now)`,
      ),
      updateSeries: db.prepare(`UPDATE visit_series SET ${SERIES_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, published = max(published, @published), updated_at = @now WHERE id = @id`),
      visitsBetween: db.prepare<[string, string], VisitRow>('SELECT * FROM visits WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, id'),
      // A series may have occurrences in [fromDate, toDate] when it starts before the window ends and
      // runs until after it begins, or when one of its occurrences was moved into the window.
      seriesBetween: db.prepare<{ fromDate: string; toUtc: string; fromUtc: string }, SeriesRow>(
        `SELECT * FROM visit_series
          WHERE (starts_at < @toUtc AND until >= @fromDate)
             OR id IN (SELECT series_id FROM visit_exceptions WHERE starts_at >= @fromUtc AND starts_at < @toUtc)
          ORDER BY id`,
      ),
      allVisits: db.prepare<[], VisitRow>('SELECT * FROM visits ORDER BY starts_at, id'),
      allSeries: db.prepare<[], SeriesRow>('SELECT * FROM visit_series ORDER BY id'),
      exceptionsOf: db.prepare<[number], ExceptionRow>('SELECT series_id, date, kind, changes FROM visit_exceptions WHERE series_id = ? ORDER BY date'),
      upsertException: db.prepare(
        `INSERT INTO visit_exceptions (series_id, date, kind, changes, starts_at, updated_at)
         VALUES (@series_id, @date, @kind, @changes, @starts_at, @now)
         ON CONFLICT (series_id, date) DO UPDATE SET kind = excluded.kind, changes = excluded.changes,
           starts_at = excluded.starts_at, updated_at = excluded.updated_at`,
      ),
      deleteException: db.prepare<[number, string]>('DELETE FROM visit_exceptions WHERE series_id = ? AND date = ?'),
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
  }

  /** Changes whenever visits may have changed, in this process (every write below) or another (data_version). */
  changeStamp(): string {
    return `${this.writeCount}:${this.stmts.dataVersion.get()}`;
  }

  /** Runs `fn` in one transaction: all of its writes or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** One single visit by id, or undefined. */
  getVisit(id: number): StoredVisit | undefined {
    const r = this.stmts.getVisit.get(id);
    return r && visitFromRow(r);
  }

  /** One series by id, or undefined. */
  getSeries(id: number): StoredSeries | undefined {
    const r = this.stmts.getSeries.get(id);
    return r && seriesFromRow(r);
  }

  /** Inserts a single visit; returns its id. `now` is an ISO timestamp. */
  insertVisit(v: StoredVisitFields, createdBy: number | null, now: string): number {
    this.writeCount++;
    return Number(this.stmts.insertVisit.run({ ...visitParams(v), created_by: createdBy, now }).lastInsertRowid);
  }

  /** Replaces the writable fields of single visit `id`. */
  updateVisit(id: number, v: StoredVisitFields, now: string): void {
    this.writeCount++;
    this.stmts.updateVisit.run({ ...visitParams(v), id, now });
  }

  /** Inserts a series; returns its id. */
  insertSeries(s: StoredSeriesFields, createdBy: number | null, now: string): number {
    this.writeCount++;
    const params = { ...visitParams(s), until: s.until, market_days: JSON.stringify(s.market_days), created_by: createdBy, now };
    return Number(this.stmts.insertSeries.run(params).lastInsertRowid);
  }

  /** Replaces the writable fields of series `id`. */
  updateSeries(id: number, s: StoredSeriesFields, now: string): void {
    this.writeCount++;
    this.stmts.updateSeries.run({ ...visitParams(s), until: s.until, market_days: JSON.stringify(s.market_days), id, now });
  }

  /** Single visits (any status) starting in [fromUtc, toUtc). */
  visitsBetween(fromUtc: string, toUtc: string): StoredVisit[] {
    return this.stmts.visitsBetween.all(fromUtc, toUtc).map(visitFromRow);
  }

  /** Series (any status) that may have an occurrence starting in [fromUtc, toUtc); fromDate is the WITA date of fromUtc. */
  seriesBetween(fromDate: string, fromUtc: string, toUtc: string): StoredSeries[] {
    return this.stmts.seriesBetween.all({ fromDate, fromUtc, toUtc }).map(seriesFromRow);
  }

  /** Every single visit, any status. */
  allVisits(): StoredVisit[] {
    return this.stmts.allVisits.all().map(visitFromRow);
  }

  /** Every series, any status. */
  allSeries(): StoredSeries[] {
    return this.stmts.allSeries.all().map(seriesFromRow);
  }

  /** The exceptions of a series, by date. */
  exceptionsOf(seriesId: number): StoredException[] {
    return this.stmts.exceptionsOf.all(seriesId).map(exceptionFromRow);
  }

  /** Records (or replaces) the exception on one date of a series; `startsAtUtc` is the moved start of an override. */
  putException(e: StoredException, startsAtUtc: string | null, now: string): void {
    this.writeCount++;
    this.stmts.upsertException.run({
      series_id: e.series_id, date: e.date, kind: e.kind,
      changes: e.kind === 'override' ? JSON.stringify(e.changes) : null,
      starts_at: e.kind === 'override' ? startsAtUtc : null, now,
    });
  }

  /** Removes the exception on one date, restoring the series' own occurrence. */
  deleteException(seriesId: number, date: string): void {
    this.writeCount++;
    this.stmts.deleteException.run(seriesId, date);
  }
}
