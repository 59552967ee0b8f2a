import { beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, TEST_NOW, type TestApp } from '../helpers/app.js';
import { upload } from './importHelpers.js';

let t: TestApp;
let cookie: string;
let email: string;
beforeEach(async () => {
  t = makeTestApp();
  ({ cookie, email } = await loginAs(t, 'staff'));
});

const send = (method: string, path: string, body?: unknown) => t.app.request(path, jsonRequest(method, body, cookie));
/** A spot in Desa Bunutin's fields, a few hundred metres from every seeded point (made up for the test). */
const FIX = { lat: -8.4512, lng: 115.3541 };
const pointOf = (id: number) => t.services.pointStore.get(id)!;
/** 12 calendar months after TEST_NOW (2026-11-25T02:00Z), counted by hand. */
const A_YEAR_LATER = '2027-11-25T02:00:00.000Z';

describe('POST /api/points/:id/verify with a GPS fix', () => {
  it('moves the pin to the fix, makes it exact, drops the approximation note and records method, time, staff and accuracy', async () => {
    expect(pointOf(2).accuracy).toBe('approximate');
    const res = await send('POST', '/api/points/2/verify', { method: 'gps', ...FIX, accuracy_m: 12 });
    expect(res.status).toBe(200);
    const f = await res.json();
    expect(f.geometry.coordinates).toEqual([FIX.lng, FIX.lat]);
    expect(f.properties).toMatchObject({
      accuracy: 'exact', location_note: null, verified_at: TEST_NOW.toISOString(), verified_until: A_YEAR_LATER,
      verification: { method: 'gps', at: TEST_NOW.toISOString(), accuracy_m: 12 },
    });
    // The stored record names the staff member; the public answer does not.
    expect(pointOf(2).verification).toEqual({ method: 'gps', at: TEST_NOW.toISOString(), by: email, accuracy_m: 12 });
    const pub = await (await t.app.request('/api/points/2')).json();
    expect(pub.properties.verification).toEqual({ method: 'gps', at: TEST_NOW.toISOString(), accuracy_m: 12 });
    expect(JSON.stringify(pub)).not.toContain(email);
    expect(pub.properties.village_code).toBe(t.services.villages.codeAt([FIX.lng, FIX.lat]));
  });

  it('accepts a fix of exactly 50 m and refuses 50.5 m with 422 naming accuracy_m, changing nothing', async () => {
    expect((await send('POST', '/api/points/3/verify', { method: 'gps', ...FIX, accuracy_m: 50 })).status).toBe(200);
    const before = pointOf(4);
    const res = await send('POST', '/api/points/4/verify', { method: 'gps', ...FIX, accuracy_m: 50.5 });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'gps_fix_too_coarse', field: 'accuracy_m', params: { max_m: 50, got: 50.5 } });
    expect(pointOf(4)).toEqual(before);
  });

  it('answers 422 naming the missing field when gps comes without accuracy_m or lat', async () => {
    const noAcc = await send('POST', '/api/points/3/verify', { method: 'gps', ...FIX });
    expect(noAcc.status).toBe(422);
    expect((await noAcc.json()).error).toMatchObject({ code: 'verify_field_missing', field: 'accuracy_m' });
    const noLat = await send('POST', '/api/points/3/verify', { method: 'gps', lng: FIX.lng, accuracy_m: 5 });
    expect((await noLat.json()).error).toMatchObject({ code: 'verify_field_missing', field: 'lat' });
  });

  it('answers 400 naming method for an unknown method or "import", which only an import may record', async () => {
    for (const method of ['on_site', 'import']) {
      const res = await send('POST', '/api/points/3/verify', { method, ...FIX, accuracy_m: 5 });
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe('method');
    }
  });

  it('answers 400 naming lat for a fix outside the service region', async () => {
    const res = await send('POST', '/api/points/3/verify', { method: 'gps', lat: 51.5, lng: -0.12, accuracy_m: 5 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toMatch(/^(lat|lng)$/);
  });
});

describe('POST /api/points/:id/verify office_confirmed', () => {
  it('renews verified_until without touching the position or its accuracy', async () => {
    const before = pointOf(3);
    const f = await (await send('POST', '/api/points/3/verify', { method: 'office_confirmed' })).json();
    expect(f.geometry.coordinates).toEqual(before.position);
    expect(f.properties.accuracy).toBe('approximate');
    expect(f.properties.location_note).toBe(before.location_note);
    expect(f.properties.verified_until).toBe(A_YEAR_LATER);
    expect(f.properties.verification).toEqual({ method: 'office_confirmed', at: TEST_NOW.toISOString(), accuracy_m: null });
  });

  it('keeps an exact point exact and unmoved when renewed by phone', async () => {
    await send('POST', '/api/points/3/verify', { method: 'gps', ...FIX, accuracy_m: 9 });
    t.setNow(new Date('2027-06-01T03:00:00Z'));
    ({ cookie } = await loginAs(t, 'staff'));
    const f = await (await send('POST', '/api/points/3/verify', { method: 'office_confirmed' })).json();
    expect(f.geometry.coordinates).toEqual([FIX.lng, FIX.lat]);
    expect(f.properties.accuracy).toBe('exact');
    expect(f.properties.verified_until).toBe('2028-06-01T03:00:00.000Z');
  });

  it('answers 422 naming lat when office_confirmed tries to move the pin', async () => {
    const res = await send('POST', '/api/points/3/verify', { method: 'office_confirmed', ...FIX });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'verify_field_not_allowed', field: 'lat' });
  });
});

describe('POST /api/points/:id/verify pin_on_tiles', () => {
  it('answers 422 naming method when the deployment has no TILE_URL', async () => {
    const res = await send('POST', '/api/points/3/verify', { method: 'pin_on_tiles', ...FIX });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'no_street_map', field: 'method' });
    expect(pointOf(3).accuracy).toBe('approximate');
  });

  it('moves the pin and makes it exact when the map has street tiles', async () => {
    t = makeTestApp({ config: { tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png' } });
    ({ cookie } = await loginAs(t, 'staff'));
    const f = await (await send('POST', '/api/points/3/verify', { method: 'pin_on_tiles', ...FIX })).json();
    expect(f.properties).toMatchObject({ accuracy: 'exact', verification: { method: 'pin_on_tiles', accuracy_m: null } });
    expect(f.geometry.coordinates).toEqual([FIX.lng, FIX.lat]);
  });
});

describe('claiming accuracy "exact" without a check', () => {
  it('refuses to mark an unmoved placeholder pin exact with PATCH: 422 naming accuracy', async () => {
    const before = pointOf(2);
    const res = await send('PATCH', '/api/points/2', { accuracy: 'exact' });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'exact_needs_check', field: 'accuracy', params: { max_m: 50 } });
    expect(pointOf(2)).toEqual(before);
  });

  it('refuses a pin moved by typed coordinates and called exact', async () => {
    const res = await send('PATCH', '/api/points/2', { ...FIX, accuracy: 'exact' });
    expect(res.status).toBe(422);
    expect((await res.json()).error.field).toBe('accuracy');
  });

  it('refuses a new point created as exact', async () => {
    const res = await send('POST', '/api/points', { name: 'Balai Banjar Uji', type: 'community_hall', lat: -8.4101, lng: 115.3702, accuracy: 'exact' });
    expect(res.status).toBe(422);
    expect((await res.json()).error.field).toBe('accuracy');
  });

  it('lets the form re-send "exact" for a point that a GPS check made exact, and makes a hand-moved exact pin approximate', async () => {
    await send('POST', '/api/points/2/verify', { method: 'gps', ...FIX, accuracy_m: 7 });
    expect((await send('PATCH', '/api/points/2', { accuracy: 'exact', notes: 'Pintu masuk di timur' })).status).toBe(200);
    const moved = await (await send('PATCH', '/api/points/2', { lat: FIX.lat + 0.001, lng: FIX.lng })).json();
    expect(moved.properties.accuracy).toBe('approximate');
  });

  it('records an import that states exact coordinates as verified by import', async () => {
    const csv = 'name,type,lat,lng,accuracy\nBalai Banjar Impor,community_hall,-8.4101,115.3702,exact\n';
    const res = await t.app.request('/api/import', upload(csv, 'text/csv', cookie));
    expect(res.status).toBe(200);
    const created = t.services.pointStore.listAll().find((p) => p.name === 'Balai Banjar Impor')!;
    expect(created.accuracy).toBe('exact');
    expect(created.verification).toMatchObject({ method: 'import', at: TEST_NOW.toISOString(), by: email, accuracy_m: null });
    expect(created.verified_until).toBe(A_YEAR_LATER);
  });
});
