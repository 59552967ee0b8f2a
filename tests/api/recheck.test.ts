import { beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, TEST_NOW, type TestApp } from '../helpers/app.js';

let t: TestApp;
let cookie: string;
beforeEach(async () => {
  t = makeTestApp();
  ({ cookie } = await loginAs(t, 'staff'));
});

interface Item { id: number; properties: { accuracy: string }; recheck: { reasons: string[]; open_reports: number; views_30d: number } }
const queue = async (): Promise<{ features: Item[]; total: number }> =>
  (await t.app.request('/api/staff/recheck?limit=500', { headers: { Cookie: cookie } })).json();
const gpsCheck = (id: number) => {
  const [lng, lat] = t.services.pointStore.get(id)!.position;
  return t.app.request(`/api/points/${id}/verify`, jsonRequest('POST', { method: 'gps', lat, lng, accuracy_m: 10 }, cookie));
};

describe('GET /api/staff/recheck', () => {
  it('lists open reports first, then approximate points by public views, and leaves out freshly checked exact points', async () => {
    const visible = t.services.pointStore.listVisible();
    const [reported, busy, quiet, checked] = visible.slice(0, 4).map((p) => p.id);
    expect((await gpsCheck(checked)).status).toBe(200);
    t.services.reports.file(reported, { reason: 'wrong_location' }, 'test-client');
    for (let i = 0; i < 3; i++) await t.app.request(`/api/points/${busy}`);
    await t.app.request(`/api/points/${quiet}`);

    const q = await queue();
    const ids = q.features.map((f) => f.id);
    expect(ids[0]).toBe(reported);
    expect(q.features[0].recheck).toMatchObject({ open_reports: 1, reasons: ['open_reports', 'never_checked', 'approximate'] });
    expect(ids.indexOf(busy)).toBeLessThan(ids.indexOf(quiet));
    expect(q.features.find((f) => f.id === busy)!.recheck.views_30d).toBe(3);
    expect(q.features.find((f) => f.id === quiet)!.recheck.views_30d).toBe(1);
    expect(ids).not.toContain(checked);
    // Brute force: every other visible point is approximate and unchecked, so it is listed.
    expect(q.total).toBe(visible.length - 1);
  });

  it('counts the top three nearest results as viewed', async () => {
    const near = await (await t.app.request('/api/points/nearest?lat=-8.45&lng=115.35&limit=10')).json();
    const q = await queue();
    const views = new Map(q.features.map((f) => [f.id, f.recheck.views_30d]));
    near.features.forEach((f: { id: number }, i: number) => expect(views.get(f.id)).toBe(i < 3 ? 1 : 0));
  });

  it('brings back an exact point once its check is older than 12 months', async () => {
    const id = t.services.pointStore.listVisible()[0].id;
    await gpsCheck(id);
    expect((await queue()).features.map((f) => f.id)).not.toContain(id);
    t.setNow(new Date(TEST_NOW.getTime() + 366 * 86_400_000));
    ({ cookie } = await loginAs(t, 'staff'));
    const item = (await queue()).features.find((f) => f.id === id)!;
    expect(item.recheck.reasons).toEqual(['check_expired']);
  });

  it('is for staff only', async () => {
    expect((await t.app.request('/api/staff/recheck')).status).toBe(401);
    const { cookie: planner } = await loginAs(t, 'planner');
    expect((await t.app.request('/api/staff/recheck', { headers: { Cookie: planner } })).status).toBe(403);
  });
});
