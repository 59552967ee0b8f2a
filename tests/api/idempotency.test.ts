import { beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, TEST_NOW, type TestApp } from '../helpers/app.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';

let t: TestApp;
let planner: string;
let plannerEmail: string;
let staff: string;
let pointId: number;
beforeEach(async () => {
  t = makeTestApp();
  ({ cookie: planner, email: plannerEmail } = await loginAs(t, 'planner'));
  staff = (await loginAs(t, 'staff')).cookie;
  pointId = addTestPoint(t);
});

function post(path: string, cookie: string, body: unknown, key?: string) {
  const init = jsonRequest('POST', body, cookie);
  if (key !== undefined) (init.headers as Record<string, string>)['Idempotency-Key'] = key;
  return t.app.request(path, init);
}
const visitCount = () => (t.db.prepare('SELECT (SELECT count(*) FROM visits) + (SELECT count(*) FROM visit_series)').pluck().get() as number);
const pointCount = () => t.db.prepare('SELECT count(*) FROM points').pluck().get() as number;
const HALL = { name: 'Balai Banjar Uji Coba', type: 'community_hall', lat: -8.4101, lng: 115.3702 };

describe('Idempotency-Key on POST /api/visits', () => {
  it('answers a repeat with the same key with the first answer (status, body, id) and creates nothing', async () => {
    const before = visitCount();
    const first = await post('/api/visits', planner, visitBody(pointId, '2026-12-02'), 'form-1');
    const again = await post('/api/visits', planner, visitBody(pointId, '2026-12-02'), 'form-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const [a, b] = [await first.text(), await again.text()];
    expect(b).toBe(a);
    expect(JSON.parse(b).id).toBe(JSON.parse(a).id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(visitCount()).toBe(before + 1);
  });

  it('creates exactly one visit from ten identical requests sent at once with one key', async () => {
    const before = visitCount();
    const answers = await Promise.all(Array.from({ length: 10 }, () => post('/api/visits', planner, visitBody(pointId, '2026-12-02'), 'double-tap')));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(visitCount()).toBe(before + 1);
  });

  it('answers 422 idempotency_key_reused for the same key with a different body, and creates nothing', async () => {
    await post('/api/visits', planner, visitBody(pointId, '2026-12-02'), 'k-1');
    const before = visitCount();
    const res = await post('/api/visits', planner, visitBody(pointId, '2026-12-03'), 'k-1');
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'idempotency_key_reused', field: 'idempotency-key' });
    expect(visitCount()).toBe(before);
  });

  it('keeps keys per user: another planner with the same key gets their own visit', async () => {
    const other = (await loginAs(t, 'planner')).cookie;
    const a = await (await post('/api/visits', planner, visitBody(pointId, '2026-12-02'), 'shared')).json();
    const b = await (await post('/api/visits', other, visitBody(pointId, '2026-12-02'), 'shared')).json();
    expect(b.id).not.toBe(a.id);
  });

  it('creates again after 24 hours and purges the old key', async () => {
    const a = await (await post('/api/visits', planner, visitBody(pointId, '2026-12-02'), 'old')).json();
    t.setNow(new Date(TEST_NOW.getTime() + 24 * 3_600_000 + 1000));
    // Sessions last 12 hours: the same planner logs in again.
    const login = await t.app.request('/api/auth/login', jsonRequest('POST', { email: plannerEmail, password: 'correct horse battery' }));
    planner = login.headers.get('set-cookie')!.split(';')[0];
    const again = await post('/api/visits', planner, visitBody(pointId, '2026-12-02'), 'old');
    expect(again.status).toBe(201);
    expect((await again.json()).id).not.toBe(a.id);
    expect((await post('/api/visits', planner, visitBody(pointId, '2026-12-04'), 'newer')).status).toBe(201);
    const stored = t.db.prepare('SELECT key, created_at FROM idempotency_keys ORDER BY key').all() as { key: string; created_at: string }[];
    expect(stored.map((r) => r.key)).toEqual(['newer', 'old']);
    expect(stored.every((r) => Date.parse(r.created_at) > TEST_NOW.getTime())).toBe(true);
  });

  it('stores no key when the create fails, so a corrected retry with the same key still works', async () => {
    const bad = await post('/api/visits', planner, { ...visitBody(pointId, '2026-12-02'), title: ' ' }, 'retry');
    expect(bad.status).toBe(400);
    expect((await post('/api/visits', planner, visitBody(pointId, '2026-12-02'), 'retry')).status).toBe(201);
  });

  it.each([
    ['', 'empty'],
    ['x'.repeat(101), '101 characters'],
    ['has space', 'a space'],
    ['ünïcode', 'non-ASCII'],
  ])('answers 400 naming idempotency-key for %j (%s)', async (key) => {
    const before = visitCount();
    const res = await post('/api/visits', planner, visitBody(pointId, '2026-12-02'), key);
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('idempotency-key');
    expect(visitCount()).toBe(before);
  });

  it('still creates one visit per request without a key', async () => {
    const before = visitCount();
    await post('/api/visits', planner, visitBody(pointId, '2026-12-02'));
    await post('/api/visits', planner, visitBody(pointId, '2026-12-02'));
    expect(visitCount()).toBe(before + 2);
  });
});

describe('Idempotency-Key on POST /api/points', () => {
  it('creates one point from identical concurrent requests with one key and replays the same id', async () => {
    const before = pointCount();
    const answers = await Promise.all(Array.from({ length: 5 }, () => post('/api/points', staff, HALL, 'point-form-1')));
    expect(answers.map((r) => r.status)).toEqual(Array(5).fill(201));
    const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(pointCount()).toBe(before + 1);
  });

  it('answers 422 for the key reused with another body', async () => {
    await post('/api/points', staff, HALL, 'p-key');
    const res = await post('/api/points', staff, { ...HALL, name: 'Balai Lain' }, 'p-key');
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('idempotency_key_reused');
  });
});
