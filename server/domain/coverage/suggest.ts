import { InvalidInputError } from '../errors.js';
import KDBush from 'kdbush';
import { haversineM } from '../geo/distance.js';
import { bboxAround } from '../geo/bbox.js';
import type { LngLat } from '../geo/types.js';
import { compareIds, type PointId } from './ids.js';
import { binomialCapped, exhaustiveCover, greedyCover, orderByMarginalGain, swapImprove, unionSize } from './maxCoverage.js';

/**
 * Up to this many candidate combinations C(n, k) we try them all and return the exact optimum. 100 000 covers
 * the default request (k = 3 over the 72 village offices: 59 640 combinations) in well under 0.1 s.
 */
export const EXHAUSTIVE_LIMIT = 100_000;

/** What suggestSites promises; quoted in the README. */
export const GUARANTEE =
  'When there are at most 100 000 ways to pick k venues (C(n, k), after dropping venues that reach no ' +
  'uncovered village and duplicates), every combination is tried and the answer is optimal. Otherwise ' +
  'greedy maximum coverage is improved by single swaps: the answer is never worse than greedy, so it ' +
  'reaches at least 1 − 1/e ≈ 63% of the best possible number of newly covered villages, and no single ' +
  'exchange of a chosen venue for another candidate would reach more.';

/** An uncovered village: its code and interior point. */
export interface UncoveredVillage {
  code: string;
  position: LngLat;
}

/** A venue where an outreach visit could be held (banjar hall, market, village office…). */
export interface CandidateVenue {
  point_id: PointId;
  name: string;
  position: LngLat;
}

export interface SuggestInput {
  uncovered: readonly UncoveredVillage[];
  candidates: readonly CandidateVenue[];
  /** How many venues to suggest at most (whole number ≥ 0). */
  k: number;
  /** A venue reaches a village when the village's interior point is within this many kilometres. */
  radiusKm: number;
  /** Villages already covered before these suggestions (passed through). */
  coveredBefore: number;
  /** Override EXHAUSTIVE_LIMIT (tests use 0 to force greedy + swap). */
  exhaustiveLimit?: number;
}

export interface SuggestedSite {
  point_id: PointId;
  name: string;
  /** Village codes this site is credited with (sorted); each village is credited to one site only. */
  newly_covered: string[];
}

export interface SuggestResult {
  sites: SuggestedSite[];
  covered_before: number;
  covered_after: number;
  method: 'exhaustive' | 'greedy_swap';
}

/**
 * Choose up to k venues that newly cover the most uncovered villages within radiusKm (see GUARANTEE).
 * Sites come strongest first (ordered by marginal gain; ties by point_id) and each village is credited to
 * the first site in that order that reaches it. Sites that would add nothing are left out, so fewer than
 * k sites come back when fewer suffice. Deterministic: ties go to the smallest point_id.
 * Cost: one KDBush range query per candidate (villages in a box of radiusKm), then the search on index sets.
 */
export function suggestSites(input: SuggestInput): SuggestResult {
  const { uncovered, k, radiusKm, coveredBefore } = input;
  const limit = input.exhaustiveLimit ?? EXHAUSTIVE_LIMIT;
  checkWhole(k, 'k');
  checkWhole(coveredBefore, 'coveredBefore');
  if (typeof radiusKm !== 'number' || !Number.isFinite(radiusKm) || radiusKm < 0) {
    throw new InvalidInputError('radiusKm', `radiusKm must be a number of kilometres, 0 or more; got ${JSON.stringify(radiusKm)}`);
  }
  checkUnique(uncovered.map((v) => v.code), 'uncovered', 'code');
  checkUnique(input.candidates.map((c) => c.point_id), 'candidates', 'point_id');

  const radiusM = radiusKm * 1000;
  const candidates = input.candidates.slice().sort((a, b) => compareIds(a.point_id, b.point_id));
  // Venues reaching nothing, and later venues reaching exactly the same villages, can never change the
  // best union and never change greedy's picks (ties go to the lower point_id), so drop them up front.
  const seen = new Set<string>();
  const useful: { venue: CandidateVenue; reach: number[] }[] = [];
  // A KDBush over the uncovered villages: each venue checks only villages in a box around it (exact haversine
  // inside), so the cost is candidates × log(villages) plus what they reach, not candidates × villages.
  const villageIndex = new KDBush(Math.max(uncovered.length, 1));
  for (const v of uncovered) villageIndex.add(v.position[0], v.position[1]);
  if (uncovered.length === 0) villageIndex.add(0, 0);
  villageIndex.finish();
  for (const venue of candidates) {
    const reach: number[] = [];
    const box = bboxAround(venue.position, radiusM);
    for (const i of villageIndex.range(box[0], box[1], box[2], box[3])) {
      if (i < uncovered.length && haversineM(venue.position, uncovered[i].position) <= radiusM) reach.push(i);
    }
    reach.sort((a, b) => a - b);
    const key = reach.join(',');
    if (reach.length === 0 || seen.has(key)) continue;
    seen.add(key);
    useful.push({ venue, reach });
  }
  const sets = useful.map((u) => u.reach);
  const m = uncovered.length;
  const size = Math.min(k, sets.length);

  const exhaustive = binomialCapped(sets.length, size, limit) <= limit;
  const chosen = exhaustive ? exhaustiveCover(sets, m, size) : swapImprove(greedyCover(sets, m, size), sets, m);

  const credited = new Uint8Array(m);
  const sites: SuggestedSite[] = [];
  for (const c of orderByMarginalGain(chosen, sets, m)) {
    const newly = sets[c].filter((e) => !credited[e]);
    if (newly.length === 0) continue;
    for (const e of newly) credited[e] = 1;
    const { point_id, name } = useful[c].venue;
    sites.push({ point_id, name, newly_covered: newly.map((e) => uncovered[e].code).sort() });
  }
  return {
    sites,
    covered_before: coveredBefore,
    covered_after: coveredBefore + unionSize(chosen, sets, m),
    method: exhaustive ? 'exhaustive' : 'greedy_swap',
  };
}

function checkWhole(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidInputError(field, `${field} must be a whole number, 0 or more; got ${JSON.stringify(value)}`);
  }
}

function checkUnique(values: readonly (string | number)[], list: string, key: string): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const id = `${typeof v}:${v}`;
    if (seen.has(id)) throw new InvalidInputError(`${list}[${i}].${key}`, `${key} ${JSON.stringify(v)} appears twice in ${list}; list each once`);
    seen.add(id);
  });
}
