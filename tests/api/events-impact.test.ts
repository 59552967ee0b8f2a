import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { jsonRequest } from '../helpers/app.js';
import { code, eventWorld, post, type EventWorld } from './events-fixture.js';

let w: EventWorld;
let v1: string;
let v2: string;

// Key: q1 b, q2 a, q3 c, q4 b, q5 a.
// Visit A: P1 pre b a x a a = 3/5 (60), post all right (100); P2 pre a b c x x = 1/5 (20), post b a c a a = 4/5 (80).
// Visit B: Q1 pre q1 b = 1/1 (100), post q1 a = 0/1 (0); Q2 pre q2 x = 0/1 (0).
// Interest: A → V1 terdaftar, V1 baru; B → V2 dihubungi.
beforeAll(async () => {
  w = await eventWorld();
  v1 = w.t.services.villages.list[10].code;
  v2 = w.t.services.villages.list[40].code;
  const sends: [string, string, string, Record<string, string>][] = [
    [w.today, 'P1', 'pre', { q1: 'b', q2: 'a', q3: 'x', q4: 'a', q5: 'a' }],
    [w.today, 'P1', 'post', { q1: 'b', q2: 'a', q3: 'c', q4: 'b', q5: 'a' }],
    [w.today, 'P2', 'pre', { q1: 'a', q2: 'b', q3: 'c', q4: 'x', q5: 'x' }],
    [w.today, 'P2', 'post', { q1: 'b', q2: 'a', q3: 'c', q4: 'a', q5: 'a' }],
    [w.today2, 'Q1', 'pre', { q1: 'b' }],
    [w.today2, 'Q1', 'post', { q1: 'a' }],
    [w.today2, 'Q2', 'pre', { q2: 'x' }],
  ];
  for (const [visit, p, phase, answers] of sends) expect((await post(w.t, visit, 'quiz', { participant: code(p), phase, answers })).status).toBe(201);
  const person = { name: 'Peserta', whatsapp: '081234567890', programmes: ['JKK', 'JKM'], consent: true };
  let people = 0;
  // A different name each time: the same name and number again would be a retry of the same sign-up.
  const signUp = async (visit: string, village: string, status: string) => {
    const { id } = await (await post(w.t, visit, 'interest', { ...person, name: `Peserta ${++people}`, village_code: village })).json();
    if (status !== 'baru') expect((await w.t.app.request(`/api/visits/${encodeURIComponent(visit)}/interest/${id}`, jsonRequest('PATCH', { status }, w.planner))).status).toBe(200);
  };
  await signUp(w.today, v1, 'terdaftar');
  await signUp(w.today, v1, 'baru');
  await signUp(w.today2, v2, 'dihubungi');
});

describe('GET /api/impact with the event companion', () => {
  it('counts visits with phone answers and no typed outcome, and weights awareness by respondents', async () => {
    const res = await w.t.app.request('/api/impact?from=2026-11-01&to=2026-11-30', { headers: { Cookie: w.planner } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.visits).toBe(2);
    expect(body.attendees).toBe(4);
    // Pre: A 2 at 40, B 2 at 50 → (80 + 100) / 4 = 45. Post: A 2 at 90, B 1 at 0 → 180 / 3 = 60.
    expect(body.pretest_pct).toBe(45);
    expect(body.posttest_pct).toBe(60);
    // Pairs P1, P2, Q1: pre (60 + 20 + 100) / 3 = 60, post (100 + 80 + 0) / 3 = 60.
    expect(body.matched).toEqual({ pairs: 3, pre_pct: 60, post_pct: 60 });
  });

  it('lists the questions people get wrong most before the talk, lowest share right first', async () => {
    const body = await (await w.t.app.request('/api/impact?from=2026-11-01&to=2026-11-30', { headers: { Cookie: w.planner } })).json();
    // Pre right: q4 0/2 = 0, q2 1/3 = 33.3, q3 1/2 = 50, q5 1/2 = 50, q1 2/3 = 66.7.
    expect(body.wrong_most.map((q: { id: string; pre_pct: number }) => [q.id, q.pre_pct])).toEqual([['q4', 0], ['q2', 33.3], ['q3', 50], ['q5', 50], ['q1', 66.7]]);
    // Post right: q4 P1 ✓ P2 ✗ = 50; q1 P1 ✓ P2 ✓ Q1 ✗ = 66.7.
    expect(body.wrong_most[0]).toMatchObject({ post_pct: 50, text: expect.stringContaining('JHT') });
    expect(body.wrong_most[4]).toMatchObject({ post_n: 3, post_pct: 66.7 });
  });

  it('gives the follow-up funnel by village and by visit', async () => {
    const { funnel } = await (await w.t.app.request('/api/impact?from=2026-11-01&to=2026-11-30', { headers: { Cookie: w.planner } })).json();
    expect({ interested: funnel.interested, contacted: funnel.contacted, registered: funnel.registered }).toEqual({ interested: 3, contacted: 2, registered: 1 });
    const byVillage = Object.fromEntries(funnel.by_village.map((v: { village_code: string; interested: number; contacted: number; registered: number }) => [v.village_code, [v.interested, v.contacted, v.registered]]));
    expect(byVillage).toEqual({ [v1]: [2, 1, 1], [v2]: [1, 1, 0] });
    const byVisit = Object.fromEntries(funnel.by_visit.map((v: { visit_id: string; interested: number; contacted: number; registered: number }) => [v.visit_id, [v.interested, v.contacted, v.registered]]));
    expect(byVisit).toEqual({ [w.today]: [2, 1, 1], [w.today2]: [1, 1, 0] });
  });

  it('puts the same figures in impact.csv: per visit, per question and per village', async () => {
    const csv = async (q: string) => parse(await (await w.t.app.request(`/api/impact.csv?from=2026-11-01&to=2026-11-30${q}`, { headers: { Cookie: w.planner } })).text(), { columns: true }) as Record<string, string>[];
    const visits = await csv('');
    const a = visits.find((r) => r.visit_id === w.today)!;
    expect(a).toMatchObject({ checkins: '2', pretest_respondents: '2', pretest_correct_pct: '40', matched_pairs: '2', matched_pre_pct: '40', matched_post_pct: '90', interested: '2', contacted: '1', registered: '1' });
    const questions = await csv('&table=questions');
    expect(questions.map((r) => [r.question_id, r.pre_pct])).toEqual([['q4', '0'], ['q2', '33.3'], ['q3', '50'], ['q5', '50'], ['q1', '66.7']]);
    const villages = await csv('&table=villages');
    expect(villages.find((r) => r.village_code === v1)).toMatchObject({ interested: '2', contacted: '1', registered: '1' });
  });
});
