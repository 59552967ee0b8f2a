import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { makeTestApp } from '../helpers/app.js';
import { addTestPoint } from '../api/visitsFixtures.js';
import { entriesToColumns, NearestIndex } from '../../server/domain/geo/nearestIndex.js';

/** Columns sorted by id, as plain rows, to compare two column sets regardless of scan order. */
function rowsById(c: ReturnType<typeof entriesToColumns>): number[][] {
  return [...c.ids.keys()].sort((a, b) => c.ids[a] - c.ids[b]).map((i) => [c.ids[i], c.lng[i], c.lat[i], c.typeBits[i], c.serviceMasks[i]]);
}

describe('fast paths keep the same answers', () => {
  it('reads the nearest-index columns with the same ids, positions, type bits and service masks as the index entries', () => {
    const t = makeTestApp();
    const store = t.services.pointStore;
    const fromEntries = rowsById(entriesToColumns(store.indexEntries()));
    expect(fromEntries.length).toBeGreaterThan(10);
    expect(rowsById(store.indexColumns())).toEqual(fromEntries);
  });

  it('answers nearest queries identically from columns and from entries', () => {
    const t = makeTestApp();
    const store = t.services.pointStore;
    const a = new NearestIndex(store.indexEntries());
    const b = new NearestIndex(store.indexColumns());
    for (const center of [[115.355, -8.454], [115.3, -8.3], [115.4, -8.2]] as [number, number][]) {
      expect(b.nearest(center, { limit: 7, requireServices: 1 })).toEqual(a.nearest(center, { limit: 7, requireServices: 1 }));
    }
  });

  it('serialises nearest answers to exactly the JSON of the Feature objects, across days, hours and filters', () => {
    const t = makeTestApp();
    // Made-up markets next to the real seed: market-day rules with and without a closing time, and a closed place.
    addTestPoint(t, { name: 'Pasar Uji "Pasah"', market_days: { triwara: ['Pasah'] } });
    addTestPoint(t, { name: 'Pasar Uji Kliwon', position: [115.34, -8.3], market_days: { triwara: ['Kajeng'], pancawara: ['Kliwon'] }, closes: null });
    addTestPoint(t, { name: 'Pasar Uji tutup', position: [115.392, -8.381], status: 'temporarily_closed', market_days: { pancawara: ['Umanis'] } });
    const finder = t.services.finder;
    const centres: [number, number][] = [[115.355, -8.454], [115.33, -8.29], [115.39, -8.38], [115.28, -8.5]];
    let withMarket = 0;
    // Hours across a WITA day (before opening, midday, after market closing), over a full 5-day pancawara cycle twice.
    for (let day = 0; day < 10; day++) {
      for (const hourUtc of [-1, 3, 8, 14]) {
        t.setNow(new Date(Date.UTC(2026, 10, 25 + day, hourUtc, 17)));
        for (const centre of centres) {
          for (const opts of [{ limit: 100 }, { limit: 10, types: ['market' as const] }, { limit: 5, service: ['registration' as const] }, { limit: 20, maxKm: 3 }]) {
            const objects = finder.nearest(centre, opts);
            withMarket += objects.features.filter((f) => f.properties.next_market_day !== null).length;
            expect(finder.nearestJson(centre, opts)).toBe(JSON.stringify(objects));
          }
        }
      }
    }
    expect(withMarket).toBeGreaterThan(0); // the real seed has markets, so market-day fields were compared too
  });

  it('marks compressible API answers Vary: Accept-Encoding whether or not the client accepts gzip, and gzips only when asked', async () => {
    const t = makeTestApp();
    const path = '/api/points/nearest?lat=-8.454&lng=115.355&limit=20';
    const plain = await t.app.request(path);
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await plain.text();
    const gz = await t.app.request(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(body);
    const identity = await t.app.request(path, { headers: { 'Accept-Encoding': 'identity' } });
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(await identity.text()).toBe(body);
  });
});
