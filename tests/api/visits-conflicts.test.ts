import { describe, expect, it } from 'vitest';
import turfDistance from '@turf/distance';
import { makeTestApp, loginAs, jsonRequest, type TestApp } from '../helpers/app.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';

async function setup() {
  const t = makeTestApp();
  const { cookie } = await loginAs(t, 'planner');
  const pasah = addTestPoint(t); // Pasah market 06:00–12:00
  const office = addTestPoint(t, { name: 'Kantor Uji', type: 'village_office', market_days: null, opens: null, closes: null, position: [115.3012, -8.4012] });
  return { t, cookie, pasah, office };
}

async function post(t: TestApp, cookie: string, body: unknown) {
  const res = await t.app.request('/api/visits', jsonRequest('POST', body, cookie));
  return { status: res.status, body: await res.json() };
}

const codes = (b: { warnings: { code: string }[] }) => b.warnings.map((w) => w.code).sort();

describe('conflict warnings', () => {
  it('warns when the same team is booked at two places at overlapping times, naming the other visit', async () => {
    const { t, cookie, pasah, office } = await setup();
    const first = await post(t, cookie, visitBody(pasah, '2026-11-28', { team: 'Tim A' }));
    expect(first.body.warnings).toEqual([]);
    const second = await post(t, cookie, visitBody(office, '2026-11-28', { team: ' tim a ', starts_at: '2026-11-28T09:30:00+08:00', ends_at: '2026-11-28T11:00:00+08:00' }));
    expect(second.status).toBe(201);
    expect(second.body.warnings).toEqual([expect.objectContaining({ code: 'team_overlap', occurrence_id: second.body.id, other_id: first.body.id })]);
    // Another team at the same time is fine.
    expect((await post(t, cookie, visitBody(office, '2026-11-28', { team: 'Tim B' }))).body.warnings).toEqual([]);
  });

  // Issue 13: the travel warning comes when the visit is saved, not only in the day route.
  it('warns when a visit starts too soon after the same team\'s visit at another place for the travel between them', async () => {
    const { t, cookie, pasah, office } = await setup();
    // Oracle by hand: turf great-circle km × 1.4 road factor at 30 km/h, plus 10 min for the stop.
    const km = turfDistance([115.3551, -8.4492], [115.3012, -8.4012], { units: 'kilometers' });
    const travelMin = Math.round(((km * 1.4) / 30) * 60 + 10);
    expect(travelMin).toBeGreaterThan(10);
    const first = await post(t, cookie, visitBody(pasah, '2026-11-28', { team: 'Tim A' }));
    const tight = await post(t, cookie, visitBody(office, '2026-11-28', { team: 'Tim A', starts_at: '2026-11-28T10:10:00+08:00', ends_at: '2026-11-28T11:00:00+08:00' }));
    expect(tight.body.warnings).toEqual([
      expect.objectContaining({
        code: 'tight_transfer', occurrence_id: tight.body.id, other_id: first.body.id,
        params: { from_title: 'Pendaftaran di pasar', from_end: '10:00', to_title: 'Pendaftaran di pasar', to_start: '10:10', gap_min: 10, travel_min: travelMin, via: 0 },
      }),
    ]);
    // Enough time to travel, or the same place right after, is fine; so is another team.
    expect((await post(t, cookie, visitBody(office, '2026-11-28', { team: 'Tim B', starts_at: '2026-11-28T10:10:00+08:00', ends_at: '2026-11-28T11:00:00+08:00' }))).body.warnings).toEqual([]);
    const later = `2026-11-28T${String(11 + Math.ceil(travelMin / 60)).padStart(2, '0')}:00:00+08:00`;
    expect((await post(t, cookie, visitBody(pasah, '2026-11-28', { team: 'Tim C', starts_at: '2026-11-28T06:00:00+08:00', ends_at: '2026-11-28T07:00:00+08:00' }))).body.warnings).toEqual([]);
    expect((await post(t, cookie, visitBody(pasah, '2026-11-28', { team: 'Tim C' }))).body.warnings).toEqual([]);
    expect((await post(t, cookie, visitBody(office, '2026-11-28', { team: 'Tim C', starts_at: later, ends_at: '2026-11-28T15:00:00+08:00' }))).body.warnings).toEqual([]);
  });

  it('warns about a series occurrence that clashes with a team booking elsewhere', async () => {
    const { t, cookie, pasah, office } = await setup();
    const single = await post(t, cookie, visitBody(office, '2026-12-04', { team: 'Tim A', starts_at: '2026-12-04T09:00:00+08:00', ends_at: '2026-12-04T12:00:00+08:00' }));
    const series = await post(t, cookie, visitBody(pasah, '2026-11-28', { team: 'Tim A', repeat: { on_market_days: true, until: '2026-12-31' } }));
    expect(series.body.warnings).toEqual([expect.objectContaining({ code: 'team_overlap', occurrence_id: 's1:2026-12-04', other_id: single.body.id })]);
  });

  it('warns about a visit on a non-market day and outside the opening window', async () => {
    const { t, cookie, pasah } = await setup();
    // 2026-11-29 is Beteng, not Pasah; 11:00–13:00 runs past the 12:00 close.
    const res = await post(t, cookie, visitBody(pasah, '2026-11-29', { starts_at: '2026-11-29T11:00:00+08:00', ends_at: '2026-11-29T13:00:00+08:00' }));
    expect(codes(res.body)).toEqual(['not_market_day', 'outside_opening_hours']);
  });

  it('warns about a visit on Nyepi (a configured closed date)', async () => {
    const { t, cookie, office } = await setup();
    const res = await post(t, cookie, visitBody(office, '2026-03-19'));
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'closed_date', message: expect.stringMatching(/Nyepi/) })]);
  });

  it('warns about Nyepi inside a series when the organisation lists it, with the occurrence id', async () => {
    const t = makeTestApp({ config: { closedDates: [{ date: '2026-12-07', name: 'Nyepi' }] } });
    const { cookie } = await loginAs(t, 'planner');
    const pasah = addTestPoint(t);
    const res = await post(t, cookie, visitBody(pasah, '2026-11-28', { repeat: { on_market_days: true, until: '2026-12-31' } }));
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'closed_date', occurrence_id: 's1:2026-12-07' })]);
  });

  it('warns when an occurrence is moved onto a clash, and not about the occurrence it replaces', async () => {
    const { t, cookie, pasah, office } = await setup();
    await post(t, cookie, visitBody(pasah, '2026-11-28', { team: 'Tim A', repeat: { on_market_days: true, until: '2026-12-31' } }));
    const single = await post(t, cookie, visitBody(office, '2026-12-01', { team: 'Tim A', starts_at: '2026-12-01T09:00:00+08:00', ends_at: '2026-12-01T11:00:00+08:00' }));
    expect(single.body.warnings.map((w: { other_id: string }) => w.other_id)).toEqual(['s1:2026-12-01']);
    const moved = await t.app.request('/api/visits/s1:2026-12-01', jsonRequest('PATCH', { starts_at: '2026-12-01T06:00:00+08:00', ends_at: '2026-12-01T08:00:00+08:00' }, cookie));
    expect((await moved.json()).warnings).toEqual([]);
  });
});

describe('visit input validation', () => {
  it.each([
    ['a missing title', { title: undefined }, 'title'],
    ['an empty title', { title: '   ' }, 'title'],
    ['an unknown activity', { activities: ['arisan'] }, 'activities.0'],
    ['no activities', { activities: [] }, 'activities'],
    ['a time without offset', { starts_at: '2026-12-01T08:00:00' }, 'starts_at'],
    ['an end before the start', { ends_at: '2026-12-01T07:00:00+08:00' }, 'ends_at'],
    ['a visit longer than 24 hours', { ends_at: '2026-12-03T08:00:00+08:00' }, 'ends_at'],
    ['an unknown point', { point_id: 987654 }, 'point_id'],
    ['a capacity of 0', { capacity: 0 }, 'capacity'],
    ['status cancelled on create', { status: 'cancelled' }, 'status'],
    ['a misspelt field', { start_at: '2026-12-01T08:00:00+08:00' }, 'body'],
  ])('rejects %s with 400 naming the field', async (_what, change, field) => {
    const { t, cookie, pasah } = await setup();
    const res = await post(t, cookie, { ...visitBody(pasah, '2026-12-01'), ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message.length).toBeGreaterThan(10);
  });

  it('keeps the WITA offset in answers whatever offset the planner sent', async () => {
    const { t, cookie, pasah } = await setup();
    const res = await post(t, cookie, { ...visitBody(pasah, '2026-12-01'), starts_at: '2026-12-01T00:00:00Z', ends_at: '2026-12-01T02:00:00Z' });
    expect(res.body).toMatchObject({ starts_at: '2026-12-01T08:00:00+08:00', ends_at: '2026-12-01T10:00:00+08:00' });
  });
});
