import { describe, expect, it } from 'vitest';
import { haversineM } from '../../../server/domain/geo/distance.js';
import { AVERAGE_SPEED_KMH, CIRCUITY_FACTOR, STOP_OVERHEAD_MIN, estimateLeg } from '../../../server/domain/routing/travelTime.js';

describe('estimateLeg', () => {
  it('multiplies the straight line by the circuity factor and drives it at the average speed plus the stop overhead', () => {
    const bangliTown: [number, number] = [115.3549, -8.4543];
    const kintamani: [number, number] = [115.3260, -8.2466];
    const leg = estimateLeg(bangliTown, kintamani);
    expect(leg.distanceM).toBeCloseTo(haversineM(bangliTown, kintamani), 6);
    expect(leg.roadDistanceM).toBeCloseTo(leg.distanceM * CIRCUITY_FACTOR, 6);
    expect(leg.durationMin).toBeCloseTo((leg.roadDistanceM / 1000 / AVERAGE_SPEED_KMH) * 60 + STOP_OVERHEAD_MIN, 6);
  });

  it('states the assumptions as 1.4 circuity, 30 km/h and 10 minutes per stop', () => {
    expect([CIRCUITY_FACTOR, AVERAGE_SPEED_KMH, STOP_OVERHEAD_MIN]).toEqual([1.4, 30, 10]);
  });

  it('charges only the stop overhead for a zero-length leg', () => {
    const p: [number, number] = [115.33, -8.4];
    expect(estimateLeg(p, p)).toEqual({ distanceM: 0, roadDistanceM: 0, durationMin: STOP_OVERHEAD_MIN });
  });

  it('takes about 56 minutes for 21 km as the crow flies (29.4 km of road)', () => {
    // 0.18888° of latitude ≈ 21.0 km; 21 × 1.4 = 29.4 km at 30 km/h = 58.8 min + 10 min overhead.
    const leg = estimateLeg([115.35, -8.45], [115.35, -8.45 + 21000 / 111195.08]);
    expect(leg.distanceM).toBeCloseTo(21000, 0);
    expect(leg.durationMin).toBeCloseTo(68.8, 1);
  });
});
