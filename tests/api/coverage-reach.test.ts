import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { addPoint, cancelVisit, createVisit, turfMetres, villageOfficeId } from '../fixtures/coverage.js';

interface VillageRow { code: string; name: string; district_code: string; distance_m: number | null; nearest_point_id: number | null; covered: boolean }
interface Place { id: number; position: [number, number] }

// TEST_NOW is Wednesday 2026-11-25 10:00 WITA.
let t: TestApp;
let registration: Place[];
const venue: Record<string, Place> = {};
const villageOf: Record<string, string> = {};

async function coverage(query: string) {
  const res = await t.app.request(`/api/coverage?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { radius_km: number; days: number; covered: number; total: number; villages: VillageRow[] };
}

/** The nearest of `places` to every village, by turf over all places (no index), ties to the smallest id. */
function bruteForce(places: Place[]) {
  return new Map(t.services.villages.list.map((v) => {
    let best: { d: number; id: number } | null = null;
    for (const p of places) {
      const d = turfMetres(v.interior, p.position);
      if (!best || d < best.d || (d === best.d && p.id < best.id)) best = { d, id: p.id };
    }
    return [v.code, best] as const;
  }));
}

beforeAll(async () => {
  t = makeTestApp();
  const { cookie } = await loginAs(t, 'planner');
  const villages = t.services.villages.list;
  const near = (i: number, dLng: number, dLat: number): [number, number] => [villages[i].interior[0] + dLng, villages[i].interior[1] + dLat];
  registration = [
    { id: addPoint(t, { name: 'Loket uji A', position: near(0, 0.012, -0.008) }), position: near(0, 0.012, -0.008) },
    { id: addPoint(t, { name: 'Loket uji B', position: near(20, -0.02, 0.01) }), position: near(20, -0.02, 0.01) },
    { id: addPoint(t, { name: 'Loket uji C', position: near(40, 0.005, 0.03) }), position: near(40, 0.005, 0.03) },
    { id: addPoint(t, { name: 'Loket uji D', position: near(60, -0.01, -0.01), type: 'bpjs_office' }), position: near(60, -0.01, -0.01) },
  ];
  // Places that must NOT reach anyone: closed for now, retired, and active without registration.
  addPoint(t, { name: 'Loket tutup sementara', position: near(10, 0.001, 0.001), status: 'temporarily_closed' });
  addPoint(t, { name: 'Loket pensiun', position: near(30, 0.001, 0.001), status: 'retired' });
  addPoint(t, { name: 'Pojok informasi', position: near(50, 0.001, 0.001), services: ['information'] });

  const visitAt = async (key: string, villageIndex: number, v: { date: string; from?: string; to?: string; status?: 'draft' }) => {
    const code = villages[villageIndex].code;
    const id = villageOfficeId(t, code);
    venue[key] = { id, position: villages[villageIndex].interior };
    villageOf[key] = code;
    return createVisit(t, cookie, { point_id: id, ...v });
  };
  await visitAt('in15days', 5, { date: '2026-12-10' });
  await visitAt('in56days', 15, { date: '2027-01-20' });
  await cancelVisit(t, cookie, await visitAt('cancelled', 25, { date: '2026-12-01' }));
  await visitAt('draft', 35, { date: '2026-12-02', status: 'draft' });
  await visitAt('endedYesterday', 45, { date: '2026-11-24' });
  await visitAt('underWay', 55, { date: '2026-11-25', from: '09:00', to: '12:00' });
});

describe('GET /api/coverage', () => {
  it('lists all 72 villages with the issue\'s fields, publicly', async () => {
    const body = await coverage('radius_km=5&days=30');
    expect(body.total).toBe(72);
    expect(body.villages).toHaveLength(72);
    expect(new Set(body.villages.map((v) => v.code)).size).toBe(72);
    expect(body.radius_km).toBe(5);
    expect(body.days).toBe(30);
    for (const v of body.villages) {
      expect(Object.keys(v)).toEqual(expect.arrayContaining(['code', 'name', 'district_code', 'distance_m', 'nearest_point_id', 'covered']));
    }
  });

  it('matches a brute-force haversine over every reaching place (registration points + visits scheduled in the next 30 days)', async () => {
    const places = [...registration, venue.in15days, venue.underWay];
    const expected = bruteForce(places);
    for (const radius of [1, 2.5, 5, 10]) {
      const body = await coverage(`radius_km=${radius}&days=30`);
      let covered = 0;
      for (const v of body.villages) {
        const e = expected.get(v.code)!;
        expect(v.distance_m).not.toBeNull();
        expect(Math.abs(v.distance_m! - e!.d)).toBeLessThanOrEqual(0.06);
        expect(v.nearest_point_id).toBe(e!.id);
        expect(v.covered).toBe(v.distance_m! <= radius * 1000);
        if (e!.d <= radius * 1000) covered++;
      }
      expect(body.covered).toBe(covered);
      expect(body.covered).toBe(body.villages.filter((v) => v.covered).length);
    }
  });

  it('counts a visit only while it falls in the next `days` days', async () => {
    const at = (body: { villages: VillageRow[] }, key: string) => body.villages.find((v) => v.code === villageOf[key])!;
    const d10 = await coverage('radius_km=5&days=10');
    const d30 = await coverage('radius_km=5&days=30');
    const d60 = await coverage('radius_km=5&days=60');
    // 2026-12-10 09:00 is 14 days 23 h ahead: outside 10 days, inside 30.
    expect(at(d10, 'in15days').nearest_point_id).not.toBe(venue.in15days.id);
    expect(at(d30, 'in15days')).toMatchObject({ distance_m: 0, nearest_point_id: venue.in15days.id, covered: true });
    // 2027-01-20 is 56 days ahead: only the 60-day window reaches it.
    expect(at(d30, 'in56days').nearest_point_id).not.toBe(venue.in56days.id);
    expect(at(d60, 'in56days')).toMatchObject({ distance_m: 0, nearest_point_id: venue.in56days.id });
    // The 60-day answer is again the brute force over the larger set of places.
    const expected60 = bruteForce([...registration, venue.in15days, venue.in56days, venue.underWay]);
    for (const v of d60.villages) expect(v.nearest_point_id).toBe(expected60.get(v.code)!.id);
  });

  it('never counts cancelled, draft or already-finished visits, nor closed, retired or non-registration points', async () => {
    const body = await coverage('radius_km=5&days=365');
    const ids = new Set(body.villages.map((v) => v.nearest_point_id));
    for (const key of ['cancelled', 'draft', 'endedYesterday']) {
      expect(ids.has(venue[key].id)).toBe(false);
      expect(body.villages.find((v) => v.code === villageOf[key])!.distance_m).toBeGreaterThan(0);
    }
    const names = t.services.pointStore.listAll().filter((p) => ids.has(p.id)).map((p) => p.name);
    expect(names).not.toContain('Loket tutup sementara');
    expect(names).not.toContain('Loket pensiun');
    expect(names).not.toContain('Pojok informasi');
  });

  it('with days=0 counts only registration points and visits under way right now', async () => {
    const body = await coverage('radius_km=5&days=0');
    const expected = bruteForce([...registration, venue.underWay]);
    for (const v of body.villages) expect(v.nearest_point_id).toBe(expected.get(v.code)!.id);
  });

  it('gives null distances and nothing covered when no place reaches anyone', async () => {
    const empty = makeTestApp();
    const res = await empty.app.request('/api/coverage?radius_km=100&days=365');
    const body = await res.json();
    expect(body.covered).toBe(0);
    expect(body.total).toBe(72);
    expect(body.villages.every((v: VillageRow) => v.distance_m === null && v.nearest_point_id === null && v.covered === false)).toBe(true);
  });

  it('uses radius_km=5 and days=30 when they are left out', async () => {
    const body = await coverage('');
    expect(body).toMatchObject({ radius_km: 5, days: 30 });
  });

  it.each([
    ['radius_km=0', 'radius_km'],
    ['radius_km=-1', 'radius_km'],
    ['radius_km=100.5', 'radius_km'],
    ['radius_km=abc', 'radius_km'],
    ['radius_km=', 'radius_km'],
    ['radius_km=1e1', 'radius_km'],
    ['radius_km=5&radius_km=6', 'radius_km'],
    ['days=-1', 'days'],
    ['days=366', 'days'],
    ['days=1.5', 'days'],
    ['days=', 'days'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const res = await t.app.request(`/api/coverage?${query}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.field).toBe(field);
    expect(body.error.message).toContain(field);
  });

  it('accepts the edges radius_km=100 and days=365', async () => {
    const body = await coverage('radius_km=100&days=365');
    expect(body.covered).toBe(72);
  });
});
