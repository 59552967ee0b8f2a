import { computeReach, type CoverageVillage, type ReachingPlace } from '../domain/coverage/reach.js';
import { IncrementalReach } from '../domain/coverage/incrementalReach.js';
import { GUARANTEE, suggestSites, type CandidateVenue } from '../domain/coverage/suggest.js';
import type { PointType } from '../domain/points/vocabulary.js';
import { addDays } from '../domain/calendar/dates.js';
import { witaDate } from '../domain/schedule/wita.js';
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
  method: 'exhaustive' | 'greedy_swap';
  guarantee: string;
}

/**
 * Which villages a registration opportunity reaches, and where new visits would reach the most others.
 * A reaching place is an active point offering `registration`, or a (non-retired) point with an outreach
 * visit that is scheduled (not cancelled, not draft), has not ended yet and starts within `days` × 24 h of now.
 */
export class CoverageService {
  constructor(
    private readonly points: PointStore,
    private readonly villages: VillageService,
    private readonly visits: () => VisitLookup,
    private readonly now: () => Date,
  ) {}

  /** GET /api/coverage: every village with its nearest reaching place within radiusKm (km) over the next `days` days. */
  coverage(radiusKm: number, days: number, region?: string): CoverageResult {
    if (region) {
      this.villages.requireServed(region);
      const all = this.coverage(radiusKm, days);
      const villages = all.villages.filter((v) => withinRegion(v.code, region));
      return { ...all, covered: villages.filter((v) => v.covered).length, total: villages.length, villages };
    }
    const places = this.reachingPlaces(days);
    const reach = this.reachFor(days, places, radiusKm);
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
    return { radius_km: radiusKm, days, covered, total: reach.total, villages };
  }

  /**
   * GET /api/coverage/suggest: up to k active venues of `types` where new visits would newly reach the most
   * villages not covered now (see GUARANTEE for how close to optimal the answer is).
   */
  suggest(k: number, radiusKm: number, days: number, types: readonly PointType[] = DEFAULT_SUGGEST_TYPES, region?: string): SuggestResponse {
    const current = this.coverage(radiusKm, days, region);
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
      guarantee: GUARANTEE,
    };
  }

  /** Registration points plus venues of visits scheduled in the window; one entry per point. */
  private reachingPlaces(days: number): ReachingPlace[] {
    const visible = new Map(this.points.listVisible().map((p) => [p.id, p]));
    const ids = new Set<number>();
    for (const p of visible.values()) if (p.status === 'active' && p.services.includes('registration')) ids.add(p.id);
    const now = this.now();
    const until = new Date(now.getTime() + days * MS_PER_DAY);
    // A visit counts while it is still to come or under way: it ends after now and starts before now + days.
    // Fetch by WITA start date from yesterday (a visit under way may have started then) through `until`.
    for (const o of this.visits().occurrencesBetween(addDays(witaDate(now), -1), witaDate(until))) {
      if (o.status !== 'scheduled') continue;
      if (Date.parse(o.ends_at) <= now.getTime() || Date.parse(o.starts_at) >= until.getTime()) continue;
      if (visible.has(o.point_id)) ids.add(o.point_id);
    }
    return [...ids].map((id) => ({ point_id: id, position: visible.get(id)!.position }));
  }

  /** Kept per visit window (a few at most): a change of one place updates only the villages it can affect. */
  private readonly incremental = new Map<number, IncrementalReach>();

  private reachFor(days: number, places: ReachingPlace[], radiusKm: number) {
    if (!(radiusKm >= 0)) return computeReach(this.coverageVillages(), places, radiusKm); // its error for bad input
    let inc = this.incremental.get(days);
    if (!inc) {
      if (this.incremental.size >= MAX_WINDOWS_KEPT) this.incremental.delete(this.incremental.keys().next().value!);
      inc = new IncrementalReach(this.coverageVillages(), places);
      this.incremental.set(days, inc);
    } else inc.update(places);
    return inc.result(radiusKm);
  }

  private coverageVillages(): CoverageVillage[] {
    return this.villages.list.map((v) => ({ code: v.code, name: v.name, district_code: v.district_code, position: v.interior }));
  }
}
