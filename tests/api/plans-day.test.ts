import { describe, expect, it } from 'vitest';
import turfDistance from '@turf/distance';
import { point } from '@turf/helpers';
import { makeTestApp, loginAs, jsonRequest, type TestApp } from '../helpers/app.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';
import { apiClient } from '../helpers/client.js';

type LngLat = [number, number];
const metres = (a: LngLat, b: LngLat) => turfDistance(point(a), point(b), { units: 'kilometers' }) * 1000;

/** Made-up places around Bangli, not in a line, so the order matters. */
const PLACES: LngLat[] = [[115.3551, -8.4492], [115.3312, -8.3801], [115.3890, -8.3105], [115.3012, -8.4512], [115.4102, -8.4003]];
const START: LngLat = [115.3550, -8.4560];

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

async function dayWith(times: Array<[string, string]>) {
  const t = makeTestApp();
  const { cookie } = await loginAs(t, 'planner');
  const ids = PLACES.map((position, i) => addTestPoint(t, { position, name: `Tempat Uji ${i + 1}`, market_days: null, opens: null, closes: null }));
  for (let i = 0; i < ids.length; i++) {
    const [s, e] = times[i];
    const res = await t.app.request('/api/visits', jsonRequest('POST', visitBody(ids[i], '2026-12-01', { team: 'Tim A', starts_at: `2026-12-01T${s}:00+08:00`, ends_at: `2026-12-01T${e}:00+08:00` }), cookie));
    expect(res.status).toBe(201);
  }
  // Another team's visit the same day is not part of Tim A's route.
  await t.app.request('/api/visits', jsonRequest('POST', visitBody(ids[0], '2026-12-01', { team: 'Tim B' }), cookie));
  return { t, cookie, ids };
}

/** GET /api/plans/day through the typed client: the answer is typed by the route's schema (DayPlan). */
async function plan(t: TestApp, cookie: string, qs: string) {
  const res = await apiClient(t, cookie).get('/api/plans/day', { query: Object.fromEntries(new URLSearchParams(qs)) });
  expect(res.status).toBe(200);
  return res.body;
}

describe('GET /api/plans/day', () => {
  it('visits fixed-time visits in time order, with legs, totals and the stated travel model', async () => {
    const times: Array<[string, string]> = [['13:00', '14:00'], ['08:00', '09:00'], ['15:00', '16:00'], ['10:00', '11:00'], ['11:30', '12:30']];
    const { t, cookie } = await dayWith(times);
    const body = await plan(t, cookie, `date=2026-12-01&team=tim%20a&start_lat=${START[1]}&start_lng=${START[0]}`);
    expect(body.stops).toHaveLength(5);
    expect(body.stops.map((s) => s.window.start)).toEqual(
      [...times].map(([s]) => `2026-12-01T${s}:00+08:00`).sort(),
    );
    expect(body.stops.every((s) => s.fixed)).toBe(true);
    expect(body.model).toMatchObject({ circuity: 1.4, speed_kmh: 30, stop_overhead_min: 10 });
    // Every leg: straight line by turf, road = × circuity, minutes = road at speed + overhead.
    const path = [START, ...body.stops.map((s) => s.position)];
    expect(body.legs).toHaveLength(5);
    body.legs.forEach((leg, i) => {
      const d = metres(path[i], path[i + 1]);
      expect(leg.distance_m).toBeCloseTo(d, -1);
      expect(leg.road_distance_m).toBeCloseTo(d * body.model.circuity, -1);
      expect(leg.duration_min).toBeCloseTo((d * body.model.circuity) / 1000 / body.model.speed_kmh * 60 + body.model.stop_overhead_min, 0);
    });
    expect(body.legs[0].from_id).toBe('start');
    expect(body.totals.visits).toBe(5);
    expect(body.totals.distance_m).toBeCloseTo(body.legs.reduce((s, l) => s + l.distance_m, 0), -1);
  });

  it('warns when travel does not fit between two fixed visits', async () => {
    const times: Array<[string, string]> = [['08:00', '09:00'], ['09:05', '10:00'], ['13:00', '14:00'], ['15:00', '16:00'], ['17:00', '18:00']];
    const { t, cookie } = await dayWith(times);
    const body = await plan(t, cookie, 'date=2026-12-01&team=Tim%20A');
    expect(body.warnings.map((w) => w.code)).toContain('tight_transfer');
  });

  it('orders a day without fixed times as short as the brute-force best order on a small case', async () => {
    const times: Array<[string, string]> = PLACES.map(() => ['09:00', '10:00']);
    const { t, cookie } = await dayWith(times);
    const body = await plan(t, cookie, `date=2026-12-01&team=Tim%20A&times=flexible&start_lat=${START[1]}&start_lng=${START[0]}`);
    expect(body.stops.every((s) => !s.fixed)).toBe(true);
    const length = (order: LngLat[]) => order.reduce((sum, p, i) => sum + metres(i === 0 ? START : order[i - 1], p), 0);
    const best = Math.min(...permutations(PLACES).map(length));
    const routed = length(body.stops.map((s) => s.position));
    expect(routed).toBeCloseTo(best, 0);
    expect(body.totals.distance_m).toBeCloseTo(best, -1);
    // Booked at the same time, the visits clash for one team: the planner is told.
    expect(body.warnings.filter((w) => w.code === 'team_overlap').length).toBeGreaterThan(0);
  });

  it('answers an empty plan for a team without visits, and 400 for half a start or a missing team', async () => {
    const { t, cookie } = await dayWith(PLACES.map(() => ['09:00', '10:00']));
    const empty = await plan(t, cookie, 'date=2026-12-02&team=Tim%20A');
    expect(empty).toMatchObject({ stops: [], legs: [], totals: { visits: 0, distance_m: 0 } });
    for (const [qs, field] of [['date=2026-12-01&team=Tim%20A&start_lat=-8.4', 'start_lng'], ['date=2026-12-01', 'team'], ['team=x', 'date'], ['date=2026-12-01&team=x&times=soon', 'times']]) {
      const res = await t.app.request(`/api/plans/day?${qs}`, { headers: { Cookie: cookie } });
      expect(res.status, qs).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
  });
});
