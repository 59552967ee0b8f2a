import { InvalidInputError } from '../errors.js';
import { gotParam } from '../codes/values.js';
import KDBush from 'kdbush';
import { haversineM } from '../geo/distance.js';
import { bboxAround } from '../geo/bbox.js';
import type { LngLat } from '../geo/types.js';
import { compareIds, type PointId } from './ids.js';
import { binomialCapped, exhaustiveCover, greedyCover, orderByMarginalGain, swapImprove, unionSize } from './maxCoverage.js';
import { NearestIndex } from '../geo/nearestIndex.js';
import { WorkBudget } from './workBudget.js';

/**
 * The work budget of one suggestion, in units: one unit per candidate's range query and one per distance check
 * it makes (the villages in the box around it), and one per set element visited by the search (greedy, swaps,
 * exhaustive). Candidates are thinned as if every candidate checked every village, which over-estimates. Half is for the distance checks and greedy,
 * which always finish (the candidates are thinned first when they would not fit), half for the exhaustive
 * search or the swaps, which stop when it runs out.
 */
export const SUGGEST_WORK_BUDGET = 4_000_000;

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
  /** Override SUGGEST_WORK_BUDGET (units, see there). */
  workBudget?: number;
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
  /** exhaustive: optimal; greedy_swap: greedy then swaps to a local optimum; greedy: the swaps ran out of budget. */
  method: 'exhaustive' | 'greedy_swap' | 'greedy';
  /**
   * Set when candidates × uncovered villages would not fit the budget: only the `per_village` candidates
   * nearest to each uncovered village (within the radius) were considered, `considered` of `total`.
   */
  candidate_pool: { per_village: number; considered: number; total: number } | null;
  /** Units of work spent and the budget (see SUGGEST_WORK_BUDGET). */
  work: { units: number; budget: number };
}

/** The guarantee of an answer, in words: GUARANTEE, or what the budget changed about it. */
export function guaranteeOf(r: Pick<SuggestResult, 'method' | 'candidate_pool' | 'work'>): string {
  const parts: string[] = [];
  if (r.candidate_pool) {
    parts.push(
      `Too many candidates for the work budget (${r.work.budget} units): only the ${r.candidate_pool.per_village} venues nearest to each ` +
      `unreached village were considered (${r.candidate_pool.considered} of ${r.candidate_pool.total}); the rest of this guarantee is about them.`,
    );
  }
  if (r.method === 'greedy') {
    parts.push(
      'Greedy maximum coverage; the swap search stopped when the work budget ran out, so the answer reaches at least ' +
      '1 − 1/e ≈ 63% of the best possible number of newly covered villages but a single exchange might still reach more.',
    );
  } else {
    parts.push(GUARANTEE);
  }
  return parts.join(' ');
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
    throw new InvalidInputError('radiusKm', `radiusKm must be a number of kilometres, 0 or more; got ${JSON.stringify(radiusKm)}`, {
      code: 'number_too_small', params: { min: 0, got: gotParam(radiusKm) },
    });
  }
  checkUnique(uncovered.map((v) => v.code), 'uncovered', 'code');
  checkUnique(input.candidates.map((c) => c.point_id), 'candidates', 'point_id');

  const radiusM = radiusKm * 1000;
  const budget = new WorkBudget(input.workBudget ?? SUGGEST_WORK_BUDGET);
  const m0 = uncovered.length;
  const size0 = Math.min(k, input.candidates.length);
  // Distance checks plus greedy cost about candidates × villages × (1 + k) units; they must fit half the budget.
  const maxCandidates = Math.floor(budget.limit / 2 / Math.max(1, m0 * (1 + size0)));
  let pool: SuggestResult['candidate_pool'] = null;
  let pooled = input.candidates;
  if (input.candidates.length > maxCandidates && m0 > 0) {
    const perVillage = Math.max(1, Math.floor(maxCandidates / m0));
    pooled = nearestPool(input.candidates, uncovered, radiusM, perVillage, budget);
    pool = { per_village: perVillage, considered: pooled.length, total: input.candidates.length };
  }
  const candidates = pooled.slice().sort((a, b) => compareIds(a.point_id, b.point_id));
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
    const inBox = villageIndex.range(box[0], box[1], box[2], box[3]);
    budget.charge(1 + inBox.length); // the range query, then one distance check per village in its box
    for (const i of inBox) {
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

  let method: SuggestResult['method'] = 'exhaustive';
  // The exhaustive search gets its own half of the budget, so giving up still leaves room for greedy.
  const exhaustiveBudget = new WorkBudget(Math.floor(budget.limit / 2));
  let chosen = binomialCapped(sets.length, size, limit) <= limit ? exhaustiveCover(sets, m, size, exhaustiveBudget) : null;
  budget.charge(exhaustiveBudget.used);
  if (!chosen) {
    // Greedy fits by construction; the swaps use what is left of the budget.
    const greedy = greedyCover(sets, m, size, budget);
    const swapped = swapImprove(greedy, sets, m, budget);
    chosen = swapped;
    method = swapped.complete === false ? 'greedy' : 'greedy_swap';
  }

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
    method,
    candidate_pool: pool,
    work: { units: budget.used, budget: budget.limit },
  };
}

/**
 * The candidates among the `perVillage` nearest (within radiusM) to some uncovered village, found through a
 * kd-tree rather than every candidate × village pair; each hit costs one unit of `budget`.
 */
function nearestPool(candidates: readonly CandidateVenue[], uncovered: readonly UncoveredVillage[], radiusM: number, perVillage: number, budget: WorkBudget): CandidateVenue[] {
  // Index entries are numbered by position in a point_id-sorted copy, so index ties go to the smallest point_id.
  const sorted = candidates.slice().sort((a, b) => compareIds(a.point_id, b.point_id));
  const index = new NearestIndex(sorted.map((c, i) => ({ id: i, position: c.position, typeBit: 0, serviceMask: 0 })));
  const keep = new Set<number>();
  for (const v of uncovered) {
    const hits = index.nearest(v.position, { limit: perVillage, maxDistanceM: radiusM });
    budget.charge(hits.length);
    for (const h of hits) keep.add(h.id);
  }
  return [...keep].sort((a, b) => a - b).map((i) => sorted[i]);
}

function checkWhole(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidInputError(field, `${field} must be a whole number, 0 or more; got ${JSON.stringify(value)}`, { code: 'not_a_count', params: { got: gotParam(value) } });
  }
}

function checkUnique(values: readonly (string | number)[], list: string, key: string): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const id = `${typeof v}:${v}`;
    if (seen.has(id)) throw new InvalidInputError(`${list}[${i}].${key}`, `${key} ${JSON.stringify(v)} appears twice in ${list}; list each once`, { code: 'listed_twice', params: { got: v } });
    seen.add(id);
  });
}
