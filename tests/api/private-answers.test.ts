import { beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';

let t: TestApp;
let planner: string;
beforeEach(async () => {
  t = makeTestApp();
  planner = (await loginAs(t, 'planner')).cookie;
  const pointId = addTestPoint(t);
  await t.app.request('/api/visits', jsonRequest('POST', visitBody(pointId, '2026-12-02', { team: 'Tim Rahasia', notes: 'catatan internal', status: 'draft' }), planner));
});

const SIGNED_IN_READS = ['/api/visits?from=2026-12-01&to=2026-12-31&include_cancelled=true', '/api/visits/v1', '/api/auth/me', '/api/points/nearest?lat=-8.45&lng=115.35', '/api/nope'];

describe('answers to signed-in requests are never cacheable', () => {
  it.each(SIGNED_IN_READS)('sends Cache-Control: private, no-store and Vary: Cookie on GET %s with a session', async (path) => {
    const res = await t.app.request(path, { headers: { Cookie: planner } });
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('vary') ?? '').toMatch(/(^|,\s*)Cookie(\s*,|$)/);
  });

  it('marks the planner\'s visit list (with team, notes and the draft) private', async () => {
    const res = await t.app.request('/api/visits?from=2026-12-01&to=2026-12-31', { headers: { Cookie: planner } });
    const body = await res.json();
    expect(body.visits[0]).toMatchObject({ team: 'Tim Rahasia', notes: 'catatan internal', status: 'draft' });
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('marks writes and a stale session cookie private too', async () => {
    const write = await t.app.request('/api/visits/v1', jsonRequest('PATCH', { notes: 'lagi' }, planner));
    expect(write.headers.get('cache-control')).toBe('private, no-store');
    const stale = await t.app.request('/api/visits', { headers: { Cookie: 'jangkau_session=expired-token' } });
    expect(stale.headers.get('cache-control')).toBe('private, no-store');
  });

  it('leaves anonymous answers cacheable for the offline finder (no no-store, no Vary: Cookie)', async () => {
    const res = await t.app.request('/api/visits?from=2026-12-01&to=2026-12-31');
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/no-store|private/);
    expect(res.headers.get('vary') ?? '').not.toMatch(/Cookie/);
    expect(JSON.stringify(await res.json())).not.toMatch(/Tim Rahasia|catatan internal/);
  });
});
