import { addDays, dateRange, daysBetween, MAX_RANGE_DAYS, parseIsoDate } from '../domain/calendar/dates.js';
import { parseMarketDayRule, type MarketDayRule } from '../domain/calendar/marketDays.js';
import { compareOccurrences, expandSeries, occurrenceOnDate, planSeries, visitToOccurrence } from '../domain/schedule/expand.js';
import { findConflictsCapped, teamKeyOf, type ClosedDate, type ConflictWarning } from '../domain/schedule/conflicts.js';
import { buildIcs } from '../domain/schedule/ics.js';
import { formatWita, parseInterval, toWita, witaDate, witaInstant, witaWall } from '../domain/schedule/wita.js';
import type { Activity, Occurrence, OccurrenceChanges, SeriesException, Visit, VisitSeries, VisitStatus } from '../domain/schedule/types.js';
import { haversineM } from '../domain/geo/distance.js';
import { bboxContains } from '../domain/geo/bbox.js';
import type { BBox, LngLat } from '../domain/geo/types.js';
import type { Point } from '../domain/points/point.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { PointStore } from '../storage/points.js';
import type { StoredException, StoredSeries, StoredSeriesFields, StoredVisit, StoredVisitFields, VisitStore } from '../storage/visits.js';
import type { VillageService } from './villages.js';
import { noPublicVisit, parseVisitRef, seriesPublicId, visitPublicId, type VisitRef } from './visitIds.js';
import { occurrenceView, schedulePoint, type VisitView } from './visitViews.js';
import { assertNoNik } from '../domain/privacy/nik.js';
import { reauthorize, type Actor } from './audit.js';
import { NO_IF_MATCH, type VersionService } from './versions.js';
import type { IfMatch } from '../domain/concurrency/etag.js';

/** Longest single visit or occurrence, in hours: longer campaigns are several visits. */
export const MAX_VISIT_HOURS = 24;
/** Longest span of a series from its first date through `until`, in days (inclusive). */
export const MAX_SERIES_DAYS = MAX_RANGE_DAYS;
/** Default listing window from today (WITA), in days. */
export const DEFAULT_LIST_DAYS = 60;

/** The body of `POST /api/visits`: a domain Visit without its id, created as scheduled or draft, maybe repeating. */
export type VisitCreateInput = Omit<Visit, 'id' | 'point_id' | 'status'> & {
  point_id: number;
  status?: 'scheduled' | 'draft';
  repeat?: VisitSeries['repeat'];
};

/** The body of `PATCH /api/visits/:id`: any subset of the fields; null clears team, capacity or notes. */
export type VisitPatch = Partial<Omit<VisitCreateInput, 'status'>> & { status?: VisitStatus };

/** Filters of `GET /api/visits`. Dates are WITA civil dates. */
export interface VisitListQuery {
  from?: string;
  to?: string;
  point_id?: number;
  bbox?: BBox;
  /** [lng, lat] */
  near?: LngLat;
  max_km?: number;
  village_code?: string;
  district_code?: string;
  limit: number;
  include_cancelled?: boolean;
}

/** Which points a calendar feed covers. */
export interface FeedFilter {
  point_id?: number;
  village_code?: string;
  district_code?: string;
}

/** A created or changed visit, series or occurrence, with conflict warnings. */
export type VisitRecord = VisitView & {
  kind: 'visit' | 'series' | 'occurrence';
  repeat?: { on_market_days: true; until: string };
  market_days?: MarketDayRule;
  /** Series only: every occurrence through `until`, cancelled ones included. */
  occurrences?: { id: string; starts_at: string; ends_at: string; status: VisitStatus; overridden: boolean }[];
};

/** Most warnings one write answers with; `warnings_total` says how many there were. */
export const MAX_WARNINGS = 50;

type WithWarnings = VisitRecord & { warnings: ConflictWarning[]; warnings_total: number };

const toDomainVisit = (v: StoredVisit): Visit => ({ ...v, id: visitPublicId(v.id) });
const toDomainSeries = (s: StoredSeries): VisitSeries => ({ ...s, id: seriesPublicId(s.id), repeat: { on_market_days: true, until: s.until } });
const toDomainException = (e: StoredException): SeriesException => ({ ...e, series_id: seriesPublicId(e.series_id) });

/**
 * Outreach visits: single visits and series on a point's market days, per-occurrence exceptions,
 * listings expanded to occurrences, conflict warnings and iCalendar feeds. Writes are planner/admin
 * only (enforced by the routes); team, capacity and notes are shown to planners/admins only.
 */
export class VisitService {
  constructor(
    private readonly store: VisitStore,
    private readonly points: PointStore,
    private readonly villages: VillageService,
    private readonly closedDates: readonly ClosedDate[],
    private readonly now: () => Date,
    private readonly versions: VersionService,
  ) {}

  /**
   * Creates a single visit or, with `repeat`, a series on the point's market days. Runs in one transaction that
   * first re-checks the actor's session and role (Actor.authorize).
   */
  create(input: VisitCreateInput, actor: Actor | null = null): WithWarnings {
    return this.store.transaction(() => {
      reauthorize(actor);
      return this.createNow(input, actor?.id ?? null);
    });
  }

  private createNow(input: VisitCreateInput, userId: number | null): WithWarnings {
    const point = this.activePoint(input.point_id, 'point_id');
    const fields = this.checkedFields({ ...input, status: input.status ?? 'scheduled' });
    const stamp = this.now().toISOString();
    if (!input.repeat) {
      const id = this.store.insertVisit(fields, userId, stamp);
      return this.visitResult(this.store.getVisit(id)!);
    }
    const series = { ...fields, ...this.checkedRecurrence(point, fields.starts_at, input.repeat.until) };
    const id = this.store.insertSeries(series, userId, stamp);
    return this.seriesResult(this.store.getSeries(id)!);
  }

  /**
   * Changes a visit, a whole series, or one occurrence of a series (stored as an exception), in one transaction
   * that re-checks the actor's session and role; with `ifMatch` from an older read of that id → 412.
   */
  update(idText: string, patch: VisitPatch, actor: Actor | null = null, ifMatch: IfMatch = NO_IF_MATCH): WithWarnings {
    return this.store.transaction(() => {
      reauthorize(actor);
      this.checkIfMatch(idText, ifMatch);
      return this.updateNow(idText, patch);
    });
  }

  private updateNow(idText: string, patch: VisitPatch): WithWarnings {
    const ref = parseVisitRef(idText);
    const stamp = this.now().toISOString();
    if (ref.kind === 'visit') {
      const stored = this.getStoredVisit(ref.id);
      if (patch.repeat) throw new ValidationError('repeat', 'A single visit cannot become a series; create a new visit with repeat instead.', { code: 'single_to_series' });
      if (patch.point_id !== undefined && patch.point_id !== stored.point_id) this.activePoint(patch.point_id, 'point_id');
      const fields = this.checkedFields(merge(stored, patch));
      this.store.updateVisit(ref.id, fields, stamp);
      return this.visitResult(this.store.getVisit(ref.id)!);
    }
    if (ref.kind === 'series') {
      const stored = this.getStoredSeries(ref.id);
      const fields = this.checkedFields(merge(stored, patch));
      const pointChanged = fields.point_id !== stored.point_id;
      const point = pointChanged ? this.activePoint(fields.point_id, 'point_id') : undefined;
      const recurrence =
        pointChanged || patch.repeat || fields.starts_at !== stored.starts_at
          ? // A series keeps the rule it was made with; giving `repeat` (or a new point) re-reads the point's current rule.
            this.checkedRecurrence(point ?? this.points.get(stored.point_id)!, fields.starts_at, patch.repeat?.until ?? stored.until, pointChanged || patch.repeat ? undefined : stored.market_days)
          : { until: stored.until, market_days: stored.market_days };
      this.store.updateSeries(ref.id, { ...fields, ...recurrence }, stamp);
      return this.seriesResult(this.store.getSeries(ref.id)!);
    }
    return this.updateOccurrence(ref, patch, stamp);
  }

  /** Cancels a visit, a whole series or one occurrence. Nothing is deleted: a PATCH with a status restores it. */
  cancel(idText: string, actor: Actor | null = null, ifMatch: IfMatch = NO_IF_MATCH): WithWarnings {
    return this.store.transaction(() => {
      reauthorize(actor);
      this.checkIfMatch(idText, ifMatch);
      const ref = parseVisitRef(idText);
      if (ref.kind === 'occurrence') return this.updateOccurrence(ref, { status: 'cancelled' }, this.now().toISOString());
      return this.updateNow(idText, { status: 'cancelled' });
    });
  }

  /** 404 for an unknown id (as the write would), then 412 when If-Match names an older version. */
  private checkIfMatch(idText: string, ifMatch: IfMatch): void {
    if (ifMatch.kind === 'absent') return;
    const ref = parseVisitRef(idText);
    if (ref.kind === 'visit') this.getStoredVisit(ref.id);
    else this.getStoredSeries(ref.kind === 'series' ? ref.id : ref.seriesId);
    this.versions.require(ifMatch, this.versions.visitEtag(idText));
  }

  /** One visit, series or occurrence by public id. Drafts and details only when `details` (planner/admin). */
  get(idText: string, details: boolean): VisitRecord {
    const ref = parseVisitRef(idText);
    if (!details) return this.asPublic(idText, () => this.publicRecord(idText, ref));
    return this.detailedRecord(ref);
  }

  private detailedRecord(ref: VisitRef): VisitRecord {
    return ref.kind === 'visit' ? this.visitRecord(this.getStoredVisit(ref.id))
      : ref.kind === 'series' ? this.seriesRecord(this.getStoredSeries(ref.id))
      : this.occurrenceRecord(ref);
  }

  private publicRecord(idText: string, ref: VisitRef): VisitRecord {
    const record = this.detailedRecord(ref);
    const published = ref.kind === 'visit' ? this.getStoredVisit(ref.id).published : this.getStoredSeries(ref.kind === 'series' ? ref.id : ref.seriesId).published;
    if (!this.isPublic(record.status, published, this.points.get(record.point_id))) throw noPublicVisit(idText);
    const { team: _t, capacity: _c, notes: _n, ...pub } = record;
    return pub;
  }

  /** Occurrences in a WITA date window (default: today for 60 days), filtered and sorted by start. */
  list(q: VisitListQuery, details: boolean): { visits: VisitView[]; from: string; to: string; truncated: boolean } {
    const from = q.from ?? witaDate(this.now());
    const to = q.to ?? addDays(from, DEFAULT_LIST_DAYS - 1);
    dateRange(from, to); // 400 on field 'to' when reversed or longer than 400 days
    const pointIds = this.pointFilter(q, details);
    const points = new Map<number, Point | undefined>();
    const pointOf = (id: number) => {
      if (!points.has(id)) points.set(id, this.points.get(id));
      return points.get(id);
    };
    const visits: VisitView[] = [];
    for (const o of this.occurrencesBetween(from, to, { includeCancelled: !!q.include_cancelled, publicOnly: !details })) {
      const pid = Number(o.point_id);
      if (pointIds && !pointIds.has(pid)) continue;
      const point = pointOf(pid);
      if (!details && point?.status === 'retired') continue;
      if (q.bbox && !(point && bboxContains(q.bbox, point.position))) continue;
      let distanceM: number | undefined;
      if (q.near) {
        if (!point) continue;
        distanceM = haversineM(q.near, point.position);
        if (q.max_km !== undefined && distanceM > q.max_km * 1000) continue;
      }
      visits.push(occurrenceView(o, point, details, distanceM));
    }
    return { visits: visits.slice(0, q.limit), from, to, truncated: visits.length > q.limit };
  }

  /** Occurrences (not cancelled) starting on one WITA date, drafts included: for day plans. */
  occurrencesOn(date: string): Occurrence[] {
    return this.occurrencesBetween(date, date, { includeCancelled: false });
  }

  /** The active point with `id`; used by day plans for positions. */
  pointById(id: number): Point | undefined {
    return this.points.get(id);
  }

  /** The conflict context: point lookup and the organisation's closed dates (e.g. Nyepi). */
  closed(): readonly ClosedDate[] {
    return this.closedDates;
  }

  /** RFC 5545 feed of every published visit and series, optionally for one point, village or district. */
  icsFeed(filter: FeedFilter): string {
    const ids = this.pointFilter(filter, false);
    const keep = (pointId: number) => (!ids || ids.has(pointId)) && this.points.get(pointId)?.status !== 'retired';
    const series = this.store.allSeries().filter((s) => s.status === 'scheduled' && keep(s.point_id));
    const singles = this.store.allVisits().filter((v) => v.status === 'scheduled' && keep(v.point_id));
    const name = filter.point_id !== undefined ? this.points.get(filter.point_id)?.name
      : filter.village_code ? this.villages.get(filter.village_code)?.name
      : filter.district_code ? `Kecamatan ${this.villages.list.find((v) => v.district_code === filter.district_code)?.district_name ?? filter.district_code}`
      : undefined;
    return this.ics(`Jangkau: kunjungan BPJS Ketenagakerjaan${name ? ` — ${name}` : ''}`, series, singles);
  }

  /** One published visit, series (with its RRULE) or occurrence as an .ics file (for "Tambahkan ke kalender"). */
  icsOne(idText: string): string {
    return this.asPublic(idText, () => this.icsOneNow(idText));
  }

  private icsOneNow(idText: string): string {
    const ref = parseVisitRef(idText);
    if (ref.kind === 'visit') {
      const v = this.getStoredVisit(ref.id);
      if (v.status !== 'scheduled') throw noPublicVisit(idText);
      this.checkPublicPoint(v.point_id, idText);
      return this.ics(v.title, [], [v]);
    }
    if (ref.kind === 'series') {
      const s = this.getStoredSeries(ref.id);
      if (s.status !== 'scheduled') throw noPublicVisit(idText);
      this.checkPublicPoint(s.point_id, idText);
      return this.ics(s.title, [s], []);
    }
    const occ = this.occurrence(ref);
    if (occ.status !== 'scheduled') throw noPublicVisit(idText);
    this.checkPublicPoint(Number(occ.point_id), idText);
    // A standalone event with its own UID: importing one market day must not touch a subscribed series.
    const single: StoredVisit = {
      id: 0, point_id: Number(occ.point_id), title: occ.title, activities: occ.activities, starts_at: occ.starts_at, ends_at: occ.ends_at,
      team: occ.team, capacity: occ.capacity, notes: occ.notes, status: 'scheduled', published: true, created_by: null, created_at: '', updated_at: '',
    };
    const pointsById = this.pointLookup([single.point_id]);
    return buildIcs(occ.title, [], [{ ...single, id: `${occ.id.replace(':', '-')}` }], [], pointsById, { now: this.now(), describe: publicDescription });
  }

  // ---- internals ---------------------------------------------------------------------------------

  /**
   * Runs a public read; any 404 inside it (unknown id, or a visit the public may not see) becomes noPublicVisit, so the
   * public hears the same words either way and a draft's existence is never confirmed.
   */
  private asPublic<T>(idText: string, read: () => T): T {
    try {
      return read();
    } catch (e) {
      if (e instanceof NotFoundError) throw noPublicVisit(idText);
      throw e;
    }
  }

  /**
   * What the public may see: a scheduled visit, or a cancelled one that was published before (a draft stays
   * planner-only whatever its later status), at a point that is not retired.
   */
  private isPublic(status: string, published: boolean, point: Point | undefined): boolean {
    if (point?.status === 'retired') return false;
    return status === 'scheduled' || (status === 'cancelled' && published);
  }

  /** 404 for the public when a visit's point is retired: its name and position must not show through the visit. */
  private checkPublicPoint(pointId: number, idText: string): void {
    if (this.points.get(pointId)?.status === 'retired') throw noPublicVisit(idText);
  }

  private ics(name: string, series: StoredSeries[], singles: StoredVisit[]): string {
    const exceptions = series.flatMap((s) => this.store.exceptionsOf(s.id).map(toDomainException));
    const pointsById = this.pointLookup([...series.map((s) => s.point_id), ...singles.map((v) => v.point_id)]);
    return buildIcs(name, series.map(toDomainSeries), singles.map(toDomainVisit), exceptions, pointsById, {
      now: this.now(),
      describe: publicDescription,
    });
  }

  private pointLookup(ids: number[]) {
    return new Map([...new Set(ids)].flatMap((id) => {
      const p = this.points.get(id);
      return p ? [[id, schedulePoint(p)] as const] : [];
    }));
  }

  private updateOccurrence(ref: Extract<VisitRef, { kind: 'occurrence' }>, patch: VisitPatch, stamp: string): WithWarnings {
    const stored = this.getStoredSeries(ref.seriesId);
    const series = toDomainSeries(stored);
    const plan = planSeries(series);
    if (!plan.isOccurrenceDate(ref.date)) throw this.noOccurrence(ref);
    if (patch.point_id !== undefined && patch.point_id !== stored.point_id) {
      throw new ValidationError('point_id', 'One occurrence of a series cannot move to another place; cancel it and create a single visit there.', { code: 'occurrence_cannot_move' });
    }
    if (patch.repeat) throw new ValidationError('repeat', 'repeat belongs to the whole series; PATCH the series id (without :date) to change it.', { code: 'repeat_on_occurrence' });
    if (patch.status !== undefined && patch.status !== 'cancelled' && patch.status !== stored.status) {
      throw new ValidationError('status', `One occurrence can be cancelled or follow its series (status ${stored.status}); change the series' status to publish or draft all of it.`, { code: 'occurrence_status' });
    }
    const previous = this.store.exceptionsOf(stored.id).find((e) => e.date === ref.date);
    const base = previous?.kind === 'override' ? previous.changes : previous?.kind === 'cancelled' ? { status: 'cancelled' as const } : {};
    const changes: OccurrenceChanges = { ...base, ...normalizeChanges(patch) };
    if (patch.starts_at !== undefined && patch.ends_at === undefined) {
      // Moving only the start keeps the occurrence's current length.
      const current = occurrenceOnDate(series, plan, ref.date, previous && toDomainException(previous));
      const lengthMs = Date.parse(current.ends_at) - Date.parse(current.starts_at);
      changes.ends_at = formatWita(new Date(Date.parse(changes.starts_at!) + lengthMs));
    }
    if (changes.status === stored.status) delete changes.status;
    const exception: StoredException = { series_id: stored.id, date: ref.date, kind: 'override', changes };
    const occ = occurrenceOnDate(series, plan, ref.date, toDomainException(exception)); // validates the times
    this.checkLength(new Date(occ.starts_at), new Date(occ.ends_at));
    this.checkText(changes);
    this.store.transaction(() => {
      if (Object.keys(changes).length === 0) this.store.deleteException(stored.id, ref.date);
      else this.store.putException(exception, new Date(occ.starts_at).toISOString(), stamp);
    });
    const record = this.occurrenceRecord(ref);
    return { ...record, ...this.warningsFor([this.occurrence(ref)], (o) => o.id !== record.id) };
  }

  private visitResult(v: StoredVisit): WithWarnings {
    const occ = visitToOccurrence(toDomainVisit(v));
    return { ...this.visitRecord(v), ...this.warningsFor([occ], (o) => o.id !== occ.id) };
  }

  private seriesResult(s: StoredSeries): WithWarnings {
    const domain = toDomainSeries(s);
    const plan = planSeries(domain);
    const own = expandSeries(domain, this.store.exceptionsOf(s.id).map(toDomainException), plan.firstDate, plan.until, { maxDays: MAX_SERIES_DAYS + 2 });
    return { ...this.seriesRecord(s), ...this.warningsFor(own, (o) => o.series_id !== domain.id) };
  }

  /**
   * Conflicts of `candidates` with each other and with other stored occurrences around their dates: the first
   * MAX_WARNINGS of them, and how many there were.
   */
  private warningsFor(candidates: Occurrence[], isOther: (o: Occurrence) => boolean): { warnings: ConflictWarning[]; warnings_total: number } {
    const active = candidates.filter((o) => o.status !== 'cancelled');
    if (active.length === 0) return { warnings: [], warnings_total: 0 };
    const first = addDays(active[0].starts_at.slice(0, 10), -1);
    const last = addDays(active.reduce((m, o) => (o.ends_at > m ? o.ends_at : m), active[0].ends_at).slice(0, 10), 1);
    // Other occurrences only matter for team overlaps, so only those that may book one of the candidates' teams are expanded.
    const teams = new Set(active.map((o) => teamKeyOf(o.team)).filter((k): k is string => k !== null));
    const existing = teams.size === 0 ? [] : this.occurrencesBetween(first, last, { includeCancelled: false, maxDays: MAX_SERIES_DAYS + 10, teams }).filter(isOther);
    const pointIds = [...active, ...existing].map((o) => Number(o.point_id));
    const { warnings, total } = findConflictsCapped(active, existing, { points: this.pointLookup(pointIds), closedDates: this.closedDates }, MAX_WARNINGS);
    return { warnings, warnings_total: total };
  }

  /** Occurrences starting in from..to (WITA dates); `publicOnly` leaves out drafts and never-published cancellations. */
  private occurrencesBetween(from: string, to: string, opts: { includeCancelled: boolean; maxDays?: number; publicOnly?: boolean; teams?: ReadonlySet<string> }): Occurrence[] {
    const fromUtc = witaInstant(from, 0).toISOString();
    const toUtc = witaInstant(addDays(to, 1), 0).toISOString();
    const out: Occurrence[] = [];
    for (const v of this.store.visitsBetween(fromUtc, toUtc)) {
      if (opts.publicOnly && !this.isPublic(v.status, v.published, undefined)) continue;
      if (opts.teams && !opts.teams.has(teamKeyOf(v.team) ?? '')) continue;
      if (v.status !== 'cancelled' || opts.includeCancelled) out.push(visitToOccurrence(toDomainVisit(v)));
    }
    for (const s of this.store.seriesBetween(from, fromUtc, toUtc)) {
      // A never-published series shows nothing, not even its cancelled occurrences; a draft series none at all.
      if (opts.publicOnly && (!s.published || s.status === 'draft')) continue;
      const exceptions = this.store.exceptionsOf(s.id).map(toDomainException);
      // With `teams`, a series is expanded only when it, or one of its changed occurrences, books one of them.
      if (opts.teams && !mayBookTeam(s.team, exceptions, opts.teams)) continue;
      out.push(...expandSeries(toDomainSeries(s), exceptions, from, to, { includeCancelled: opts.includeCancelled, maxDays: opts.maxDays }));
    }
    return out.sort(compareOccurrences);
  }

  private visitRecord(v: StoredVisit): VisitRecord {
    const occ = visitToOccurrence(toDomainVisit(v));
    return { kind: 'visit', ...occurrenceView(occ, this.points.get(v.point_id), true) };
  }

  private seriesRecord(s: StoredSeries): VisitRecord {
    const domain = toDomainSeries(s);
    const plan = planSeries(domain);
    const exceptions = this.store.exceptionsOf(s.id).map(toDomainException);
    const occurrences = expandSeries(domain, exceptions, plan.firstDate, plan.until, { includeCancelled: true, maxDays: MAX_SERIES_DAYS + 2 });
    const first = occurrenceOnDate(domain, plan, plan.firstDate);
    return {
      kind: 'series',
      ...occurrenceView({ ...first, id: domain.id as string, series_id: null, status: s.status }, this.points.get(s.point_id), true),
      repeat: { on_market_days: true, until: s.until },
      market_days: s.market_days,
      occurrences: occurrences.map((o) => ({ id: o.id, starts_at: o.starts_at, ends_at: o.ends_at, status: o.status, overridden: o.overridden })),
    };
  }

  private occurrenceRecord(ref: Extract<VisitRef, { kind: 'occurrence' }>): VisitRecord {
    const occ = this.occurrence(ref);
    return { kind: 'occurrence', ...occurrenceView(occ, this.points.get(Number(occ.point_id)), true) };
  }

  private occurrence(ref: Extract<VisitRef, { kind: 'occurrence' }>): Occurrence {
    const stored = this.getStoredSeries(ref.seriesId);
    const series = toDomainSeries(stored);
    const plan = planSeries(series);
    if (!plan.isOccurrenceDate(ref.date)) throw this.noOccurrence(ref);
    const e = this.store.exceptionsOf(stored.id).find((x) => x.date === ref.date);
    return occurrenceOnDate(series, plan, ref.date, e && toDomainException(e));
  }

  private noOccurrence(ref: Extract<VisitRef, { kind: 'occurrence' }>) {
    return new NotFoundError(`Series s${ref.seriesId} has no occurrence on ${ref.date}: it visits on its market days from its first date through its until date`, 'id', 'occurrence_not_found', { date: ref.date });
  }

  private getStoredVisit(id: number): StoredVisit {
    const v = this.store.getVisit(id);
    if (!v) throw new NotFoundError(`No visit v${id}`, 'id', 'visit_not_found');
    return v;
  }

  private getStoredSeries(id: number): StoredSeries {
    const s = this.store.getSeries(id);
    if (!s) throw new NotFoundError(`No series s${id}`, 'id', 'visit_not_found');
    return s;
  }

  private activePoint(id: number, field: string): Point {
    const p = this.points.get(id);
    if (!p || p.status === 'retired') throw new ValidationError(field, `${field} ${id} is not an active service point; pick a point from GET /api/points`, { code: 'point_inactive' });
    return p;
  }

  /** Normalised, validated stored fields (times to UTC). */
  private checkedFields(v: StoredVisitFields | (VisitCreateInput & { status: VisitStatus })): StoredVisitFields {
    const { start, end } = parseInterval(v.starts_at, v.ends_at);
    this.checkLength(start, end);
    const fields: StoredVisitFields = {
      point_id: v.point_id,
      title: v.title.trim(),
      activities: [...new Set(v.activities)],
      starts_at: start.toISOString(),
      ends_at: end.toISOString(),
      team: blankToNull(v.team),
      capacity: v.capacity ?? null,
      notes: blankToNull(v.notes),
      status: v.status,
    };
    this.checkText(fields);
    return fields;
  }

  private checkText(f: { title?: string; activities?: Activity[]; notes?: string | null; team?: string | null }): void {
    assertNoNik('title', f.title);
    assertNoNik('notes', f.notes);
    assertNoNik('team', f.team);
    if (f.title !== undefined && f.title.trim() === '') throw new ValidationError('title', 'title must not be empty, e.g. "Pendaftaran di pasar"', { code: 'required' });
    if (f.activities !== undefined && f.activities.length === 0) throw new ValidationError('activities', 'activities must list at least one of sosialisasi, pendaftaran, cetak_kartu, konsultasi, klaim', {
      code: 'list_too_short', params: { min: 1, got: 0 },
    });
  }

  private checkLength(start: Date, end: Date): void {
    if (end.getTime() - start.getTime() > MAX_VISIT_HOURS * 3_600_000) {
      throw new ValidationError('ends_at', `A visit lasts at most ${MAX_VISIT_HOURS} hours (got ${formatWita(start)} to ${formatWita(end)}); plan longer campaigns as several visits`, {
        code: 'visit_too_long', params: { max_hours: MAX_VISIT_HOURS, starts_at: witaWall(start), ends_at: witaWall(end) },
      });
    }
  }

  /** The series' rule and until date, checked against its point and first date. */
  private checkedRecurrence(point: Point, startsAtUtc: string, untilText: string, keepRule?: MarketDayRule): Pick<StoredSeriesFields, 'until' | 'market_days'> {
    if (!keepRule && !point.market_days) {
      throw new ValidationError('repeat', `${point.name} (point ${point.id}) has no market days, so a series cannot follow them; set the point's market_days first or plan single visits`, {
        code: 'no_market_days', params: { point_name: point.name },
      });
    }
    const market_days = keepRule ?? parseMarketDayRule(point.market_days, 'repeat');
    const until = parseIsoDate(untilText, 'repeat.until');
    const first = witaDate(new Date(startsAtUtc));
    if (until < first) {
      throw new ValidationError('repeat.until', `repeat.until (${until}) must be on or after the first visit date ${first}`, { code: 'until_before_first', params: { until, first } });
    }
    const span = daysBetween(first, until) + 1;
    if (span > MAX_SERIES_DAYS) {
      throw new ValidationError('repeat.until', `a series may span at most ${MAX_SERIES_DAYS} days; ${first}..${until} is ${span} days: choose an until on or before ${addDays(first, MAX_SERIES_DAYS - 1)}`, {
        code: 'series_too_long', params: { max_days: MAX_SERIES_DAYS, first, until, last: addDays(first, MAX_SERIES_DAYS - 1) },
      });
    }
    return { until, market_days };
  }

  /** Point ids allowed by point/village/district filters, or null for no filter (400 on unknown codes or, for the public, a retired point). */
  private pointFilter(f: FeedFilter, details: boolean): Set<number> | null {
    if (f.point_id === undefined && !f.village_code && !f.district_code) return null;
    if (f.point_id !== undefined) {
      const p = this.points.get(f.point_id);
      // For the public a retired point is unknown, as GET /api/points/:id says (404): its visits must not show.
      if (!p || (!details && p.status === 'retired')) throw new ValidationError('point_id', `No service point with id ${f.point_id}`, { code: 'point_not_found' });
    }
    if (f.village_code && !this.villages.get(f.village_code)) throw new ValidationError('village_code', `Unknown village_code "${f.village_code}"; see GET /api/villages for codes like 51.06.01.2001`, { code: 'village_unknown', params: { got: f.village_code } });
    if (f.district_code && !this.villages.list.some((v) => v.district_code === f.district_code)) {
      throw new ValidationError('district_code', `Unknown district_code "${f.district_code}"; see district_code in GET /api/villages, e.g. ${this.villages.list[0]?.district_code ?? '51.06.01'}`, {
        code: 'district_unknown', params: { got: f.district_code, allowed: [...new Set(this.villages.list.map((v) => v.district_code))] },
      });
    }
    const ids = new Set<number>();
    for (const p of this.points.listAll()) {
      if (f.point_id !== undefined && p.id !== f.point_id) continue;
      if (f.village_code && p.village_code !== f.village_code) continue;
      if (f.district_code && (!p.village_code || this.villages.get(p.village_code)?.district_code !== f.district_code)) continue;
      ids.add(p.id);
    }
    return ids;
  }
}

/** The .ics DESCRIPTION: public facts only (feeds are read without a login). */
function publicDescription(o: Occurrence): string {
  return `Kegiatan: ${o.activities.map((a) => a.replace('_', ' ')).join(', ')}\nBPJS Ketenagakerjaan — Jangkau`;
}

/** True when a series (team `team`) or one of its overridden occurrences books one of `teams` (team keys). */
function mayBookTeam(team: string | null, exceptions: readonly SeriesException[], teams: ReadonlySet<string>): boolean {
  if (teams.has(teamKeyOf(team) ?? '')) return true;
  return exceptions.some((e) => e.kind === 'override' && e.changes.team !== undefined && teams.has(teamKeyOf(e.changes.team) ?? ''));
}

function blankToNull(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

/** A stored visit with the patch's defined keys applied (null keeps its meaning: clear). */
function merge<T extends StoredVisitFields>(stored: T, patch: VisitPatch): StoredVisitFields {
  const out: StoredVisitFields = { ...stored };
  for (const key of ['point_id', 'title', 'activities', 'starts_at', 'ends_at', 'team', 'capacity', 'notes', 'status'] as const) {
    if (patch[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = patch[key];
  }
  return out;
}

/** The occurrence-level fields of a patch, times rewritten in WITA, blanks as null. */
function normalizeChanges(p: VisitPatch): OccurrenceChanges {
  const c: OccurrenceChanges = {};
  if (p.title !== undefined) c.title = p.title.trim();
  if (p.activities !== undefined) c.activities = [...new Set(p.activities)];
  if (p.starts_at !== undefined) c.starts_at = toWita(p.starts_at, 'starts_at');
  if (p.ends_at !== undefined) c.ends_at = toWita(p.ends_at, 'ends_at');
  if (p.team !== undefined) c.team = blankToNull(p.team);
  if (p.capacity !== undefined) c.capacity = p.capacity;
  if (p.notes !== undefined) c.notes = blankToNull(p.notes);
  if (p.status !== undefined) c.status = p.status;
  return c;
}
