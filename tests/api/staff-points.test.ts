import { beforeEach, describe, expect, it } from 'vitest';
import { haversineM } from '../../server/domain/geo/distance.js';
import { jsonRequest, loginAs, makeTestApp, TEST_NOW, type TestApp } from '../helpers/app.js';

let t: TestApp;
let cookie: string;
let email: string;
beforeEach(async () => {
  t = makeTestApp();
  ({ cookie, email } = await loginAs(t, 'staff'));
});

const send = (method: string, path: string, body?: unknown) => t.app.request(path, jsonRequest(method, body, cookie));
const get = (path: string) => t.app.request(path, { headers: { Cookie: cookie } });
/** Somewhere in Kabupaten Bangli, away from every seeded point's 50 m circle. */
const HALL = { name: 'Balai Banjar Uji Coba', type: 'community_hall', lat: -8.4101, lng: 115.3702 };

describe('POST /api/points', () => {
  it('creates a point, derives village_code from the position and answers 201 with the Feature', async () => {
    const res = await send('POST', '/api/points', { ...HALL, phone: '(0366) 91234', whatsapp: '0812-3456-7890', services: ['information', 'registration'] });
    expect(res.status).toBe(201);
    const f = await res.json();
    expect(f.type).toBe('Feature');
    expect(f.geometry.coordinates).toEqual([HALL.lng, HALL.lat]);
    expect(f.properties.village_code).toBe(t.services.villages.codeAt([HALL.lng, HALL.lat]));
    expect(f.properties.village_code).not.toBeNull();
    expect(f.properties.phone).toBe('+6236691234');
    expect(f.properties.whatsapp).toBe('+6281234567890');
    expect(f.properties.services).toEqual(['registration', 'information']);
    expect(f.warnings).toEqual([]);
    const pub = await (await t.app.request(`/api/points/${f.id}`)).json();
    expect(pub.properties.name).toBe(HALL.name);
  });

  it('ignores a village_code sent by the client: it is always derived', async () => {
    const res = await send('POST', '/api/points', { ...HALL, village_code: '51.06.01.2001' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ field: 'village_code', message: expect.stringMatching(/derived/) });
  });

  it.each([
    [{ ...HALL, lat: 91 }, 'lat', /between -90 and 90/],
    [{ ...HALL, lng: '115.37' }, 'lng', /must be a number/],
    [{ ...HALL, lat: 48.85, lng: 2.35 }, 'lat', /outside the service region/],
    [{ ...HALL, lat: 115.3702, lng: -8.4101 }, 'lat', /between -90 and 90.*swapped/],
    [{ ...HALL, lat: -12.46, lng: 130.84 }, 'lat', /outside the service region \(lng 94.7 to 141.1, lat -11.2 to 6.3\)/],
    [{ ...HALL, type: 'warung' }, 'type', /type must be one of village_office, .*market/],
    [{ ...HALL, name: 'A' }, 'name', /2 to 120 characters/],
    [{ ...HALL, name: 'x'.repeat(121) }, 'name', /2 to 120 characters; got 121/],
    [{ type: 'market', lat: -8.4, lng: 115.3 }, 'name', /name is required/],
    [{ ...HALL, phone: '12345' }, 'phone', /Indonesian number/],
    [{ ...HALL, phone: '+1 415 555 0100' }, 'phone', /Indonesian number/],
    [{ ...HALL, whatsapp: '(0366) 91234' }, 'whatsapp', /mobile number/],
    [{ ...HALL, services: ['registration', 'massage'] }, 'services', /unknown service "massage"/],
    [{ ...HALL, accuracy: 'roughly' }, 'accuracy', /exact, approximate/],
    [{ ...HALL, status: 'retired' }, 'status', /DELETE/],
    [{ ...HALL, opens: '5:00', closes: '10:00' }, 'opens', /HH:MM/],
    [{ ...HALL, opens: '05:00' }, 'closes', /give both opens and closes/],
    [{ ...HALL, opens: '11:00', closes: '10:00' }, 'closes', /after opens/],
    [{ ...HALL, market_days: { triwara: ['pasah'] } }, 'market_days', /did you mean "Pasah"/],
    [{ ...HALL, opening_hours: { mon: [{ opens: '08:00', closes: '07:00' }] } }, 'opening_hours.mon', /not before closes/],
    [{ ...HALL, opening_hours: { monday: [] } }, 'opening_hours', /unknown day "monday"/],
    [{ ...HALL, colour: 'red' }, 'colour', /Unknown field "colour"/],
  ])('rejects %j naming the field %s', async (body, field, message) => {
    const before = t.services.pointStore.count();
    const res = await send('POST', '/api/points', body);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(t.services.pointStore.count()).toBe(before);
  });

  it('lists every bad field at once in error.issues', async () => {
    const res = await send('POST', '/api/points', { name: 'A', type: 'x', lat: 100, lng: 115, phone: 'abc' });
    const { error } = await res.json();
    expect(error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['lat', 'name', 'phone', 'type']);
  });

  it('accepts a position elsewhere in Indonesia (the default service region), deriving no Bangli village', async () => {
    const res = await send('POST', '/api/points', { ...HALL, lat: -6.2, lng: 106.8 });
    expect(res.status).toBe(201);
    expect((await res.json()).properties.village_code).toBeNull();
  });

  it('uses the configured service region', async () => {
    const bangliOnly = makeTestApp({ config: { serviceRegion: [115.2, -8.6, 115.5, -8.1] } });
    const staff = await loginAs(bangliOnly, 'staff');
    const res = await bangliOnly.app.request('/api/points', jsonRequest('POST', { ...HALL, lat: -6.2, lng: 106.8 }, staff.cookie));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/outside the service region \(lng 115.2 to 115.5/);
  });

  it('accepts a market with a market-day rule and a window, normalising the rule', async () => {
    const res = await send('POST', '/api/points', { ...HALL, type: 'market', name: 'Pasar Uji', market_days: { pancawara: ['Kliwon', 'Umanis'] }, opens: '05:00', closes: '10:00' });
    expect(res.status).toBe(201);
    const f = await res.json();
    expect(f.properties.market_days).toEqual({ pancawara: ['Umanis', 'Kliwon'] });
    expect([f.properties.opens, f.properties.closes]).toEqual(['05:00', '10:00']);
  });

  it('warns about a likely duplicate (same type within 50 m) but still saves', async () => {
    const first = await (await send('POST', '/api/points', HALL)).json();
    const near = { ...HALL, name: 'Balai Banjar Uji Coba 2', lat: HALL.lat + 0.0002 }; // ~22 m north
    const res = await send('POST', '/api/points', near);
    expect(res.status).toBe(201);
    const second = await res.json();
    expect(second.warnings).toHaveLength(1);
    const w = second.warnings[0];
    expect(w).toMatchObject({ code: 'possible_duplicate', point_id: first.id });
    expect(w.distance_m).toBeCloseTo(haversineM([HALL.lng, HALL.lat], [near.lng, near.lat]), 0);
    expect(w.message).toContain(HALL.name);
    expect(t.services.finder.get(second.id)).toBeDefined();
  });

  it('does not warn for a different type at the same spot, nor for a retired neighbour', async () => {
    const hall = await (await send('POST', '/api/points', HALL)).json();
    const office = await (await send('POST', '/api/points', { ...HALL, name: 'Kantor Uji', type: 'other' })).json();
    expect(office.warnings).toEqual([]);
    await send('DELETE', `/api/points/${hall.id}`);
    const again = await (await send('POST', '/api/points', { ...HALL, name: 'Balai Lain' })).json();
    expect(again.warnings).toEqual([]);
  });

  it('answers 409 naming external_id when another point already has it, and changes nothing', async () => {
    await send('POST', '/api/points', { ...HALL, external_id: 'kab-bangli:balai-1' });
    const before = t.services.pointStore.count();
    const res = await send('POST', '/api/points', { ...HALL, name: 'Lain', lat: -8.3, external_id: 'kab-bangli:balai-1' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.field).toBe('external_id');
    expect(t.services.pointStore.count()).toBe(before);
  });
});

describe('PATCH /api/points/:id', () => {
  it('changes only the fields sent and re-derives village_code when the pin moves', async () => {
    const created = await (await send('POST', '/api/points', { ...HALL, address: 'Jalan Uji' })).json();
    // Move the pin into the village of seeded point 1 (Apuan).
    const apuan = t.services.pointStore.get(1)!;
    const res = await send('PATCH', `/api/points/${created.id}`, { lat: apuan.position[1] + 0.0005, lng: apuan.position[0] });
    expect(res.status).toBe(200);
    const f = await res.json();
    expect(f.properties.address).toBe('Jalan Uji');
    expect(f.properties.name).toBe(HALL.name);
    expect(f.properties.village_code).toBe(apuan.village_code);
  });

  it('moves the point in the nearest index at once', async () => {
    const created = await (await send('POST', '/api/points', HALL)).json();
    const target = [115.2801, -8.3001];
    const before = await (await t.app.request(`/api/points/nearest?lat=${target[1]}&lng=${target[0]}&limit=1`)).json();
    expect(before.features[0].id).not.toBe(created.id);
    await send('PATCH', `/api/points/${created.id}`, { lat: target[1], lng: target[0] });
    const after = await (await t.app.request(`/api/points/nearest?lat=${target[1]}&lng=${target[0]}&limit=1`)).json();
    expect(after.features[0].id).toBe(created.id);
    expect(after.features[0].properties.distance_m).toBeLessThan(1);
  });

  it('clears an optional field with null but refuses to remove a required one', async () => {
    const created = await (await send('POST', '/api/points', { ...HALL, phone: '0366 91234' })).json();
    const cleared = await (await send('PATCH', `/api/points/${created.id}`, { phone: null })).json();
    expect(cleared.properties.phone).toBeNull();
    const res = await send('PATCH', `/api/points/${created.id}`, { name: null });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('name');
  });

  it('adds no history entry when a save changes nothing, and refuses an empty patch', async () => {
    const created = await (await send('POST', '/api/points', HALL)).json();
    const same = await send('PATCH', `/api/points/${created.id}`, { name: HALL.name, lat: HALL.lat, lng: HALL.lng });
    expect(same.status).toBe(200);
    expect(t.services.audit.list({ entity: 'point', entityId: created.id, limit: 10 }).map((e) => e.action)).toEqual(['create']);
    const empty = await send('PATCH', `/api/points/${created.id}`, {});
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.field).toBe('body');
  });

  it('answers 404 for an unknown point and 409 for a retired one', async () => {
    expect((await send('PATCH', '/api/points/999999', { notes: 'x' })).status).toBe(404);
    const created = await (await send('POST', '/api/points', HALL)).json();
    await send('DELETE', `/api/points/${created.id}`);
    const res = await send('PATCH', `/api/points/${created.id}`, { notes: 'x' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/restore/);
  });
});

describe('retire and restore', () => {
  it('hides a retired point from the public, keeps it for staff, and restore brings it back', async () => {
    const p = t.services.pointStore.get(1)!;
    const near = async () => (await t.app.request(`/api/points/nearest?lat=${p.position[1]}&lng=${p.position[0]}&limit=1`)).json();
    expect((await near()).features[0].id).toBe(1);

    const retired = await send('DELETE', '/api/points/1');
    expect(retired.status).toBe(200);
    expect((await retired.json()).properties.status).toBe('retired');
    expect((await near()).features[0].id).not.toBe(1);
    expect((await t.app.request('/api/points/1')).status).toBe(404);
    const staffView = await (await get('/api/staff/points?filter=retired')).json();
    expect(staffView.features.map((f: { id: number }) => f.id)).toContain(1);
    expect((await send('DELETE', '/api/points/1')).status).toBe(409);

    const restored = await send('POST', '/api/points/1/restore', {});
    expect(restored.status).toBe(200);
    expect((await restored.json()).properties.status).toBe('active');
    expect((await near()).features[0].id).toBe(1);
    expect((await send('POST', '/api/points/1/restore', {})).status).toBe(409);
  });
});

// POST /api/points/:id/verify: tests/api/point-verify.test.ts

describe('audit trail of points', () => {
  it('records create, update, verify, retire and restore with before, after and the actor email', async () => {
    const created = await (await send('POST', '/api/points', HALL)).json();
    await send('PATCH', `/api/points/${created.id}`, { name: 'Balai Banjar Diganti' });
    await send('POST', `/api/points/${created.id}/verify`, { method: 'gps', lat: HALL.lat, lng: HALL.lng, accuracy_m: 8 });
    await send('DELETE', `/api/points/${created.id}`);
    await send('POST', `/api/points/${created.id}/restore`, {});

    const { entries } = await (await get(`/api/points/${created.id}/history`)).json();
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['restore', 'retire', 'verify', 'update', 'create']);
    for (const e of entries) expect(e.actor_email).toBe(email);
    const [restore, retire, verify, update, create] = entries;
    expect(create.before).toBeNull();
    expect(create.after.name).toBe(HALL.name);
    expect(update.before.name).toBe(HALL.name);
    expect(update.after.name).toBe('Balai Banjar Diganti');
    expect(verify.before.verified_at).toBeNull();
    expect(verify.after.accuracy).toBe('exact');
    expect([retire.before.status, retire.after.status]).toEqual(['active', 'retired']);
    expect([restore.before.status, restore.after.status]).toEqual(['retired', 'active']);

    const admin = await loginAs(t, 'admin');
    const audit = await (await t.app.request(`/api/audit?entity=point&entity_id=${created.id}&limit=2`, { headers: { Cookie: admin.cookie } })).json();
    expect(audit.entries).toHaveLength(2);
    expect(audit.entries[0]).toMatchObject({ action: 'restore', entity: 'point', entity_id: created.id, actor_email: email });
  });

  it('rejects a bad audit query naming the parameter', async () => {
    const admin = await loginAs(t, 'admin');
    const res = await t.app.request('/api/audit?entity=planet', { headers: { Cookie: admin.cookie } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('entity');
  });
});

describe('a failed write changes nothing', () => {
  it('rolls the point back when its audit entry cannot be written', async () => {
    t.db.exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END");
    const before = t.services.pointStore.count();
    const res = await send('POST', '/api/points', HALL);
    expect(res.status).toBe(500);
    expect(t.services.pointStore.count()).toBe(before);

    const p2 = t.services.pointStore.get(2)!;
    expect((await send('PATCH', '/api/points/2', { name: 'Tidak Tersimpan' })).status).toBe(500);
    expect((await send('DELETE', '/api/points/2')).status).toBe(500);
    expect(t.services.pointStore.get(2)).toEqual(p2);
    expect(t.services.finder.get(2)).toBeDefined();
  });

  it('leaves point and audit untouched after a validation error', async () => {
    const p2 = t.services.pointStore.get(2)!;
    const res = await send('PATCH', '/api/points/2', { name: 'Nama Baru', lat: 60 });
    expect(res.status).toBe(400);
    expect(t.services.pointStore.get(2)).toEqual(p2);
    expect(t.services.audit.list({ entity: 'point', entityId: 2, limit: 10 })).toEqual([]);
  });
});

describe('GET /api/staff/points', () => {
  it('filters approximate, stale (never or > 6 months ago) and retired points, and searches by text', async () => {
    const all = await (await get('/api/staff/points?filter=all&limit=1000')).json();
    expect(all.total).toBe(t.services.pointStore.count());
    expect(all.features.every((f: { properties: { stale: boolean } }) => f.properties.stale)).toBe(true);

    const [lng5, lat5] = t.services.pointStore.get(5)!.position;
    await send('POST', '/api/points/5/verify', { method: 'gps', lat: lat5, lng: lng5, accuracy_m: 10 });
    const approximate = await (await get('/api/staff/points?filter=approximate&limit=1000')).json();
    expect(approximate.features.map((f: { id: number }) => f.id)).not.toContain(5);
    expect(approximate.total).toBe(all.total - 1);

    const fresh = await (await get('/api/staff/points?filter=stale&limit=1000')).json();
    expect(fresh.features.map((f: { id: number }) => f.id)).not.toContain(5);
    t.setNow(new Date(TEST_NOW.getTime() + 200 * 86_400_000)); // > 6 months later
    ({ cookie } = await loginAs(t, 'staff')); // the first session expired meanwhile
    const later = await (await get('/api/staff/points?filter=stale&limit=1000')).json();
    expect(later.features.map((f: { id: number }) => f.id)).toContain(5);

    const name = t.services.pointStore.get(7)!.name;
    const found = await (await get(`/api/staff/points?q=${encodeURIComponent(name.toLowerCase())}`)).json();
    expect(found.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain(name);
  });

  it('rejects an unknown filter naming it', async () => {
    const res = await get('/api/staff/points?filter=old');
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('filter');
  });
});
