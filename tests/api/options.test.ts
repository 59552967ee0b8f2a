import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, TEST_NOW, type TestApp } from '../helpers/app.js';
import { addPoint, turfMetres, villageOfficeId, wita } from '../fixtures/coverage.js';
import { randomBangliPoint, seededRandom } from '../helpers/random.js';
import { ALL_CODES } from '../../server/domain/codes/index.js';
import { SYSTEM_ACTOR } from '../../server/services/audit.js';
import { registrationOptions } from '../../server/domain/registration/select.js';
import type { PointStatus, Service } from '../../server/domain/points/vocabulary.js';
import type { Activity } from '../../server/domain/schedule/types.js';

// TEST_NOW is Wednesday 2026-11-25 10:00 WITA.
interface Option {
  kind: 'visit' | 'point' | 'online';
  visit_id?: string;
  point_id?: number;
  name?: string;
  distance_m?: number;
  starts_at?: string;
  ends_at?: string;
  activities?: string[];
  services?: string[];
  open_now?: boolean | null;
  channel?: string;
  url?: string;
  requirements?: string[];
}
interface OptionsBody { from: { lat: number; lng: number; village_code: string | null }; options: Option[] }

async function options(t: TestApp, query: string): Promise<OptionsBody> {
  const res = await t.app.request(`/api/options?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as OptionsBody;
}

const DAY_MS = 86_400_000;
const BUNUTIN_BANGLI = '51.06.02.2001';

describe('GET /api/options on the shipped data', () => {
  let t: TestApp;
  beforeAll(() => {
    t = makeTestApp();
  });

  it('answers only the online channels when no place registers and no visit is planned (the honest day-one answer)', async () => {
    const body = await options(t, 'lat=-8.51&lng=115.34');
    expect(body.options.map((o) => o.kind)).toEqual(['online', 'online']);
    expect(body.options[0]).toEqual({
      kind: 'online', channel: 'jmo', url: 'https://play.google.com/store/apps/details?id=com.bpjstku',
      requirements: ['NIK (KTP)', 'email aktif', 'nomor HP'], requirement_ids: ['nik', 'email', 'phone'],
    });
    expect(body.options[1].channel).toBe('web');
  });

  it('locates the village from lat/lng when village_code is not given, and echoes a given one', async () => {
    const v = t.services.villages.get(BUNUTIN_BANGLI)!;
    const located = await options(t, `lat=${v.interior[1]}&lng=${v.interior[0]}`);
    expect(located.from).toEqual({ lat: v.interior[1], lng: v.interior[0], village_code: BUNUTIN_BANGLI });
    const given = await options(t, `lat=${v.interior[1]}&lng=${v.interior[0]}&village_code=51.06.04.2001`);
    expect(given.from.village_code).toBe('51.06.04.2001');
    const outside = await options(t, 'lat=-6.2&lng=106.8');
    expect(outside.from.village_code).toBeNull();
  });

  it('lists a registration visit at the Bunutin (Kec. Bangli) village office first, with its WITA times, then the online channels', async () => {
    const office = villageOfficeId(t, BUNUTIN_BANGLI);
    const created = t.services.visits.create(
      { point_id: office, title: 'Pendaftaran BPU', activities: ['sosialisasi', 'pendaftaran'], starts_at: wita('2026-12-07', '09:00'), ends_at: wita('2026-12-07', '12:00') },
      null,
    );
    const v = t.services.villages.get(BUNUTIN_BANGLI)!;
    const body = await options(t, `lat=${v.interior[1]}&lng=${v.interior[0]}&village_code=${BUNUTIN_BANGLI}`);
    expect(body.options[0]).toMatchObject({
      kind: 'visit', visit_id: created.id, point_id: office, name: 'Kantor Perbekel Bunutin', distance_m: 0,
      starts_at: '2026-12-07T09:00:00+08:00', ends_at: '2026-12-07T12:00:00+08:00', activities: ['sosialisasi', 'pendaftaran'],
    });
    expect(body.options.slice(1).map((o) => o.kind)).toEqual(['online', 'online']);
    t.services.visits.cancel(created.id);
  });

  it('leaves out a visit at a place that was retired since, and a visit without pendaftaran', async () => {
    const v = t.services.villages.get('51.06.04.2004')!;
    const office = villageOfficeId(t, '51.06.04.2004');
    const at = (activities: ('sosialisasi' | 'pendaftaran')[]) => t.services.visits.create(
      { point_id: office, title: 'Kunjungan', activities, starts_at: wita('2026-11-30', '09:00'), ends_at: wita('2026-11-30', '11:00') },
      null,
    ).id;
    const registering = at(['pendaftaran']);
    at(['sosialisasi']);
    const before = await options(t, `lat=${v.interior[1]}&lng=${v.interior[0]}`);
    expect(before.options.filter((o) => o.kind === 'visit').map((o) => o.visit_id)).toEqual([registering]);
    t.services.pointEdits.retire(SYSTEM_ACTOR, office);
    const after = await options(t, `lat=${v.interior[1]}&lng=${v.interior[0]}`);
    expect(after.options.filter((o) => o.kind === 'visit')).toEqual([]);
  });
});

describe('GET /api/options against brute force over random points and visits', () => {
  // Many, some and few registration points, so that visits win some places in the ranking too.
  const fixtures = [{ seed: 1, points: 60 }, { seed: 2, points: 20 }, { seed: 3, points: 6 }];
  for (const { seed, points } of fixtures) {
    it(`returns exactly the best visits and points by the documented rule (fixture seed ${seed}, ${points} made-up points)`, async () => {
      const t = makeTestApp();
      const rand = seededRandom(seed);
      const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
      const serviceSets: Service[][] = [['registration'], ['registration', 'card_printing'], ['information'], ['payment', 'registration']];
      const statuses: PointStatus[] = ['active', 'active', 'active', 'temporarily_closed', 'retired'];
      for (let i = 0; i < points; i++) {
        addPoint(t, { name: `Loket acak ${i}`, position: randomBangliPoint(rand), services: pick(serviceSets), status: pick(statuses) });
      }
      // Visits at the seeded village offices (active): every status, activity mix and time, some already over.
      const offices = t.services.pointStore.listAll().filter((p) => p.type === 'village_office');
      const activitySets: Activity[][] = [['pendaftaran'], ['sosialisasi'], ['sosialisasi', 'pendaftaran'], ['klaim', 'konsultasi']];
      for (let i = 0; i < 80; i++) {
        const start = TEST_NOW.getTime() + (rand() * 80 - 3) * DAY_MS;
        const hours = 1 + Math.floor(rand() * 6);
        const created = t.services.visits.create(
          {
            point_id: pick(offices).id, title: `Kunjungan ${i}`, activities: pick(activitySets),
            starts_at: new Date(start).toISOString(), ends_at: new Date(start + hours * 3_600_000).toISOString(),
            status: rand() < 0.15 ? 'draft' : 'scheduled',
          },
          null,
        );
        if (rand() < 0.1) t.services.visits.cancel(created.id);
      }

      // The oracle reads the points table and the planners' visit list, and measures with turf.
      const pointRows = t.db.prepare('SELECT id, lng, lat, services, status FROM points').all() as { id: number; lng: number; lat: number; services: string; status: string }[];
      const planned = t.services.visits.list({ from: '2026-11-01', to: '2027-03-01', limit: 1e9, include_cancelled: true }, true).visits;

      const mixes = new Set<string>();
      for (let q = 0; q < 6; q++) {
        const from = randomBangliPoint(rand);
        const maxKm = pick([3, 8, 25]);
        const days = pick([0, 7, 30, 60]);
        const limit = pick([1, 5, 10, 50]);
        const expected: { id: string; cost: number; distance: number }[] = [];
        for (const p of pointRows) {
          if (p.status !== 'active' || !JSON.parse(p.services).includes('registration')) continue;
          const d = turfMetres(from, [p.lng, p.lat]);
          if (d <= maxKm * 1000) expected.push({ id: `p${p.id}`, cost: d, distance: d });
        }
        for (const v of planned) {
          const s = Date.parse(v.starts_at);
          const e = Date.parse(v.ends_at);
          if (v.status !== 'scheduled' || !v.activities.includes('pendaftaran')) continue;
          if (e <= TEST_NOW.getTime() || s >= TEST_NOW.getTime() + days * DAY_MS) continue;
          const d = turfMetres(from, v.position!);
          if (d > maxKm * 1000) continue;
          // The documented rule: 1 km per day of waiting until the visit starts.
          expected.push({ id: v.id, cost: d + 1000 * Math.max(0, (s - TEST_NOW.getTime()) / DAY_MS), distance: d });
        }
        expected.sort((a, b) => a.cost - b.cost);
        const body = await options(t, `lat=${from[1]}&lng=${from[0]}&max_km=${maxKm}&days=${days}&limit=${limit}`);
        const places = body.options.filter((o) => o.kind !== 'online');
        expect(body.options.slice(places.length).every((o) => o.kind === 'online')).toBe(true);
        expect(places.map((o) => (o.kind === 'visit' ? o.visit_id : `p${o.point_id}`))).toEqual(expected.slice(0, limit).map((e) => e.id));
        places.forEach((o, i) => expect(Math.abs(o.distance_m! - expected[i].distance)).toBeLessThanOrEqual(0.06));
        // The phone's offline answer (the same pure code over every cached point and visit) agrees with the server's.
        const onPhone = registrationOptions(
          { from, now: TEST_NOW, days, maxKm, limit },
          t.services.finder.inBbox([115, -9, 116, -8], undefined, { limit: 5000, afterId: 0 }).collection.features.map((f) => ({
            id: f.id, name: f.properties.name, village_code: f.properties.village_code, position: f.geometry.coordinates,
            status: f.properties.status, services: f.properties.services, open_now: (f.properties.open_now as boolean | null) ?? null,
          })),
          t.services.visits.list({ limit: 1e9 }, false).visits,
        );
        expect(onPhone).toEqual(places);
        mixes.add(places.map((o) => o.kind).join());
      }
      // The fixture is not trivial: some answers hold visits, some points.
      expect([...mixes].some((m) => m.includes('visit'))).toBe(true);
      expect([...mixes].some((m) => m.includes('point'))).toBe(true);
    });
  }
});

describe('GET /api/options in the OpenAPI document', () => {
  it('documents its query parameters and the ordering rule', async () => {
    const t = makeTestApp();
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, { get: { description: string; parameters: { name: string }[] } }> };
    const op = doc.paths['/api/options'].get;
    expect(op.parameters.map((p) => p.name).sort()).toEqual(['days', 'lat', 'limit', 'lng', 'max_km', 'village_code']);
    expect(op.description).toContain('1000 m per day');
  });
});

describe('GET /api/options bad input', () => {
  let t: TestApp;
  beforeAll(() => {
    t = makeTestApp();
  });
  const cases: [string, string, string][] = [
    ['lng=115.3', 'lat', 'missing lat'],
    ['lat=-8.5', 'lng', 'missing lng'],
    ['lat=abc&lng=115.3', 'lat', 'lat not a number'],
    ['lat=91&lng=115.3', 'lat', 'lat beyond 90'],
    ['lat=-8.5&lat=-8.6&lng=115.3', 'lat', 'lat given twice'],
    ['lat=-8.5&lng=181', 'lng', 'lng beyond 180'],
    ['lat=-8.5&lng=0x10', 'lng', 'lng in hex'],
    ['lat=-8.5&lng=115.3&limit=0', 'limit', 'limit 0'],
    ['lat=-8.5&lng=115.3&limit=51', 'limit', 'limit over 50'],
    ['lat=-8.5&lng=115.3&limit=2.5', 'limit', 'limit not whole'],
    ['lat=-8.5&lng=115.3&days=-1', 'days', 'negative days'],
    ['lat=-8.5&lng=115.3&days=366', 'days', 'days over 365'],
    ['lat=-8.5&lng=115.3&max_km=101', 'max_km', 'max_km over 100'],
    ['lat=-8.5&lng=115.3&max_km=-1', 'max_km', 'negative max_km'],
    ['lat=-8.5&lng=115.3&max_km=', 'max_km', 'empty max_km'],
    ['lat=-8.5&lng=115.3&village_code=bunutin', 'village_code', 'village_code not a code'],
    ['lat=-8.5&lng=115.3&village_code=51.06.02.9999', 'village_code', 'unknown village_code'],
  ];
  for (const [query, field, what] of cases) {
    it(`answers 400 naming ${field} with a registered code (${what})`, async () => {
      const res = await t.app.request(`/api/options?${query}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; field: string; params: Record<string, unknown>; message: string } };
      expect(body.error.field).toBe(field);
      expect(ALL_CODES).toContain(body.error.code);
      expect(body.error.message).toMatch(new RegExp(field));
    });
  }

  it('says which village code is unknown, with its own code', async () => {
    const res = await t.app.request('/api/options?lat=-8.5&lng=115.3&village_code=51.06.02.9999');
    expect((await res.json()).error).toMatchObject({ code: 'unknown_village', field: 'village_code', params: { got: '51.06.02.9999' } });
  });
});
