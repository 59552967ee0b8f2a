import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { snapshot, upload } from './importHelpers.js';

let t: TestApp;
let cookie: string;
beforeEach(async () => {
  t = makeTestApp();
  ({ cookie } = await loginAs(t, 'staff'));
  // Points with every import column filled, one without external_id, one retired.
  const csv = [
    'name,type,lat,lng,external_id,address,phone,whatsapp,services,accuracy,notes',
    'Balai "Contoh", Satu,community_hall,-8.410123456789,115.370234567891,test:hall,"Banjar Contoh, Desa Contoh",(0366) 91234,0812-3456-7890,registration;claims,exact,"catatan\ndua baris"',
    'Titik Tanpa Kunci,other,-8.3502,115.4003,,,,,,,',
    'Akan Ditutup,market,-8.3001,115.3501,test:retired,,,,,,',
  ].map((l) => (l.startsWith('Balai') ? `"Balai ""Contoh"", Satu"${l.slice('Balai "Contoh", Satu'.length)}` : l)).join('\n');
  const res = await t.app.request('/api/import', upload(csv, 'text/csv', cookie));
  if (res.status !== 200) throw new Error(await res.text());
  const retired = t.services.pointStore.getByExternalId('test:retired')!;
  t.services.pointEdits.retire({ id: null, email: 'test' }, retired.id);
});

describe('GET /api/points.csv', () => {
  it('is a CSV attachment of every public point with the import columns plus id', async () => {
    const res = await t.app.request('/api/points.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['id', 'external_id', 'name', 'type', 'lat', 'lng', 'address', 'phone', 'whatsapp', 'services', 'accuracy', 'notes']);
    const visible = t.services.pointStore.listVisible();
    expect(rows.map((r) => Number(r.id))).toEqual(visible.map((p) => p.id));
    expect(rows.some((r) => r.external_id === 'test:retired')).toBe(false);
    expect(rows.find((r) => r.external_id === 'test:hall')).toMatchObject({
      name: 'Balai "Contoh", Satu', lat: '-8.410123456789', lng: '115.370234567891', services: 'registration;claims', notes: 'catatan\ndua baris',
    });
  });

  it('round-trips: importing the export updates every row, creates none and changes no stored value', async () => {
    const exported = await (await t.app.request('/api/points.csv')).text();
    const n = t.services.pointStore.listVisible().length;
    const before = snapshot(t);
    const res = await t.app.request('/api/import', upload(exported, 'text/csv', cookie));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 0, updated: n, unchanged: n, errors: [] });
    expect(snapshot(t)).toEqual(before);
    expect(await (await t.app.request('/api/points.csv')).text()).toBe(exported);
  });
});

describe('GET /api/points.geojson', () => {
  it('is a FeatureCollection of every public point as application/geo+json', async () => {
    const res = await t.app.request('/api/points.geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const fc = await res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { id: number }) => f.id)).toEqual(t.services.pointStore.listVisible().map((p) => p.id));
    const hall = fc.features.find((f: { properties: { external_id: string } }) => f.properties.external_id === 'test:hall');
    expect(hall.geometry.coordinates).toEqual([115.370234567891, -8.410123456789]);
    expect(hall.properties.id).toBe(hall.id);
  });

  it('round-trips through the GeoJSON import as well', async () => {
    const exported = await (await t.app.request('/api/points.geojson')).text();
    const before = snapshot(t);
    const report = await (await t.app.request('/api/import', upload(exported, 'application/geo+json', cookie))).json();
    expect(report).toMatchObject({ created: 0, unchanged: report.updated, errors: [] });
    expect(snapshot(t)).toEqual(before);
  });
});
