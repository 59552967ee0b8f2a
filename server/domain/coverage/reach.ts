import { InvalidInputError } from '../errors.js';
import { gotParam } from '../codes/values.js';
import { NearestIndex } from '../geo/nearestIndex.js';
import type { LngLat } from '../geo/types.js';
import { compareIds, type PointId } from './ids.js';

/** A village (desa/kelurahan) represented by an interior point, so the point lies inside the village. */
export interface CoverageVillage {
  code: string;
  name: string;
  district_code: string;
  position: LngLat;
}

/** A place that reaches people: a service point, or a visit venue. */
export interface ReachingPlace {
  point_id: PointId;
  position: LngLat;
}

export interface VillageReach {
  code: string;
  name: string;
  district_code: string;
  /** Great-circle metres from the village's interior point to the nearest place (unrounded); null with no places. */
  distance_m: number | null;
  /** The nearest place (ties: smallest point_id); null with no places. */
  nearest_point_id: PointId | null;
  /** distance_m !== null && distance_m <= radiusKm × 1000. */
  covered: boolean;
}

export interface ReachResult {
  /** Every input village, in input order. */
  villages: VillageReach[];
  covered: number;
  total: number;
}

/**
 * For every village, the nearest reaching place and whether it lies within `radiusKm` (kilometres).
 * Uses the shared kd-tree NearestIndex (exact haversine re-ranking) for every size rather than a
 * brute-force branch: one code path, O((V + P) log P) instead of V × P, and the index is cheap to build.
 */
export function computeReach(villages: readonly CoverageVillage[], places: readonly ReachingPlace[], radiusKm: number): ReachResult {
  if (typeof radiusKm !== 'number' || !Number.isFinite(radiusKm) || radiusKm < 0) {
    throw new InvalidInputError('radiusKm', `radiusKm must be a number of kilometres, 0 or more; got ${JSON.stringify(radiusKm)}`, {
      code: 'number_too_small', params: { min: 0, got: gotParam(radiusKm) },
    });
  }
  const radiusM = radiusKm * 1000;
  // Sort so that the index's tie-break (lowest entry id) means "smallest point_id".
  const sorted = places.slice().sort((a, b) => compareIds(a.point_id, b.point_id));
  const index = new NearestIndex(sorted.map((p, i) => ({ id: i, position: p.position, typeBit: 0, serviceMask: 0 })));
  let covered = 0;
  const out = villages.map((v): VillageReach => {
    const hit = index.nearest(v.position, { limit: 1 })[0];
    const distance_m = hit ? hit.distanceM : null;
    const isCovered = distance_m !== null && distance_m <= radiusM;
    if (isCovered) covered++;
    return {
      code: v.code,
      name: v.name,
      district_code: v.district_code,
      distance_m,
      nearest_point_id: hit ? sorted[hit.id].point_id : null,
      covered: isCovered,
    };
  });
  return { villages: out, covered, total: villages.length };
}
