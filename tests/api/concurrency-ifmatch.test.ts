import { beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';

let t: TestApp;
let staffA: string;
let staffB: string;
let planner: string;
let pointId: number;
beforeEach(async () => {
  t = makeTestApp();
  staffA = (await loginAs(t, 'staff')).cookie;
  staffB = (await loginAs(t, 'staff')).cookie;
  planner = (await loginAs(t, 'planner')).cookie;
  pointId = addTestPoint(t, { address: 'Jl. Lama 1', phone: '+6236691234' });
});

/** A write as the page sends it, with If-Match when `tag` is given. */
function write(method: string, path: string, cookie: string, body?: unknown, tag?: string | null) {
  const init = jsonRequest(method, body, cookie);
  if (tag) (init.headers as Record<string, string>)['If-Match'] = tag;
  return t.app.request(path, init);
}
const read = (path: string, cookie?: string) => t.app.request(path, { headers: cookie ? { Cookie: cookie } : {} });

/** The full body the staff point form sends, from a staff read of the point. */
function formBody(f: { geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }) {
  const p = f.properties;
  return {
    name: p.name, type: p.type, lat: f.geometry.coordinates[1], lng: f.geometry.coordinates[0], services: p.services,
    address: p.address, phone: p.phone, whatsapp: p.whatsapp, opening_hours: p.opening_hours, market_days: p.market_days,
    opens: p.opens, closes: p.closes, status: p.status, accuracy: p.accuracy, notes: p.notes,
  };
}

describe('ETag on the reads the edit forms use', () => {
  it('sends a strong ETag on GET /api/points/:id and /api/staff/points/:id, the same for both, and a new one after a write', async () => {
    const pub = await read(`/api/points/${pointId}`);
    const staff = await read(`/api/staff/points/${pointId}`, staffA);
    const tag = pub.headers.get('etag');
    expect(tag).toMatch(/^"[^"]+"$/);
    expect(staff.headers.get('etag')).toBe(tag);
    const res = await write('PATCH', `/api/points/${pointId}`, staffA, { phone: '0366 91000' }, tag);
    expect(res.status).toBe(200);
    const after = res.headers.get('etag');
    expect(after).toMatch(/^"[^"]+"$/);
    expect(after).not.toBe(tag);
    expect((await read(`/api/points/${pointId}`)).headers.get('etag')).toBe(after);
  });

  it('keeps the ETag strong when the answer is gzipped (browsers always accept gzip), so If-Match can match it', async () => {
    const plain = (await read(`/api/staff/points/${pointId}`, staffA)).headers.get('etag');
    const gz = await t.app.request(`/api/staff/points/${pointId}`, { headers: { Cookie: staffA, 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(gz.headers.get('etag')).toBe(plain);
    expect((await write('PATCH', `/api/points/${pointId}`, staffA, { notes: 'gz' }, gz.headers.get('etag'))).status).toBe(200);
  });

  it('sends an ETag on GET /api/visits/:id for a visit, a series and one occurrence', async () => {
    const v = await (await write('POST', '/api/visits', planner, visitBody(pointId, '2026-12-02'))).json();
    const s = await (await write('POST', '/api/visits', planner, visitBody(pointId, '2026-12-02', { repeat: { on_market_days: true, until: '2026-12-31' } }))).json();
    const occ = s.occurrences[1].id as string;
    const tags = await Promise.all([v.id, s.id, occ].map(async (id) => (await read(`/api/visits/${id}`, planner)).headers.get('etag')));
    for (const tag of tags) expect(tag).toMatch(/^"[^"]+"$/);
    expect(new Set(tags).size).toBe(3);
  });
});

describe('If-Match on point writes', () => {
  it('keeps staff A\'s new phone when staff B saves an address from the older read: B gets 412 precondition_failed', async () => {
    // Both open the edit form.
    const readA = await read(`/api/staff/points/${pointId}`, staffA);
    const readB = await read(`/api/staff/points/${pointId}`, staffB);
    const featureA = await readA.json();
    const featureB = await readB.json();
    // A saves a new phone.
    const saveA = await write('PATCH', `/api/points/${pointId}`, staffA, { ...formBody(featureA), phone: '0812-1111-2222' }, readA.headers.get('etag'));
    expect(saveA.status).toBe(200);
    // B saves a new address from the form filled by the older read (the old phone still in it).
    const saveB = await write('PATCH', `/api/points/${pointId}`, staffB, { ...formBody(featureB), address: 'Jl. Baru 2' }, readB.headers.get('etag'));
    expect(saveB.status).toBe(412);
    const err = (await saveB.json()).error;
    expect(err).toMatchObject({ code: 'precondition_failed', field: 'if-match', params: { current_etag: saveA.headers.get('etag') } });
    const now = (await (await read(`/api/points/${pointId}`)).json()).properties;
    expect(now.phone).toBe('+6281211112222');
    expect(now.address).toBe('Jl. Lama 1');
    // B reads again and re-applies the address on top: both changes are kept.
    const again = await read(`/api/staff/points/${pointId}`, staffB);
    const saveB2 = await write('PATCH', `/api/points/${pointId}`, staffB, { ...formBody(await again.json()), address: 'Jl. Baru 2' }, again.headers.get('etag'));
    expect(saveB2.status).toBe(200);
    const final = (await saveB2.json()).properties;
    expect([final.phone, final.address]).toEqual(['+6281211112222', 'Jl. Baru 2']);
  });

  it('refuses a stale If-Match on retire, restore and verify, and writes nothing', async () => {
    const old = (await read(`/api/points/${pointId}`)).headers.get('etag')!;
    expect((await write('PATCH', `/api/points/${pointId}`, staffA, { notes: 'diubah' }, old)).status).toBe(200);
    for (const [method, path, body] of [
      ['DELETE', `/api/points/${pointId}`, undefined],
      ['POST', `/api/points/${pointId}/verify`, { method: 'office_confirmed' }],
    ] as const) {
      const res = await write(method, path, staffB, body, old);
      expect(res.status).toBe(412);
    }
    const p = (await (await read(`/api/staff/points/${pointId}`, staffA)).json()).properties;
    expect([p.status, p.verified_at, p.accuracy]).toEqual(['active', null, 'approximate']);
    const current = (await read(`/api/staff/points/${pointId}`, staffA)).headers.get('etag')!;
    expect((await write('DELETE', `/api/points/${pointId}`, staffA, undefined, current)).status).toBe(200);
    expect((await write('POST', `/api/points/${pointId}/restore`, staffB, {}, current)).status).toBe(412);
  });

  it('accepts a write without If-Match (API users), with *, and with a list holding the current tag', async () => {
    expect((await write('PATCH', `/api/points/${pointId}`, staffA, { notes: 'satu' })).status).toBe(200);
    expect((await write('PATCH', `/api/points/${pointId}`, staffA, { notes: 'dua' }, '*')).status).toBe(200);
    const tag = (await read(`/api/points/${pointId}`)).headers.get('etag')!;
    expect((await write('PATCH', `/api/points/${pointId}`, staffA, { notes: 'tiga' }, `"p0.0", ${tag}`)).status).toBe(200);
  });

  it('never lets a weak tag match, and answers 400 naming if-match for a malformed header', async () => {
    const tag = (await read(`/api/points/${pointId}`)).headers.get('etag')!;
    expect((await write('PATCH', `/api/points/${pointId}`, staffA, { notes: 'x' }, `W/${tag}`)).status).toBe(412);
    const bad = await write('PATCH', `/api/points/${pointId}`, staffA, { notes: 'x' }, 'p1.1');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('if-match');
  });
});

describe('If-Match on visit writes', () => {
  it('answers 412 to a PATCH of a visit from an older read and keeps the newer team and notes', async () => {
    const v = await (await write('POST', '/api/visits', planner, visitBody(pointId, '2026-12-02', { team: 'Tim A' }))).json();
    const old = (await read(`/api/visits/${v.id}`, planner)).headers.get('etag')!;
    const first = await write('PATCH', `/api/visits/${v.id}`, planner, { notes: 'bawa formulir' }, old);
    expect(first.status).toBe(200);
    const stale = await write('PATCH', `/api/visits/${v.id}`, planner, { team: 'Tim B', notes: null }, old);
    expect(stale.status).toBe(412);
    expect((await stale.json()).error.params.current_etag).toBe(first.headers.get('etag'));
    expect((await write('DELETE', `/api/visits/${v.id}`, planner, undefined, old)).status).toBe(412);
    const now = await (await read(`/api/visits/${v.id}`, planner)).json();
    expect([now.team, now.notes, now.status]).toEqual(['Tim A', 'bawa formulir', 'scheduled']);
  });

  it('tracks one occurrence apart from its siblings, and a series edit changes every occurrence\'s tag', async () => {
    const s = await (await write('POST', '/api/visits', planner, visitBody(pointId, '2026-12-02', { repeat: { on_market_days: true, until: '2026-12-31' } }))).json();
    const [o1, o2] = [s.occurrences[1].id as string, s.occurrences[2].id as string];
    const tag = async (id: string) => (await read(`/api/visits/${id}`, planner)).headers.get('etag')!;
    const t1 = await tag(o1);
    const t2 = await tag(o2);
    expect((await write('PATCH', `/api/visits/${o1}`, planner, { notes: 'hanya hari ini' }, t1)).status).toBe(200);
    // The sibling was not touched: its tag still works.
    expect(await tag(o2)).toBe(t2);
    expect((await write('PATCH', `/api/visits/${o1}`, planner, { notes: 'dari bacaan lama' }, t1)).status).toBe(412);
    // A fresh read's tag works again.
    const t1b = await tag(o1);
    expect((await write('PATCH', `/api/visits/${o1}`, planner, { notes: null }, t1b)).status).toBe(200);
    const seriesTag = await tag(s.id);
    expect((await write('PATCH', `/api/visits/${s.id}`, planner, { title: 'Judul baru' }, seriesTag)).status).toBe(200);
    expect((await write('PATCH', `/api/visits/${o2}`, planner, { notes: 'x' }, t2)).status).toBe(412);
    expect((await write('PATCH', `/api/visits/${s.id}`, planner, { title: 'Judul lama' }, seriesTag)).status).toBe(412);
  });
});
