import { beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { addPoint, cancelVisit, createVisit, villageOfficeId, wita } from '../fixtures/coverage.js';

// TEST_NOW is Wednesday 2026-11-25 10:00 WITA.
let t: TestApp;
let planner: string;
let admin: string;
let staff: string;
const visit: Record<string, string> = {};
let office: { id: number; district_code: string };
let seriesOccurrence: string;

const GOOD = {
  attendees: 40,
  registrations: 12,
  cards_issued: 15,
  pretest: { respondents: 30, correct_pct: 42.5 },
  posttest: { respondents: 28, correct_pct: 81 },
  feedback: { '4': 10, '5': 3 },
  notes: 'Hujan sore; banyak pedagang sayur mendaftar.',
};

const post = (id: string, body: unknown, cookie?: string) => t.app.request(`/api/visits/${id}/outcome`, jsonRequest('POST', body, cookie));
const getOutcome = (id: string, cookie?: string) => t.app.request(`/api/visits/${id}/outcome`, { headers: cookie ? { Cookie: cookie } : {} });

beforeAll(async () => {
  t = makeTestApp();
  planner = (await loginAs(t, 'planner')).cookie;
  admin = (await loginAs(t, 'admin')).cookie;
  staff = (await loginAs(t, 'staff')).cookie;
  const village = t.services.villages.list[7];
  office = { id: villageOfficeId(t, village.code), district_code: village.district_code };
  visit.past = await createVisit(t, planner, { point_id: office.id, date: '2026-11-20' });
  visit.other = await createVisit(t, planner, { point_id: office.id, date: '2026-11-21' });
  visit.future = await createVisit(t, planner, { point_id: office.id, date: '2026-12-05' });
  visit.draft = await createVisit(t, planner, { point_id: office.id, date: '2026-11-18', status: 'draft' });
  visit.cancelled = await createVisit(t, planner, { point_id: office.id, date: '2026-11-17' });
  await cancelVisit(t, planner, visit.cancelled);

  // A made-up market that opens every Pasah, with a series of visits through November.
  const market = addPoint(t, { name: 'Pasar uji', type: 'market', services: [], position: t.services.villages.list[20].interior, market_days: { triwara: ['Pasah'] } });
  const res = await t.app.request('/api/visits', jsonRequest('POST', {
    point_id: market, title: 'Meja pendaftaran di pasar', activities: ['pendaftaran'],
    starts_at: wita('2026-11-01', '07:00'), ends_at: wita('2026-11-01', '10:00'),
    repeat: { on_market_days: true, until: '2026-11-30' },
  }, planner));
  expect(res.status).toBe(201);
  const series = await res.json();
  visit.series = series.id;
  seriesOccurrence = series.occurrences.find((o: { starts_at: string }) => o.starts_at < '2026-11-25').id;
});

describe('POST /api/visits/:id/outcome', () => {
  it('records the counts of a past visit and returns them with the visit\'s date, venue and kecamatan', async () => {
    const res = await post(visit.past, GOOD, planner);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      visit_id: visit.past,
      date: '2026-11-20',
      point_id: office.id,
      district_code: office.district_code,
      attendees: 40,
      registrations: 12,
      cards_issued: 15,
      pretest: { respondents: 30, correct_pct: 42.5 },
      posttest: { respondents: 28, correct_pct: 81 },
      feedback: { '1': 0, '2': 0, '3': 0, '4': 10, '5': 3 },
      notes: GOOD.notes,
    });
    expect(body.district_name).toBe(t.services.villages.list[7].district_name);
    const again = await getOutcome(visit.past, planner);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);
  });

  it('records an outcome for one occurrence of a series, by its occurrence id', async () => {
    const res = await post(seriesOccurrence, { attendees: 0, registrations: 0, cards_issued: 0 }, admin);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ visit_id: seriesOccurrence, date: seriesOccurrence.split(':')[1], attendees: 0 });
    expect(body.pretest).toBeUndefined();
  });

  it('allows more cards than registrations (existing members get cards too)', async () => {
    const res = await post(visit.other, { attendees: 10, registrations: 2, cards_issued: 9 }, planner);
    expect(res.status).toBe(200);
  });

  it.each<[string, (b: Record<string, unknown>) => void, string]>([
    ['attendees is missing', (b) => delete b.attendees, 'attendees'],
    ['attendees is negative', (b) => (b.attendees = -1), 'attendees'],
    ['attendees is not whole', (b) => (b.attendees = 40.5), 'attendees'],
    ['attendees is text', (b) => (b.attendees = '40'), 'attendees'],
    ['registrations exceed attendees', (b) => (b.registrations = 41), 'registrations'],
    ['registrations is negative', (b) => (b.registrations = -2), 'registrations'],
    ['cards_issued is negative', (b) => (b.cards_issued = -3), 'cards_issued'],
    ['cards_issued is missing', (b) => delete b.cards_issued, 'cards_issued'],
    ['pretest respondents exceed attendees', (b) => (b.pretest = { respondents: 41, correct_pct: 50 }), 'pretest.respondents'],
    ['pretest percentage is above 100', (b) => (b.pretest = { respondents: 30, correct_pct: 100.5 }), 'pretest.correct_pct'],
    ['pretest percentage is below 0', (b) => (b.pretest = { respondents: 30, correct_pct: -1 }), 'pretest.correct_pct'],
    ['pretest percentage is text', (b) => (b.pretest = { respondents: 30, correct_pct: '50' }), 'pretest.correct_pct'],
    ['pretest is not an object', (b) => (b.pretest = 50), 'pretest'],
    ['posttest percentage is above 100', (b) => (b.posttest = { respondents: 28, correct_pct: 101 }), 'posttest.correct_pct'],
    ['posttest respondents is negative', (b) => (b.posttest = { respondents: -1, correct_pct: 80 }), 'posttest.respondents'],
    ['posttest respondents exceed attendees', (b) => (b.posttest = { respondents: 50, correct_pct: 80 }), 'posttest.respondents'],
    ['feedback has a score 6', (b) => (b.feedback = { '6': 1 }), 'feedback.6'],
    ['feedback count is negative', (b) => (b.feedback = { '3': -1 }), 'feedback.3'],
    ['notes are too long', (b) => (b.notes = 'x'.repeat(2001)), 'notes'],
    ['a worker\'s NIK is sent', (b) => (b.nik = '5106010101800001'), 'nik'],
    ['workers\' names are sent', (b) => (b.names = ['Ni Luh Uji']), 'names'],
  ])('answers 400 naming the field when %s', async (_what, change, field) => {
    const body: Record<string, unknown> = structuredClone(GOOD);
    change(body);
    const res = await post(visit.past, body, planner);
    expect(res.status).toBe(400);
    const err = (await res.json()).error;
    expect(err.field).toBe(field);
    expect(err.message).toContain(field.split('.')[0]);
  });

  it('answers 400 for a body that is not a JSON object', async () => {
    const res = await post(visit.past, [1, 2, 3], planner);
    expect(res.status).toBe(400);
  });

  it('leaves the stored outcome untouched when a new one is refused', async () => {
    const before = await (await getOutcome(visit.past, planner)).json();
    await post(visit.past, { ...GOOD, registrations: 99 }, planner);
    expect(await (await getOutcome(visit.past, planner)).json()).toEqual(before);
  });

  it('replaces the earlier outcome when recorded again, and audits both with before and after', async () => {
    const first = { attendees: 20, registrations: 4, cards_issued: 4, pretest: { respondents: 10, correct_pct: 30 } };
    const second = { attendees: 22, registrations: 6, cards_issued: 7, posttest: { respondents: 20, correct_pct: 75 } };
    const v = await createVisit(t, planner, { point_id: office.id, date: '2026-11-23' });
    expect((await post(v, first, planner)).status).toBe(200);
    expect((await post(v, second, admin)).status).toBe(200);
    const stored = await (await getOutcome(v, planner)).json();
    expect(stored).toMatchObject(second);
    expect(stored.pretest).toBeUndefined(); // replaced, not merged

    const audit = await t.app.request('/api/audit?entity=visit_outcome&limit=100', { headers: { Cookie: admin } });
    expect(audit.status).toBe(200);
    const entries = ((await audit.json()).entries as { action: string; entity: string; actor_email: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[])
      .filter((e) => e.entity === 'visit_outcome' && e.after.visit_id === v)
      .reverse();
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[0].before).toBeNull();
    expect(entries[0].after).toMatchObject(first);
    expect(entries[1].before).toMatchObject(first);
    expect(entries[1].after).toMatchObject(second);
    expect(entries[1].actor_email).toMatch(/^admin/);
  });

  it('answers 404 for an unknown visit, a malformed id and a whole series', async () => {
    for (const id of ['v999999', 'nonsense', 's999:2026-11-01', visit.series]) {
      const res = await post(id, GOOD, planner);
      expect(res.status, id).toBe(404);
      expect((await res.json()).error.field).toBe('id');
    }
  });

  it('answers 409 for a visit that has not started, a cancelled one and a draft', async () => {
    for (const id of [visit.future, visit.cancelled, visit.draft]) {
      const res = await post(id, GOOD, planner);
      expect(res.status, id).toBe(409);
    }
  });

  it('is for planners and admins only: anonymous 401, staff 403', async () => {
    expect((await post(visit.past, GOOD)).status).toBe(401);
    expect((await post(visit.past, GOOD, staff)).status).toBe(403);
  });
});

describe('GET /api/visits/:id/outcome', () => {
  it('answers 404 for a visit without an outcome yet, naming that', async () => {
    const res = await getOutcome(visit.future, planner);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/No outcome/);
  });

  it('is for planners and admins only: anonymous 401, staff 403', async () => {
    expect((await getOutcome(visit.past)).status).toBe(401);
    expect((await getOutcome(visit.past, staff)).status).toBe(403);
    expect((await getOutcome(visit.past, admin)).status).toBe(200);
  });
});
