import { describe, expect, it } from 'vitest';
import distance from '@turf/distance';
import { NearestIndex, type IndexEntry } from '../../../server/domain/geo/nearestIndex.js';
import { haversineM } from '../../../server/domain/geo/distance.js';
import type { LngLat } from '../../../server/domain/geo/types.js';
import { seededRandom } from '../../helpers/random.js';

function randomEntries(n: number, rand: () => number, box: [number, number, number, number]): IndexEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    position: [box[0] + rand() * (box[2] - box[0]), box[1] + rand() * (box[3] - box[1])] as LngLat,
    typeBit: 1 << Math.floor(rand() * 7),
    serviceMask: Math.floor(rand() * 32),
  }));
}

function bruteForce(entries: IndexEntry[], center: LngLat, limit: number, filter: (e: IndexEntry) => boolean = () => true, maxM = Infinity) {
  return entries
    .filter(filter)
    .map((e) => ({ id: e.id, distanceM: haversineM(center, e.position) }))
    .filter((h) => h.distanceM <= maxM)
    .sort((a, b) => a.distanceM - b.distanceM || a.id - b.id)
    .slice(0, limit);
}

const BANGLI: [number, number, number, number] = [115.2323, -8.5254, 115.459, -8.1448];

describe('haversineM', () => {
  it('agrees with @turf/distance to the millimetre', () => {
    const rand = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const a: LngLat = [rand() * 360 - 180, rand() * 170 - 85];
      const b: LngLat = [rand() * 360 - 180, rand() * 170 - 85];
      expect(haversineM(a, b)).toBeCloseTo(distance(a, b, { units: 'meters' }), 3);
    }
  });
});

describe('NearestIndex.nearest', () => {
  it('returns exactly what a brute-force haversine scan returns, on random data around Bangli', () => {
    const rand = seededRandom(42);
    const entries = randomEntries(5000, rand, BANGLI);
    const index = new NearestIndex(entries);
    for (let q = 0; q < 300; q++) {
      const center: LngLat = [BANGLI[0] - 0.1 + rand() * 0.45, BANGLI[1] - 0.1 + rand() * 0.6];
      const limit = 1 + Math.floor(rand() * 30);
      expect(index.nearest(center, { limit })).toEqual(bruteForce(entries, center, limit));
    }
  });

  it('matches brute force on sparse data spread over all of Indonesia, far from the query', () => {
    const rand = seededRandom(3);
    const entries = randomEntries(300, rand, [95, -11, 141, 6]);
    const index = new NearestIndex(entries);
    for (let q = 0; q < 100; q++) {
      const center: LngLat = [95 + rand() * 46, -11 + rand() * 17];
      expect(index.nearest(center, { limit: 10 })).toEqual(bruteForce(entries, center, 10));
    }
  });

  it('applies the type mask, the required services and the distance cap like a filtered scan', () => {
    const rand = seededRandom(99);
    const entries = randomEntries(4000, rand, BANGLI);
    const index = new NearestIndex(entries);
    for (let q = 0; q < 200; q++) {
      const center: LngLat = [BANGLI[0] + rand() * 0.23, BANGLI[1] + rand() * 0.38];
      const typeMask = 1 + Math.floor(rand() * 127);
      const need = Math.floor(rand() * 4);
      const maxM = rand() < 0.5 ? 500 + rand() * 5000 : Infinity;
      const got = index.nearest(center, { limit: 10, typeMask, requireServices: need, maxDistanceM: maxM });
      const want = bruteForce(entries, center, 10, (e) => (e.typeBit & typeMask) !== 0 && (e.serviceMask & need) === need, maxM);
      expect(got).toEqual(want);
    }
  });

  it('finds points exactly at the edge of the distance cap', () => {
    const center: LngLat = [115.35, -8.4];
    const onEdge: LngLat = [115.35, -8.4 + 0.01];
    const d = haversineM(center, onEdge);
    const index = new NearestIndex([{ id: 1, position: onEdge, typeBit: 1, serviceMask: 0 }]);
    expect(index.nearest(center, { limit: 5, maxDistanceM: d })).toEqual([{ id: 1, distanceM: d }]);
  });

  it('returns nothing from an empty index and fewer than limit when there are fewer points', () => {
    expect(new NearestIndex([]).nearest([115, -8], { limit: 10 })).toEqual([]);
    const one = new NearestIndex([{ id: 9, position: [115, -8], typeBit: 1, serviceMask: 0 }]);
    expect(one.nearest([115.1, -8], { limit: 10 }).map((h) => h.id)).toEqual([9]);
  });
});

describe('NearestIndex.within', () => {
  it('returns the ids inside a box, like a filtered scan', () => {
    const rand = seededRandom(5);
    const entries = randomEntries(2000, rand, BANGLI);
    const index = new NearestIndex(entries);
    const box: [number, number, number, number] = [115.3, -8.45, 115.38, -8.3];
    const want = entries
      .filter((e) => e.position[0] >= box[0] && e.position[0] <= box[2] && e.position[1] >= box[1] && e.position[1] <= box[3])
      .map((e) => e.id)
      .sort((a, b) => a - b);
    expect(index.within(box).sort((a, b) => a - b)).toEqual(want);
  });
});
