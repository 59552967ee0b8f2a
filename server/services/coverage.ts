import { computeReach, type CoverageVillage, type ReachingPlace } from '../domain/coverage/reach.js';
import { guaranteeOf, suggestSites, type CandidateVenue, type SuggestResult } from '../domain/coverage/suggest.js';
import type { PointType } from '../domain/points/vocabulary.js';
import { addDays } from '../domain/calendar/dates.js';
import { witaDate, witaInstant } from '../domain/schedule/wita.js';
import type { PointStore } from '../storage/points.js';
import type { VillageService } from './villages.js';
import type { VisitLookup } from './visitLookup.js';

/** Venue types suggested for new visits when the caller names none: places people already gather. */
export const DEFAULT_SUGGEST_TYPES: readonly PointType[] = ['market', 'community_hall', 'village_office'];

const MS_PER_DAY = 86_400_000;

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
  private readonly coverageCache = new AnswerCache<CoverageResult>();
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
   * GET /api/coverage: every village with its nearest reaching place within radiusKm (km) over the next `days` days.
   * Cached per (radius, days) until a point or visit is written or a visit enters or leaves the window.
   */
  coverage(radiusKm: number, days: number): CoverageResult {
    return this.cachedCoverage(radiusKm, days).value;
  }

  private cachedCoverage(radiusKm: number, days: number): CacheEntry<CoverageResult> {
    const key = `${radiusKm}|${days}`;
    const stamp = this.stamp();
    const nowMs = this.now().getTime();
    const hit = this.coverageCache.get(key, stamp, nowMs);
    if (hit) return hit;
    const entry = { stamp, ...this.computeCoverage(radiusKm, days) };
    this.coverageCache.set(key, entry);
    return entry;
  }

  private computeCoverage(radiusKm: number, days: number): { value: CoverageResult; validUntilMs: number } {
    const { places, validUntilMs } = this.reachingPlaces(days);
    const reach = computeReach(this.coverageVillages(), places, radiusKm);
    const radiusM = radiusKm * 1000;
    let covered = 0;
    const villages = reach.villages.map((v): VillageCoverage => {
      // Round first and decide `covered` on the rounded value, so the response is self-consistent.
      const distance_m = v.distance_m === null ? null : Math.round(v.distance_m * 10) / 10;
      const isCovered = distance_m !== null && distance_m <= radiusM;
      if (isCovered) covered++;
      return {
        code: v.code,
        name: v.name,
        district_code: v.district_code,
        district_name: this.villages.get(v.code)?.district_name ?? '',
        distance_m,
        nearest_point_id: v.nearest_point_id === null ? null : Number(v.nearest_point_id),
        covered: isCovered,
      };
    });
    return { value: { radius_km: radiusKm, days, covered, total: reach.total, villages }, validUntilMs };
  }

  /**
   * GET /api/coverage/suggest: up to k active venues of `types` where new visits would newly reach the most
   * villages not covered now (see GUARANTEE for how close to optimal the answer is).
   */
  suggest(k: number, radiusKm: number, days: number, types: readonly PointType[] = DEFAULT_SUGGEST_TYPES): SuggestResponse {
    const sortedTypes = [...types].sort();
    const key = `${k}|${radiusKm}|${days}|${sortedTypes.join(',')}`;
    const stamp = this.stamp();
    const hit = this.suggestCache.get(key, stamp, this.now().getTime());
    if (hit) return { ...hit.value, types: [...types] };
    const coverage = this.cachedCoverage(radiusKm, days);
    const value = this.computeSuggest(coverage.value, k, radiusKm, days, types);
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

  /**
   * Registration points plus venues of visits scheduled in the window; one entry per point. `validUntilMs` is
   * the first instant the set can change with the clock alone: a counted visit ends, or a visit's start comes
   * within `days` of now. Visits not fetched start on a later WITA date than the window's last one.
   */
  private reachingPlaces(days: number): { places: ReachingPlace[]; validUntilMs: number } {
    const visible = new Map(this.points.listVisible().map((p) => [p.id, p]));
    const ids = new Set<number>();
    for (const p of visible.values()) if (p.status === 'active' && p.services.includes('registration')) ids.add(p.id);
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
      if (visible.has(o.point_id)) ids.add(o.point_id);
    }
    return { places: [...ids].map((id) => ({ point_id: id, position: visible.get(id)!.position })), validUntilMs };
  }

  private coverageVillages(): CoverageVillage[] {
    return this.villages.list.map((v) => ({ code: v.code, name: v.name, district_code: v.district_code, position: v.interior }));
  }
}
