import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app.js';
import { haversineM } from '../../server/domain/geo/distance.js';

const t = makeTestApp();
const get = async (url: string) => {
  const res = await t.app.request(url);
  return { status: res.status, body: await res.json() };
};

// Bunutin (Kecamatan Bangli): its interior point, as a worker picking the village would send it.
const BUNUTIN = t.services.villages.list.find((v) => v.name === 'Bunutin')!;
const [lng, lat] = BUNUTIN.interior;

describe('GET /api/points/nearest', () => {
  it('returns a GeoJSON FeatureCollection sorted by great-circle distance', async () => {
    const { status, body } = await get(`/api/points/nearest?lat=${lat}&lng=${lng}&limit=10`);
    expect(status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(10);
    const d = body.features.map((f: any) => f.properties.distance_m);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    for (const f of body.features) {
      expect(f.type).toBe('Feature');
      expect(typeof f.id).toBe('number');
      expect(f.geometry.type).toBe('Point');
      expect(f.properties.distance_m).toBeCloseTo(haversineM([lng, lat], f.geometry.coordinates), 0);
      for (const k of ['name', 'type', 'services', 'accuracy', 'village_code', 'status', 'distance_m']) expect(f.properties).toHaveProperty(k);
    }
  });

  it("puts the village's own office first, marked approximate, when searching from the village", async () => {
    const { body } = await get(`/api/points/nearest?lat=${lat}&lng=${lng}&limit=3`);
    const first = body.features[0];
    expect(first.properties.name).toBe('Kantor Perbekel Bunutin');
    expect(first.properties.distance_m).toBe(0);
    expect(first.properties.accuracy).toBe('approximate');
    expect(first.properties.village_code).toBe(BUNUTIN.code);
    expect(first.properties.location_note).toMatch(/bukan letak kantor/);
  });

  it('filters by type and by service, and caps the search with max_km', async () => {
    const markets = (await get(`/api/points/nearest?lat=${lat}&lng=${lng}&type=market`)).body.features;
    expect(markets.length).toBeGreaterThan(0);
    expect(markets.every((f: any) => f.properties.type === 'market')).toBe(true);
    const info = (await get(`/api/points/nearest?lat=${lat}&lng=${lng}&service=information&limit=100`)).body.features;
    expect(info.every((f: any) => f.properties.services.includes('information'))).toBe(true);
    const near = (await get(`/api/points/nearest?lat=${lat}&lng=${lng}&limit=100&max_km=3`)).body.features;
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((f: any) => f.properties.distance_m <= 3000)).toBe(true);
    const all = (await get(`/api/points/nearest?lat=${lat}&lng=${lng}&limit=100`)).body.features;
    expect(near.length).toBe(all.filter((f: any) => f.properties.distance_m <= 3000).length);
  });

  it('never returns retired points', async () => {
    const tt = makeTestApp();
    const office = tt.services.pointStore.listVisible().find((p) => p.village_code === BUNUTIN.code)!;
    tt.services.pointStore.update(office.id, { ...office, status: 'retired' }, new Date().toISOString());
    const body = await (await tt.app.request(`/api/points/nearest?lat=${lat}&lng=${lng}&limit=100`)).json();
    expect(body.features.map((f: any) => f.id)).not.toContain(office.id);
    expect((await tt.app.request(`/api/points/${office.id}`)).status).toBe(404);
  });

  const bad: [string, string, RegExp][] = [
    ['missing lat', `lng=${lng}`, /lat is required/],
    ['empty lat', `lat=&lng=${lng}`, /lat must be a number/],
    ['NaN', `lat=NaN&lng=${lng}`, /lat must be a number/],
    ['lat out of range', `lat=91&lng=${lng}`, /between -90 and 90/],
    ['lng out of range', `lat=${lat}&lng=181`, /between -180 and 180/],
    ['1e400', `lat=1e400&lng=${lng}`, /lat must be a number/],
    ['hex', `lat=0x10&lng=${lng}`, /lat must be a number/],
    ['comma decimal', `lat=-8,4&lng=${lng}`, /lat must be a number/],
    ['repeated lat', `lat=1&lat=2&lng=${lng}`, /given once/],
    ['limit 0', `lat=${lat}&lng=${lng}&limit=0`, /limit must be a whole number from 1 to 100/],
    ['limit 101', `lat=${lat}&lng=${lng}&limit=101`, /limit/],
    ['limit 2.5', `lat=${lat}&lng=${lng}&limit=2.5`, /limit/],
    ['unknown type', `lat=${lat}&lng=${lng}&type=castle`, /unknown value "castle"/],
    ['unknown service', `lat=${lat}&lng=${lng}&service=massage`, /service has unknown value/],
    ['absurd length', `lat=${'1'.repeat(5000)}&lng=${lng}`, /lat must be a number/],
    ['negative max_km', `lat=${lat}&lng=${lng}&max_km=-1`, /max_km/],
  ];
  for (const [name, query, message] of bad) {
    it(`answers 400 naming the field for ${name}`, async () => {
      const { status, body } = await get(`/api/points/nearest?${query}`);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(message);
      expect(typeof body.error.field).toBe('string');
      expect(body.error.message).toContain(body.error.field);
    });
  }
});

describe('GET /api/points?bbox', () => {
  it('returns the active points inside the box and nothing outside', async () => {
    const box = [115.33, -8.47, 115.38, -8.42];
    const { status, body } = await get(`/api/points?bbox=${box.join(',')}`);
    expect(status).toBe(200);
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) {
      const [x, y] = f.geometry.coordinates;
      expect(x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]).toBe(true);
    }
    const everything = t.services.pointStore.listVisible();
    const inside = everything.filter(({ position: [x, y] }) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]);
    expect(body.features.map((f: any) => f.id).sort()).toEqual(inside.map((p) => p.id).sort());
  });

  for (const bbox of ['1,2,3', 'a,b,c,d', '115,-8,114,-7', '115,-91,116,-8', '', '1,2,3,4,5']) {
    it(`answers 400 for the malformed bbox "${bbox}"`, async () => {
      const { status, body } = await get(`/api/points?bbox=${bbox}`);
      expect(status).toBe(400);
      expect(body.error.field).toBe('bbox');
    });
  }
});

describe('GET /api/points/:id', () => {
  it('returns one Feature, and 404 for an unknown id, 400 for a malformed one', async () => {
    const id = t.services.pointStore.listVisible()[0].id;
    const ok = await get(`/api/points/${id}`);
    expect(ok.status).toBe(200);
    expect(ok.body.id).toBe(id);
    expect((await get('/api/points/999999')).status).toBe(404);
    const bad = await get('/api/points/-3');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('id');
  });
});

describe('GET /api/villages', () => {
  it('lists the 72 villages with boundary geometry and interior points', async () => {
    const { body } = await get('/api/villages');
    expect(body.features).toHaveLength(72);
    const districts = new Set(body.features.map((f: any) => f.properties.district_name));
    expect([...districts].sort()).toEqual(['Bangli', 'Kintamani', 'Susut', 'Tembuku']);
    for (const f of body.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      for (const k of ['code', 'name', 'district_code', 'district_name', 'interior_lat', 'interior_lng']) expect(f.properties).toHaveProperty(k);
    }
  });

  it('locates the village containing a point and answers 404 outside Bangli', async () => {
    const inside = await get(`/api/villages/locate?lat=${lat}&lng=${lng}`);
    expect(inside.status).toBe(200);
    expect(inside.body.properties.name).toBe('Bunutin');
    expect((await get('/api/villages/locate?lat=-8.65&lng=115.2167')).status).toBe(404);
    expect((await get('/api/villages/locate?lat=abc&lng=115')).body.error.field).toBe('lat');
  });
});

describe('seed', () => {
  it('creates one approximate village office per village and only markets with a stated anchor', () => {
    const points = t.services.pointStore.listVisible();
    const offices = points.filter((p) => p.type === 'village_office');
    expect(offices).toHaveLength(72);
    expect(new Set(offices.map((p) => p.village_code)).size).toBe(72);
    expect(offices.every((p) => p.accuracy === 'approximate')).toBe(true);
    const markets = points.filter((p) => p.type === 'market');
    expect(markets.map((m) => m.name)).toEqual(['Pasar Kidul Bangli']);
    expect(markets[0].accuracy).toBe('approximate');
  });
});

describe('GET /api/openapi.json and /api/docs', () => {
  it('documents the finder routes in OpenAPI 3.1 and renders a readable page', async () => {
    const { body } = await get('/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    for (const p of ['/api/points/nearest', '/api/points', '/api/points/{id}', '/api/villages', '/api/villages/locate', '/api/health']) {
      expect(Object.keys(body.paths)).toContain(p);
    }
    const html = await (await t.app.request('/api/docs')).text();
    expect(html).toContain('/api/points/nearest');
  });
});
