import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { addPoint, createVisit, villageOfficeId } from '../fixtures/coverage.js';

// TEST_NOW is Wednesday 2026-11-25 10:00 WITA. Four made-up visits with outcomes in two kecamatan:
//   V1 A 2026-10-07  40 attendees, 10 reg, 12 cards, pre 10 @ 40 %, post 10 @ 90 %
//   V2 A 2026-11-04  60 attendees, 20 reg, 20 cards, pre 30 @ 80 %, post 30 @ 70 %
//   V3 B 2026-11-18  25 attendees,  5 reg,  8 cards, pre 20 @ 55 %, no post-test
//   V4 B 2026-09-01  10 attendees,  1 reg,  1 card   (before the October–November window)
let t: TestApp;
let planner: string;
let A: string;
let B: string;
const ids: Record<string, string> = {};

const impact = async (query: string, cookie = planner) => {
  const res = await t.app.request(`/api/impact?${query}`, { headers: { Cookie: cookie } });
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  t = makeTestApp();
  planner = (await loginAs(t, 'planner')).cookie;
  const villages = t.services.villages.list;
  const inA = villages[0];
  const inB = villages.find((v) => v.district_code !== inA.district_code)!;
  A = inA.district_code;
  B = inB.district_code;
  const officeA = villageOfficeId(t, inA.code);
  // A venue whose name would run as a spreadsheet formula if exported carelessly.
  const hallB = addPoint(t, { name: '=HYPERLINK("http://contoh.invalid")', type: 'community_hall', services: [], position: inB.interior });
  const record = async (key: string, point: number, date: string, outcome: Record<string, unknown>) => {
    ids[key] = await createVisit(t, planner, { point_id: point, date });
    const res = await t.app.request(`/api/visits/${ids[key]}/outcome`, jsonRequest('POST', outcome, planner));
    expect(res.status).toBe(200);
  };
  await record('V1', officeA, '2026-10-07', { attendees: 40, registrations: 10, cards_issued: 12, pretest: { respondents: 10, correct_pct: 40 }, posttest: { respondents: 10, correct_pct: 90 } });
  await record('V2', officeA, '2026-11-04', { attendees: 60, registrations: 20, cards_issued: 20, pretest: { respondents: 30, correct_pct: 80 }, posttest: { respondents: 30, correct_pct: 70 }, feedback: { '5': 12 } });
  await record('V3', hallB, '2026-11-18', { attendees: 25, registrations: 5, cards_issued: 8, pretest: { respondents: 20, correct_pct: 55 } });
  await record('V4', hallB, '2026-09-01', { attendees: 10, registrations: 1, cards_issued: 1 });
});

describe('GET /api/impact', () => {
  it('adds up the visits in the window and weights awareness by respondents', async () => {
    const { status, body } = await impact('from=2026-10-01&to=2026-11-30');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      from: '2026-10-01', to: '2026-11-30',
      visits: 3, attendees: 125, registrations: 35, cards_issued: 40,
      // (10×40 + 30×80 + 20×55) / 60 = 65.0, not the unweighted mean 58.3
      pretest_pct: 65,
      // (10×90 + 30×70) / 40 = 75.0, not the unweighted mean 80
      posttest_pct: 75,
    });
  });

  it('groups by kecamatan (with its name) and by month', async () => {
    const { body } = await impact('from=2026-10-01&to=2026-11-30');
    const [first, second] = [A, B].sort();
    expect(body.by_district.map((d: { district_code: string }) => d.district_code)).toEqual([first, second]);
    const a = body.by_district.find((d: { district_code: string }) => d.district_code === A);
    const b = body.by_district.find((d: { district_code: string }) => d.district_code === B);
    // A: (10×40 + 30×80) / 40 = 70.0 before, (10×90 + 30×70) / 40 = 75.0 after
    expect(a).toMatchObject({ visits: 2, attendees: 100, registrations: 30, cards_issued: 32, pretest_pct: 70, posttest_pct: 75 });
    expect(a.district_name).toBe(t.services.villages.list.find((v) => v.district_code === A)!.district_name);
    // B: one quiz before, none after
    expect(b).toMatchObject({ visits: 1, attendees: 25, registrations: 5, cards_issued: 8, pretest_pct: 55, posttest_pct: null });
    expect(body.by_month).toEqual([
      { month: '2026-10', visits: 1, attendees: 40, registrations: 10, cards_issued: 12, pretest_pct: 40, posttest_pct: 90 },
      // (30×80 + 20×55) / 50 = 70.0 before; only V2 had a post-test
      { month: '2026-11', visits: 2, attendees: 85, registrations: 25, cards_issued: 28, pretest_pct: 70, posttest_pct: 70 },
    ]);
  });

  it('filters by district_code', async () => {
    const { body } = await impact(`from=2026-10-01&to=2026-11-30&district_code=${B}`);
    expect(body).toMatchObject({ district_code: B, visits: 1, attendees: 25, pretest_pct: 55, posttest_pct: null });
    expect(body.by_district).toHaveLength(1);
  });

  it('includes both ends of the range and nothing outside it', async () => {
    expect((await impact('from=2026-10-07&to=2026-10-07')).body).toMatchObject({ visits: 1, attendees: 40 });
    expect((await impact('from=2026-10-08&to=2026-11-03')).body).toMatchObject({ visits: 0, attendees: 0, pretest_pct: null, posttest_pct: null, by_district: [], by_month: [] });
  });

  it('defaults to the year up to today (WITA)', async () => {
    const { body } = await impact('');
    expect(body).toMatchObject({ from: '2025-11-26', to: '2026-11-25', visits: 4, attendees: 135 });
  });

  it.each([
    ['from=2026-13-01&to=2026-12-01', 'from'],
    ['from=2026-10-01&to=yesterday', 'to'],
    ['from=2026-11-30&to=2026-10-01', 'to'],
    ['from=2000-01-01&to=2026-11-30', 'to'],
    ['district_code=99.99.99', 'district_code'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await impact(query);
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
  });

  it('is for planners and admins only: anonymous 401, staff 403', async () => {
    expect((await t.app.request('/api/impact')).status).toBe(401);
    const staff = (await loginAs(t, 'staff')).cookie;
    expect((await impact('', staff)).status).toBe(403);
    const admin = (await loginAs(t, 'admin')).cookie;
    expect((await impact('', admin)).status).toBe(200);
  });
});

describe('GET /api/impact.csv', () => {
  it('exports one row per visit outcome in the window, by date, with counts and percentages', async () => {
    const res = await t.app.request('/api/impact.csv?from=2026-10-01&to=2026-11-30', { headers: { Cookie: planner } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="jangkau-impact-2026-10-01-2026-11-30.csv"');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.visit_id)).toEqual([ids.V1, ids.V2, ids.V3]);
    expect(rows.map((r) => r.date)).toEqual(['2026-10-07', '2026-11-04', '2026-11-18']);
    expect(rows[1]).toMatchObject({
      district_code: A, attendees: '60', registrations: '20', cards_issued: '20',
      pretest_respondents: '30', pretest_correct_pct: '80', posttest_respondents: '30', posttest_correct_pct: '70', feedback_5: '12', feedback_1: '0',
    });
    expect(rows[2]).toMatchObject({ district_code: B, posttest_respondents: '', posttest_correct_pct: '', feedback_5: '' });
    expect(rows[0].point_name).toMatch(/^Kantor (Perbekel|Lurah) /);
  });

  it('defuses venue names that a spreadsheet would run as formulas', async () => {
    const res = await t.app.request('/api/impact.csv?from=2026-11-18&to=2026-11-18', { headers: { Cookie: planner } });
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows[0].point_name).toBe('\'=HYPERLINK("http://contoh.invalid")');
  });

  it('is for planners and admins only: anonymous 401, staff 403', async () => {
    expect((await t.app.request('/api/impact.csv')).status).toBe(401);
    const staff = (await loginAs(t, 'staff')).cookie;
    expect((await t.app.request('/api/impact.csv', { headers: { Cookie: staff } })).status).toBe(403);
  });
});
