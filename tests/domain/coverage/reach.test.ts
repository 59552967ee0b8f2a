import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../server/domain/errors.js';
import { haversineM } from '../../../server/domain/geo/distance.js';
import { computeReach, type CoverageVillage, type ReachingPlace } from '../../../server/domain/coverage/reach.js';
import { randomBangliPoint, seededRandom } from '../../helpers/random.js';

interface VillageFeature {
  properties: { code: string; name: string; district_code: string; interior_lat: number; interior_lng: number };
}

const geojson = JSON.parse(readFileSync(new URL('../../../data/bangli_villages_boundaries.geojson', import.meta.url), 'utf8')) as {
  features: VillageFeature[];
};
const villages: CoverageVillage[] = geojson.features.map(({ properties: p }) => ({
  code: p.code,
  name: p.name,
  district_code: p.district_code,
  position: [p.interior_lng, p.interior_lat],
}));

/** Made-up reaching places (test fixture), ids as numbers or strings. */
function madeUpPlaces(seed: number, n: number, stringIds = false): ReachingPlace[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => ({ point_id: stringIds ? `p-${1000 + i}` : i + 1, position: randomBangliPoint(rand) }));
}

function bruteNearest(v: CoverageVillage, places: ReachingPlace[]) {
  let best: { d: number; id: ReachingPlace['point_id'] } | null = null;
  for (const p of places) {
    const d = haversineM(v.position, p.position);
    if (!best || d < best.d) best = { d, id: p.point_id };
  }
  return best;
}

describe('computeReach on the real 72 Bangli villages', () => {
  it('loads all 72 villages with interior points', () => {
    expect(villages).toHaveLength(72);
  });

  for (const [seed, n, radiusKm, stringIds] of [[1, 5, 3, false], [2, 40, 2, true], [3, 400, 1, false], [4, 3000, 0.5, true]] as const) {
    it(`matches a brute-force nearest search for ${n} made-up places within ${radiusKm} km`, () => {
      const places = madeUpPlaces(seed, n, stringIds);
      const result = computeReach(villages, places, radiusKm);
      expect(result.total).toBe(72);
      expect(result.villages.map((v) => v.code)).toEqual(villages.map((v) => v.code));
      let covered = 0;
      result.villages.forEach((r, i) => {
        const want = bruteNearest(villages[i], places)!;
        expect(r.distance_m).toBeCloseTo(want.d, 6);
        expect(r.nearest_point_id).toBe(want.id);
        expect(r.covered).toBe(want.d <= radiusKm * 1000);
        expect([r.name, r.district_code]).toEqual([villages[i].name, villages[i].district_code]);
        if (r.covered) covered++;
      });
      expect(result.covered).toBe(covered);
    });
  }

  it('reports every village as uncovered with null distance when there are no places', () => {
    const result = computeReach(villages, [], 5);
    expect(result).toMatchObject({ covered: 0, total: 72 });
    expect(result.villages.every((v) => v.distance_m === null && v.nearest_point_id === null && !v.covered)).toBe(true);
  });

  it('covers a village whose interior point is itself a place, even with radius 0', () => {
    const places: ReachingPlace[] = [{ point_id: 'office', position: villages[10].position }];
    const result = computeReach(villages, places, 0);
    expect(result.covered).toBe(1);
    expect(result.villages[10]).toMatchObject({ distance_m: 0, nearest_point_id: 'office', covered: true });
  });

  it('breaks ties between equally near places by the smallest point_id', () => {
    const p = villages[0].position;
    const result = computeReach([villages[0]], [{ point_id: 9, position: p }, { point_id: 3, position: p }, { point_id: 7, position: p }], 1);
    expect(result.villages[0].nearest_point_id).toBe(3);
  });

  it('rejects a negative or non-numeric radius, naming radiusKm', () => {
    expect(() => computeReach(villages, [], -1)).toThrow(InvalidInputError);
    expect(() => computeReach(villages, [], Number.NaN)).toThrow(expect.objectContaining({ field: 'radiusKm' }));
  });
});
