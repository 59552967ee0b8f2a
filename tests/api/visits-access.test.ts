import { describe, expect, it } from 'vitest';
import { makeTestApp, loginAs, jsonRequest } from '../helpers/app.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';

describe('who may plan visits', () => {
  it('answers anonymous writes 401, staff 403, planners and admins 201', async () => {
    const t = makeTestApp();
    const pasah = addTestPoint(t);
    const body = visitBody(pasah, '2026-12-01');
    expect((await t.app.request('/api/visits', jsonRequest('POST', body))).status).toBe(401);
    const staff = await loginAs(t, 'staff');
    expect((await t.app.request('/api/visits', jsonRequest('POST', body, staff.cookie))).status).toBe(403);
    const planner = await loginAs(t, 'planner');
    const created = await t.app.request('/api/visits', jsonRequest('POST', body, planner.cookie));
    expect(created.status).toBe(201);
    const admin = await loginAs(t, 'admin');
    expect((await t.app.request('/api/visits', jsonRequest('POST', body, admin.cookie))).status).toBe(201);
    const id = (await created.json()).id;
    for (const [method, payload] of [['PATCH', { title: 'x' }], ['DELETE', undefined]] as const) {
      expect((await t.app.request(`/api/visits/${id}`, jsonRequest(method, payload))).status).toBe(401);
      expect((await t.app.request(`/api/visits/${id}`, jsonRequest(method, payload, staff.cookie))).status).toBe(403);
    }
    expect((await t.app.request(`/api/visits/${id}`, jsonRequest('PATCH', { title: 'Baru' }, planner.cookie))).status).toBe(200);
    expect((await t.app.request(`/api/visits/${id}`, jsonRequest('DELETE', undefined, admin.cookie))).status).toBe(200);
  });

  it('answers the day plan 401 anonymously and 403 for staff', async () => {
    const t = makeTestApp();
    expect((await t.app.request('/api/plans/day?date=2026-12-01&team=Tim%20A')).status).toBe(401);
    const staff = await loginAs(t, 'staff');
    expect((await t.app.request('/api/plans/day?date=2026-12-01&team=Tim%20A', { headers: { Cookie: staff.cookie } })).status).toBe(403);
  });
});

describe('what the public sees', () => {
  it('shows published visits without team, capacity, notes or drafts; planners see all of it', async () => {
    const t = makeTestApp();
    const pasah = addTestPoint(t);
    const planner = await loginAs(t, 'planner');
    await t.app.request('/api/visits', jsonRequest('POST', visitBody(pasah, '2026-12-01', { team: 'Tim A', capacity: 40, notes: 'Hubungi kelian pasar' }), planner.cookie));
    await t.app.request('/api/visits', jsonRequest('POST', visitBody(pasah, '2026-12-04', { status: 'draft' }), planner.cookie));

    const pub = (await (await t.app.request('/api/visits?from=2026-12-01&to=2026-12-31')).json()).visits;
    expect(pub).toHaveLength(1);
    expect(pub[0]).toMatchObject({ id: 'v1', series_id: null, point_id: pasah, point_name: 'Pasar Uji Coba', starts_at: '2026-12-01T08:00:00+08:00', status: 'scheduled' });
    expect(pub[0]).not.toHaveProperty('team');
    expect(pub[0]).not.toHaveProperty('notes');
    expect(pub[0]).not.toHaveProperty('capacity');
    expect((await t.app.request('/api/visits/v2')).status).toBe(404);
    expect(await (await t.app.request('/api/visits/v1')).json()).not.toHaveProperty('notes');

    const staff = await loginAs(t, 'staff');
    const forStaff = (await (await t.app.request('/api/visits?from=2026-12-01&to=2026-12-31', { headers: { Cookie: staff.cookie } })).json()).visits;
    expect(forStaff[0]).not.toHaveProperty('notes');

    const mine = (await (await t.app.request('/api/visits?from=2026-12-01&to=2026-12-31', { headers: { Cookie: planner.cookie } })).json()).visits;
    expect(mine.map((v: { status: string }) => v.status)).toEqual(['scheduled', 'draft']);
    expect(mine[0]).toMatchObject({ team: 'Tim A', capacity: 40, notes: 'Hubungi kelian pasar' });
  });

  it('finds visits near a place (lat,lng) with distance_m, and by bbox, village and limit', async () => {
    const t = makeTestApp();
    const planner = await loginAs(t, 'planner');
    const near = addTestPoint(t, { position: [115.3551, -8.4492] });
    const far = addTestPoint(t, { position: [115.2712, -8.2212], name: 'Pasar Jauh Uji' });
    await t.app.request('/api/visits', jsonRequest('POST', visitBody(near, '2026-12-01'), planner.cookie));
    await t.app.request('/api/visits', jsonRequest('POST', visitBody(far, '2026-12-02'), planner.cookie));
    const res = await (await t.app.request('/api/visits?from=2026-12-01&to=2026-12-31&near=-8.4500,115.3550&max_km=5')).json();
    expect(res.visits.map((v: { point_id: number }) => v.point_id)).toEqual([near]);
    expect(res.visits[0].distance_m).toBeGreaterThan(50);
    expect(res.visits[0].distance_m).toBeLessThan(150);
    const all = await (await t.app.request('/api/visits?from=2026-12-01&to=2026-12-31&near=-8.45,115.355')).json();
    expect(all.visits).toHaveLength(2);
    const box = await (await t.app.request('/api/visits?from=2026-12-01&to=2026-12-31&bbox=115.2,-8.3,115.3,-8.2')).json();
    expect(box.visits.map((v: { point_id: number }) => v.point_id)).toEqual([far]);
    const village = t.services.villages.codeAt([115.3551, -8.4492])!;
    const byVillage = await (await t.app.request(`/api/visits?from=2026-12-01&to=2026-12-31&village_code=${village}`)).json();
    expect(byVillage.visits.map((v: { point_id: number }) => v.point_id)).toEqual([near]);
    const limited = await (await t.app.request('/api/visits?from=2026-12-01&to=2026-12-31&limit=1')).json();
    expect(limited).toMatchObject({ truncated: true });
    expect(limited.visits).toHaveLength(1);
    for (const qs of ['near=115.35,-8.45', 'near=abc', 'from=2026-12-01&to=2028-02-01', 'village_code=99.99', 'limit=0']) {
      const bad = await t.app.request(`/api/visits?${qs}`);
      expect(bad.status, qs).toBe(400);
    }
  });
});
