import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { snapshot, upload } from './importHelpers.js';

let t: TestApp;
let cookie: string;
beforeEach(async () => {
  t = makeTestApp();
  ({ cookie } = await loginAs(t, 'staff'));
});

const post = (doc: unknown, type: string, query = '') => t.app.request(`/api/import${query}`, upload(JSON.stringify(doc), type, cookie));

const feature = (lng: number, lat: number, properties: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties });

describe('POST /api/import (GeoJSON)', () => {
  it('imports a FeatureCollection of Points with the CSV columns as properties, coordinates [lng, lat]', async () => {
    const doc = {
      type: 'FeatureCollection',
      features: [
        feature(115.3702, -8.4101, { name: 'Balai Contoh', type: 'community_hall', external_id: 'gj:1', services: ['registration'], accuracy: 'exact', other_tool_field: 42 }),
        feature(115.3501, -8.3001, { name: 'Pasar Contoh', type: 'market', external_id: 'gj:2', services: 'information;payment' }),
      ],
    };
    const res = await post(doc, 'application/geo+json');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 2, updated: 0, errors: [], format: 'geojson' });
    expect(t.services.pointStore.getByExternalId('gj:1')).toMatchObject({ position: [115.3702, -8.4101], services: ['registration'], accuracy: 'exact' });
    expect(t.services.pointStore.getByExternalId('gj:2')!.services).toEqual(['information', 'payment']);
  });

  it('names the 0-based feature index as line for bad features, and writes nothing', async () => {
    const doc = {
      type: 'FeatureCollection',
      features: [
        feature(115.3702, -8.4101, { name: 'Balai Contoh', type: 'community_hall' }),
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[115.3, -8.3], [115.31, -8.31]] }, properties: { name: 'Jalan', type: 'other' } },
        feature(115.3501, -8.3001, { name: 'P', type: 'market' }),
      ],
    };
    const before = snapshot(t);
    const res = await post(doc, 'application/json');
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [1, 'geometry'],
      [2, 'name'],
    ]);
    expect(snapshot(t)).toEqual(before);
  });

  it('answers JSON that is neither GeoJSON nor Overpass with 400 naming the body', async () => {
    const res = await post({ points: [] }, 'application/json');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ field: 'body', message: expect.stringMatching(/FeatureCollection/) });
  });
});

describe('POST /api/import (OSM Overpass JSON)', () => {
  const overpass = JSON.parse(readFileSync(new URL('../fixtures/overpass-sample.json', import.meta.url), 'utf8'));

  it('maps OSM tags to point types, uses node positions and way/relation centres, and skips the rest', async () => {
    const res = await post(overpass, 'application/json');
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ created: 7, updated: 0, errors: [], format: 'overpass' });
    expect(report.skipped.map((s: { line: number }) => s.line)).toEqual([7, 8]); // nameless marketplace, a cafe
    const p = (ref: string) => t.services.pointStore.getByExternalId(`osm:${ref}`)!;
    expect(p('node/900001')).toMatchObject({
      type: 'market', position: [115.3551, -8.4412], accuracy: 'exact', source: 'OpenStreetMap (ODbL)', address: 'Jalan Contoh 7, Bangli',
    });
    expect(p('way/900002')).toMatchObject({ type: 'community_hall', position: [115.3422, -8.3211], phone: '+62366555123' });
    expect(p('node/900003').type).toBe('village_office'); // admin_level 8
    expect(p('node/900004').type).toBe('district_office'); // "Camat" in the name
    expect(p('relation/900005')).toMatchObject({ type: 'district_office', position: [115.3306, -8.2305] }); // admin_level 7
    expect(p('node/900006').type).toBe('village_office'); // "Perbekel" in the name
    expect(p('node/900007').type).toBe('other'); // a government office that is neither
  });

  it('updates the same places when the answer is imported again', async () => {
    await post(overpass, 'application/json');
    const count = t.services.pointStore.count();
    const again = await (await post(overpass, 'application/json')).json();
    expect(again).toMatchObject({ created: 0, updated: 7, unchanged: 7 });
    expect(t.services.pointStore.count()).toBe(count);
  });

  it('asks for "out center;" when a way has no centre', async () => {
    const doc = { elements: [{ type: 'way', id: 1, nodes: [1, 2], tags: { amenity: 'marketplace', name: 'Pasar Tanpa Titik' } }] };
    const report = await (await post(doc, 'application/json', '?dry_run=true')).json();
    expect(report.errors).toEqual([{ line: 0, field: 'center', code: 'import_osm_no_position', params: {}, message: expect.stringMatching(/out center;/) }]);
  });
});
