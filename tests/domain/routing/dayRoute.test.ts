import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../server/domain/errors.js';
import type { LngLat } from '../../../server/domain/geo/types.js';
import { planDayRoute, type DayStop } from '../../../server/domain/routing/dayRoute.js';
import { randomBangliPoint, seededRandom } from '../../helpers/random.js';

const OFFICE: LngLat = [115.3549, -8.4543]; // made-up start near Bangli town
const at = (hhmm: string) => `2025-03-04T${hhmm}:00+08:00`;

describe('planDayRoute', () => {
  it('orders a day without fixed times as an open path from the start and returns every stop once', () => {
    const rand = seededRandom(42);
    const stops: DayStop[] = Array.from({ length: 7 }, (_, i) => ({ id: `v${i}`, position: randomBangliPoint(rand) }));
    const route = planDayRoute({ start: OFFICE, stops });
    expect(route.stops.map((s) => s.id).sort()).toEqual(stops.map((s) => s.id).sort());
    expect(route.legs).toHaveLength(7);
    expect(route.legs[0].from_id).toBe('start');
    route.legs.forEach((leg, i) => {
      expect(leg.to_id).toBe(route.stops[i].id);
      if (i > 0) expect(leg.from_id).toBe(route.stops[i - 1].id);
    });
    expect(route.stops.every((s) => s.window === null && !s.fixed)).toBe(true);
    const sum = route.legs.reduce((a, l) => a + l.distance_m, 0);
    expect(Math.abs(route.totals.distance_m - sum)).toBeLessThanOrEqual(route.legs.length);
    expect(route.warnings).toEqual([]);
  });

  it('has one leg fewer than stops when there is no start position', () => {
    const route = planDayRoute({ stops: [{ id: 1, position: [115.3, -8.3] }, { id: 2, position: [115.31, -8.3] }, { id: 3, position: [115.4, -8.3] }] });
    expect(route.legs).toHaveLength(2);
    expect(route.stops.map((s) => s.id)).toEqual([1, 2, 3]);
    expect(route.totals.duration_min).toBeCloseTo(route.legs[0].duration_min + route.legs[1].duration_min, 1);
  });

  it('visits stops with fixed times in start-time order, keeping their windows', () => {
    const stops: DayStop[] = [
      { id: 'c', position: [115.30, -8.20], window: { start: at('14:00'), end: at('15:00') } },
      { id: 'a', position: [115.40, -8.50], window: { start: at('08:00'), end: at('09:00') } },
      { id: 'b', position: [115.25, -8.35], window: { start: at('11:00'), end: at('12:00') } },
    ];
    const route = planDayRoute({ start: OFFICE, stops });
    expect(route.stops.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(route.stops[0].window).toEqual({ start: at('08:00'), end: at('09:00') });
    expect(route.stops.every((s) => s.fixed)).toBe(true);
    expect(route.warnings).toEqual([]);
  });

  it('warns tight_transfer when the estimated travel between two fixed visits is longer than the gap', () => {
    // ~33 km apart: ~46 km of road ≈ 93 min + 10 min overhead, but only 30 min between the visits.
    const route = planDayRoute({
      stops: [
        { id: 'kintamani', position: [115.33, -8.20], window: { start: at('08:00'), end: at('09:30') } },
        { id: 'susut', position: [115.33, -8.50], window: { start: at('10:00'), end: at('11:00') } },
      ],
    });
    expect(route.warnings).toHaveLength(1);
    expect(route.warnings[0]).toMatchObject({ code: 'tight_transfer', from_id: 'kintamani', to_id: 'susut' });
    expect(route.warnings[0].message).toContain('09:30 WITA');
    expect(route.warnings[0].message).toContain('10:00 WITA');
  });

  it('does not warn when the gap covers the estimated travel', () => {
    const route = planDayRoute({
      stops: [
        { id: 'kintamani', position: [115.33, -8.20], window: { start: at('08:00'), end: at('09:30') } },
        { id: 'susut', position: [115.33, -8.50], window: { start: at('13:00'), end: at('14:00') } },
      ],
    });
    expect(route.warnings).toEqual([]);
  });

  it('warns when two fixed visits overlap, even at the same place', () => {
    const p: LngLat = [115.33, -8.3];
    const route = planDayRoute({
      stops: [
        { id: 1, position: p, window: { start: at('08:00'), end: at('10:00') } },
        { id: 2, position: p, window: { start: at('09:00'), end: at('11:00') } },
      ],
    });
    expect(route.warnings.map((w) => [w.from_id, w.to_id])).toEqual([[1, 2]]);
    expect(route.warnings[0].message).toContain('overlaps');
  });

  it('puts a floating stop where it adds least travel on a mixed day, keeping fixed visits in time order', () => {
    const route = planDayRoute({
      start: [115.33, -8.50],
      stops: [
        { id: 'north', position: [115.33, -8.20], window: { start: at('13:00'), end: at('14:00') } },
        { id: 'south', position: [115.33, -8.45], window: { start: at('08:00'), end: at('09:00') } },
        { id: 'middle', position: [115.331, -8.33] },
        { id: 'far-north', position: [115.33, -8.15] },
      ],
    });
    expect(route.stops.map((s) => s.id)).toEqual(['south', 'middle', 'north', 'far-north']);
    expect(route.stops.find((s) => s.id === 'middle')!.window).toBeNull();
    expect(route.warnings).toEqual([]);
  });

  it('keeps a floating stop out of a gap it would not fit in', () => {
    // 'middle' lies on the way, but the 25-minute gap cannot hold two legs with 10 min overhead each plus driving.
    const route = planDayRoute({
      stops: [
        { id: 'a', position: [115.33, -8.40], window: { start: at('08:00'), end: at('09:00') } },
        { id: 'b', position: [115.33, -8.42], window: { start: at('09:25'), end: at('10:00') } },
        { id: 'middle', position: [115.33, -8.41] },
      ],
    });
    expect(route.stops.map((s) => s.id)).not.toEqual(['a', 'middle', 'b']);
    expect(route.warnings).toEqual([]);
  });

  it('keeps fixed-time order and returns a permutation on random mixed days', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rand = seededRandom(seed);
      const n = 1 + Math.floor(rand() * 7);
      const stops: DayStop[] = Array.from({ length: n }, (_, i) => {
        const fixed = rand() < 0.5;
        const h = 8 + Math.floor(rand() * 8);
        const hh = String(h).padStart(2, '0');
        return { id: i, position: randomBangliPoint(rand), ...(fixed ? { window: { start: at(`${hh}:00`), end: at(`${hh}:45`) } } : {}) };
      });
      const route = planDayRoute({ start: rand() < 0.5 ? OFFICE : undefined, stops });
      expect(route.stops.map((s) => s.id).sort((a, b) => Number(a) - Number(b))).toEqual(stops.map((s) => s.id));
      const fixedStarts = route.stops.filter((s) => s.fixed).map((s) => Date.parse(s.window!.start));
      expect(fixedStarts).toEqual([...fixedStarts].sort((a, b) => a - b));
    }
  });

  it('rejects a window that ends before it starts, naming the field', () => {
    const call = () => planDayRoute({ stops: [{ id: 'x', position: [115.3, -8.3], window: { start: at('10:00'), end: at('09:00') } }] });
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(expect.objectContaining({ field: 'stops[0].window.end' }));
  });

  it('rejects a window time without an offset', () => {
    const call = () => planDayRoute({ stops: [{ id: 'x', position: [115.3, -8.3], window: { start: '2025-03-04T10:00', end: at('11:00') } }] });
    expect(call).toThrow(expect.objectContaining({ field: 'stops[0].window.start' }));
  });

  it('rejects duplicate stop ids and the reserved id "start"', () => {
    expect(() => planDayRoute({ stops: [{ id: 1, position: [115.3, -8.3] }, { id: 1, position: [115.31, -8.3] }] })).toThrow(
      expect.objectContaining({ field: 'stops[1].id' }),
    );
    expect(() => planDayRoute({ stops: [{ id: 'start', position: [115.3, -8.3] }] })).toThrow(expect.objectContaining({ field: 'stops[0].id' }));
  });
});
