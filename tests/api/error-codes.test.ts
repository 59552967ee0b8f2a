import { describe, expect, it } from 'vitest';
import { makeTestApp, loginAs, jsonRequest, TEST_NOW } from '../helpers/app.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';
import { codeSpec } from '../../server/domain/codes/index.js';

/** Every answer must carry a registered code with exactly the params the registry promises. */
function expectRegistered(error: { code: string; params: Record<string, unknown> }) {
  const spec = codeSpec(error.code);
  expect(spec, `code ${error.code} is registered`).toBeDefined();
  expect(Object.keys(error.params).sort()).toEqual([...spec!.params].sort());
}

describe('error bodies carry a registered code and the params to say it', () => {
  it('answers an unknown enum value in a query with enum_unknown, the allowed values and the closest one', async () => {
    const t = makeTestApp();
    const res = await t.app.request('/api/points?bbox=115.23,-8.53,115.46,-8.14&type=markett');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'enum_unknown', field: 'type', params: { got: 'markett', suggestion: 'market' } });
    expect(error.params.allowed).toContain('village_office');
    expectRegistered(error);
  });

  it('answers a coordinate out of range with number_out_of_range {min, max, got}', async () => {
    const t = makeTestApp();
    const res = await t.app.request('/api/points/nearest?lat=95&lng=115.3');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'number_out_of_range', field: 'lat', params: { min: -90, max: 90, got: '95' } });
    expectRegistered(error);
  });

  it('answers a missing JSON field with required and a too-long one with text_too_long {max, got}', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const id = addTestPoint(t);
    const missing = await t.app.request('/api/visits', jsonRequest('POST', { ...visitBody(id, '2026-12-04'), title: undefined }, cookie));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: 'required', field: 'title', params: {} });
    const long = await t.app.request('/api/visits', jsonRequest('POST', visitBody(id, '2026-12-04', { title: 'x'.repeat(500) }), cookie));
    const { error } = await long.json();
    expect(error).toMatchObject({ code: 'text_too_long', field: 'title', params: { got: 500 } });
    expectRegistered(error);
  });

  it('names a staff point form problem field by field with codes: region, type and the issues list', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'staff');
    const res = await t.app.request('/api/points', jsonRequest('POST', { name: 'Balai Uji', type: 'balai_banjar', lat: 115.35, lng: -8.45 }, cookie));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('enum_unknown');
    expect(error.params.got).toBe('balai_banjar');
    expect(error.issues.map((i: { code: string }) => i.code)).toEqual(['enum_unknown', 'lat_looks_like_lng']);
    for (const issue of error.issues) expectRegistered(issue);
  });

  it('refuses registrations above attendees with both counts as params', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const id = addTestPoint(t);
    const created = await (await t.app.request('/api/visits', jsonRequest('POST', visitBody(id, '2026-11-20'), cookie))).json();
    const res = await t.app.request(`/api/visits/${created.id}/outcome`, jsonRequest('POST', { attendees: 10, registrations: 12, cards_issued: 0 }, cookie));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'registrations_exceed_attendees', field: 'registrations', params: { registrations: 12, attendees: 10 } });
  });

  it('answers 409 visit_not_started with the WITA start for an outcome recorded too early', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const id = addTestPoint(t);
    const created = await (await t.app.request('/api/visits', jsonRequest('POST', visitBody(id, '2026-12-04'), cookie))).json();
    const res = await t.app.request(`/api/visits/${created.id}/outcome`, jsonRequest('POST', { attendees: 1, registrations: 0, cards_issued: 0 }, cookie));
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error).toEqual({ code: 'visit_not_started', field: 'id', params: { starts_at: '2026-12-04 08:00' }, message: expect.stringMatching(/once it has started/) });
    expect(TEST_NOW.toISOString() < '2026-12-04').toBe(true);
  });

  it('answers 429 too_many_attempts with the wait in seconds and minutes after repeated failed logins', async () => {
    const t = makeTestApp();
    let res: Response | undefined;
    for (let i = 0; i < 12; i++) {
      res = await t.app.request('/api/auth/login', jsonRequest('POST', { email: 'nobody@test.jangkau.id', password: 'wrong-password' }));
      if (res.status === 429) break;
    }
    expect(res!.status).toBe(429);
    const { error } = await res!.json();
    expect(error.code).toBe('too_many_attempts');
    expect(error.params.retry_after_min).toBe(Math.ceil(error.params.retry_after_s / 60));
    expectRegistered(error);
  });

  it('refuses a cross-site write with cross_site', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'staff');
    const res = await t.app.request('/api/auth/logout', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', Cookie: cookie }, body: '{}',
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'cross_site', field: 'origin', params: {} });
  });

  it('answers an unknown JSON key with unknown_field naming it, and a query parameter given twice with param_repeated', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const id = addTestPoint(t);
    const res = await t.app.request('/api/visits', jsonRequest('POST', visitBody(id, '2026-12-04', { titel: 'typo' }), cookie));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'unknown_field', field: 'body', params: { got: 'titel' } });
    const twice = await t.app.request('/api/points/nearest?lat=-8.45&lat=-8.46&lng=115.35');
    expect(twice.status).toBe(400);
    expect((await twice.json()).error).toMatchObject({ code: 'param_repeated', field: 'lat', params: {} });
  });

  it('answers malformed JSON with invalid_json on body', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const res = await t.app.request('/api/visits', { ...jsonRequest('POST', undefined, cookie), body: '{"title":' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_json', field: 'body' });
  });
});

describe('warnings carry a registered code and params without internal ids', () => {
  it('names the other visit of a team overlap by title and WITA times', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const id = addTestPoint(t, { market_days: null, opens: null, closes: null });
    await t.app.request('/api/visits', jsonRequest('POST', visitBody(id, '2026-12-07', { team: 'Tim A', title: 'Sosialisasi pagi' }), cookie));
    const res = await t.app.request('/api/visits', jsonRequest('POST', visitBody(id, '2026-12-07', { team: 'Tim A', starts_at: '2026-12-07T09:00:00+08:00', ends_at: '2026-12-07T11:00:00+08:00' }), cookie));
    const { warnings } = await res.json();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'team_overlap',
      params: { team: 'Tim A', date: '2026-12-07', start: '09:00', end: '11:00', other_title: 'Sosialisasi pagi', other_date: '2026-12-07', other_start: '08:00', other_end: '10:00' },
    });
    expectRegistered(warnings[0]);
  });

  it('names both visits of a tight transfer in the day route by title and time, not by id', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const a = addTestPoint(t, { position: [115.3551, -8.4492], market_days: null, opens: null, closes: null });
    const b = addTestPoint(t, { position: [115.3890, -8.3105], market_days: null, opens: null, closes: null });
    await t.app.request('/api/visits', jsonRequest('POST', visitBody(a, '2026-12-01', { team: 'Tim A', title: 'Pagi di Bangli', starts_at: '2026-12-01T08:00:00+08:00', ends_at: '2026-12-01T12:00:00+08:00' }), cookie));
    await t.app.request('/api/visits', jsonRequest('POST', visitBody(b, '2026-12-01', { team: 'Tim A', title: 'Siang di Kintamani', starts_at: '2026-12-01T10:00:00+08:00', ends_at: '2026-12-01T13:00:00+08:00' }), cookie));
    const plan = await (await t.app.request('/api/plans/day?date=2026-12-01&team=Tim%20A', { headers: { Cookie: cookie } })).json();
    const tight = plan.warnings.find((w: { code: string }) => w.code === 'tight_transfer');
    expect(tight.params).toMatchObject({ from_title: 'Pagi di Bangli', from_end: '12:00', to_title: 'Siang di Kintamani', to_start: '10:00', gap_min: -120, via: 0 });
    expect(tight.params.travel_min).toBeGreaterThan(10);
    expectRegistered(tight);
    expect(JSON.stringify(plan.warnings.map((w: { params: unknown }) => w.params))).not.toMatch(/"v\d+"/);
  });
});
