import { computeReach } from '../domain/coverage/reach.js';
import { CoverageWindow, answerBody, type WindowSource } from './coverageWindow.js';
import { guaranteeOf, suggestSites, type CandidateVenue, type SuggestResult } from '../domain/coverage/suggest.js';
import type { PointType } from '../domain/points/vocabulary.js';
import { addDays } from '../domain/calendar/dates.js';
import { witaDate, witaInstant } from '../domain/schedule/wita.js';
import type { PointStore } from '../storage/points.js';
import type { VillageService } from './villages.js';
import type { VisitLookup } from './visitLookup.js';
import { withinRegion } from '../domain/regions/codes.js';

/** Venue types suggested for new visits when the caller names none: places people already gather. */
export const DEFAULT_SUGGEST_TYPES: readonly PointType[] = ['market', 'community_hall', 'village_office'];

const MS_PER_DAY = 86_400_000;
/** Visit windows (days) whose incremental coverage state is kept; each holds one entry per village. */
const MAX_WINDOWS_KEPT = 6;

/** One village in GET /api/coverage. */
export interface VillageCoverage {
  code: string;
  name: string;
  district_code: string;
  district_name: string;
  /** Great-circle metres (0.1 m) from the village's interior point to the nearest reaching place; null if none. */
  distance_m: number | null;
  nearest_point_id: number | null;
  /** distance_m <= radius_km × 1000. */
  covered: boolean;
}

export interface CoverageResult {
  radius_km: number;
  days: number;
  covered: number;
  total: number;
  villages: VillageCoverage[];
}

export interface SuggestResponse {
  sites: { point_id: number; name: string; type: PointType; position: [number, number]; newly_covered: string[] }[];
  covered_before: number;
  covered_after: number;
  radius_km: number;
  days: number;
  k: number;
  types: PointType[];
  method: SuggestResult['method'];
  guarantee: string;
  candidate_pool: SuggestResult['candidate_pool'];
  work: SuggestResult['work'];
}

/** Most cached answers per kind: radius_km is free text, so the keys are unbounded and old ones are dropped. */
const MAX_CACHED = 64;

interface CacheEntry<T> {
  stamp: string;
  /** The answer holds until this instant (ms): the next time a visit enters or leaves the window. */
  validUntilMs: number;
  value: T;
}

/** A small insertion-ordered cache: the oldest entry goes when it is full; a hit moves an entry to the end. */
class AnswerCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();

  /** The entry for `key` when it was made at data version `stamp` and still holds at `nowMs`. */
  get(key: string, stamp: string, nowMs: number): CacheEntry<T> | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.stamp !== stamp || nowMs >= e.validUntilMs) return undefined;
    this.entries.set(key, e);
    return e;
  }

  set(key: string, entry: CacheEntry<T>): void {
    this.entries.delete(key);
    if (this.entries.size >= MAX_CACHED) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }
}

/**
 * Which villages a registration opportunity reaches, and where new visits would reach the most others.
 * A reaching place is an active point offering `registration`, or a (non-retired) point with an outreach
 * visit that is scheduled (not cancelled, not draft), has not ended yet and starts within `days` × 24 h of now.
 */
export class CoverageService {
  /** One live state per visit window (days), the most recently used last. */
  private readonly windows = new Map<number, CoverageWindow>();
  private readonly suggestCache = new AnswerCache<SuggestResponse>();

  /**
   * @param visitsStamp changes whenever any visit, series or exception is written (see VisitStore.changeStamp);
   *   with the points' change stamp it is the data version the caches are keyed on.
   */
  constructor(
    private readonly points: PointStore,
    private readonly villages: VillageService,
    private readonly visits: () => VisitLookup,
    private readonly now: () => Date,
    private readonly visitsStamp: () => string = () => '',
  ) {}

  /** The data version: moves with every point or visit write, in this process or another. */
  private stamp(): string {
    return `${this.points.changeStamp()}|${this.visitsStamp()}`;
  }

  /**
   * GET /api/coverage: every village with its nearest reaching place within radiusKm (km) over the next `days` days,
   * optionally only those of one province/kabupaten/kecamatan (`region`). Kept up to date per window: after a
   * write only the changed points are read again and only the villages they affect are rewritten.
   */
  coverage(radiusKm: number, days: number, region?: string): CoverageResult {
    if (region) {
      this.villages.requireServed(region);
      const all = this.coverage(radiusKm, days);
      const villages = all.villages.filter((v) => withinRegion(v.code, region));
      return { ...all, covered: villages.filter((v) => v.covered).length, total: villages.length, villages };
    }
    return this.current(radiusKm, days).answer.result;
  }

  /** GET /api/coverage without region as JSON text: the same bytes as JSON.stringify(coverage()), from kept parts. */
  coverageJson(radiusKm: number, days: number): string {
    return answerBody(this.current(radiusKm, days).answer);
  }

  private current(radiusKm: number, days: number) {
    if (!(radiusKm >= 0)) computeReach([], [], radiusKm); // throws its error for bad input
    let w = this.windows.get(days);
    if (w) this.windows.delete(days);
    else {
      if (this.windows.size >= MAX_WINDOWS_KEPT) this.windows.delete(this.windows.keys().next().value!);
      w = new CoverageWindow(days, this.windowSource());
    }
    this.windows.set(days, w);
    w.sync(this.now().getTime());
    return { answer: w.answer(radiusKm), validUntilMs: w.validUntilMs };
  }

  /**
   * GET /api/coverage/suggest: up to k active venues of `types` where new visits would newly reach the most
   * villages not covered now (see GUARANTEE for how close to optimal the answer is).
   */
  suggest(k: number, radiusKm: number, days: number, types: readonly PointType[] = DEFAULT_SUGGEST_TYPES, region?: string): SuggestResponse {
    if (region) this.villages.requireServed(region);
    const sortedTypes = [...types].sort();
    const key = `${k}|${radiusKm}|${days}|${sortedTypes.join(',')}|${region ?? ''}`;
    const stamp = this.stamp();
    const hit = this.suggestCache.get(key, stamp, this.now().getTime());
    if (hit) return { ...hit.value, types: [...types] };
    const coverage = this.current(radiusKm, days);
    const value = this.computeSuggest(region ? this.coverage(radiusKm, days, region) : coverage.answer.result, k, radiusKm, days, types);
    // The suggestion depends on the data and on coverage, so it holds exactly as long as that coverage answer.
    this.suggestCache.set(key, { stamp, validUntilMs: coverage.validUntilMs, value });
    return value;
  }

  private computeSuggest(current: CoverageResult, k: number, radiusKm: number, days: number, types: readonly PointType[]): SuggestResponse {
    const uncovered = current.villages
      .filter((v) => !v.covered)
      .map((v) => ({ code: v.code, position: this.villages.get(v.code)!.interior }));
    const venues = this.points.listVisible().filter((p) => p.status === 'active' && types.includes(p.type));
    const byId = new Map(venues.map((p) => [p.id, p]));
    const candidates: CandidateVenue[] = venues.map((p) => ({ point_id: p.id, name: p.name, position: p.position }));
    const result = suggestSites({ uncovered, candidates, k, radiusKm, coveredBefore: current.covered });
    return {
      sites: result.sites.map((s) => {
        const p = byId.get(Number(s.point_id))!;
        return { point_id: p.id, name: p.name, type: p.type, position: p.position, newly_covered: s.newly_covered };
      }),
      covered_before: result.covered_before,
      covered_after: result.covered_after,
      radius_km: radiusKm,
      days,
      k,
      types: [...types],
      method: result.method,
      guarantee: guaranteeOf(result),
      candidate_pool: result.candidate_pool,
      work: result.work,
    };
  }

  private windowSource(): WindowSource {
    const points = this.points;
    return {
      villages: this.villages.list.map((v) => ({ code: v.code, name: v.name, district_code: v.district_code, position: v.interior })),
      districtName: (code) => this.villages.get(code)?.district_name ?? '',
      listVisible: () => points.listVisible(),
      getMany: (ids) => points.getMany(ids),
      changedSince: (stamp) => points.changedSince(stamp),
      pointStamp: () => points.changeStamp(),
      visitStamp: () => this.visitsStamp(),
      visitPlaces: (days) => this.visitPlaces(days),
    };
  }

  /**
   * Points with a visit that counts in the window (scheduled, not ended, starting within `days`); the caller
   * keeps only visible ones. `validUntilMs` is the first instant the set can change with the clock alone: a
   * counted visit ends, or a visit's start comes within `days` of now. Visits not fetched start on a later WITA
   * date than the window's last one.
   */
  private visitPlaces(days: number): { ids: Set<number>; validUntilMs: number } {
    const ids = new Set<number>();
    const now = this.now();
    const until = new Date(now.getTime() + days * MS_PER_DAY);
    // A visit counts while it is still to come or under way: it ends after now and starts before now + days.
    // Fetch by WITA start date from yesterday (a visit under way may have started then) through `until`.
    const windowMs = days * MS_PER_DAY;
    const lastDate = witaDate(until);
    let validUntilMs = witaInstant(addDays(lastDate, 1), 0).getTime() - windowMs;
    for (const o of this.visits().occurrencesBetween(addDays(witaDate(now), -1), lastDate)) {
      if (o.status !== 'scheduled') continue;
      const startMs = Date.parse(o.starts_at);
      const endMs = Date.parse(o.ends_at);
      if (endMs > now.getTime()) validUntilMs = Math.min(validUntilMs, endMs);
      // Counted once now > start − window: the answer changes just after that instant.
      if (startMs - windowMs >= now.getTime()) validUntilMs = Math.min(validUntilMs, startMs - windowMs + 1);
      if (endMs <= now.getTime() || startMs >= until.getTime()) continue;
      ids.add(o.point_id);
    }
    return { ids, validUntilMs };
  }
}
