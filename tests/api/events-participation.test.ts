import { beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest } from '../helpers/app.js';
import { code, eventWorld, post, type EventWorld } from './events-fixture.js';

let w: EventWorld;
beforeAll(async () => {
  w = await eventWorld();
});

const outcome = async (id: string) => {
  const res = await w.t.app.request(`/api/visits/${encodeURIComponent(id)}/outcome`, { headers: { Cookie: w.planner } });
  return { status: res.status, body: await res.json() };
};

describe('GET /api/quiz', () => {
  it('gives the public the active questions without answers, explanations or sources', async () => {
    const res = await w.t.app.request('/api/quiz');
    expect(res.status).toBe(200);
    const { questions } = await res.json();
    expect(questions.length).toBeGreaterThanOrEqual(5);
    expect(questions[0]).toMatchObject({ id: 'q1', choices: expect.arrayContaining([{ id: 'x', text: 'Tidak tahu' }]) });
    for (const q of questions) {
      expect(q).not.toHaveProperty('answer');
      expect(q).not.toHaveProperty('explanation');
    }
  });

  it('gives a planner the answer, explanation and source too', async () => {
    const { questions } = await (await w.t.app.request('/api/quiz', { headers: { Cookie: w.planner } })).json();
    expect(questions[0]).toMatchObject({ id: 'q1', answer: 'b', explanation: expect.stringContaining('16.800'), source: expect.stringContaining('bpjstk_bpu_contribution_rules.json') });
  });
});

describe('GET /api/visits/:id/event', () => {
  it('says whether the event is open and when it opens and closes, and hides drafts (404)', async () => {
    const open = await (await w.t.app.request(`/api/visits/${w.today}/event`)).json();
    // 09:00–11:00 WITA on 25 November: opens 07:00 WITA (23:00 UTC the day before), closes 11:00 WITA the next day.
    expect(open).toEqual({ visit_id: w.today, open: true, opens_at: '2026-11-24T23:00:00.000Z', closes_at: '2026-11-26T03:00:00.000Z' });
    expect(await (await w.t.app.request(`/api/visits/${w.future}/event`)).json()).toMatchObject({ open: false, reason: 'event_not_open_yet' });
    expect(await (await w.t.app.request(`/api/visits/${w.cancelled}/event`)).json()).toMatchObject({ open: false, reason: 'event_not_scheduled' });
    expect((await w.t.app.request(`/api/visits/${w.draft}/event`)).status).toBe(404);
  });
});

describe('POST /api/visits/:id/checkins', () => {
  it('answers 201 the first time and 200 when the participant checks in again', async () => {
    expect((await post(w.t, w.today, 'checkins', { participant: code('c1') })).status).toBe(201);
    expect((await post(w.t, w.today, 'checkins', { participant: code('c1') })).status).toBe(200);
  });

  it('refuses a malformed participant code with 400 naming participant', async () => {
    for (const participant of ['x-12345678', 'p-short', `p-${'a'.repeat(65)}`, 'p-has space1', 42]) {
      const res = await post(w.t, w.today, 'checkins', { participant });
      expect(res.status, String(participant)).toBe(400);
      expect((await res.json()).error.field).toBe('participant');
    }
  });

  it('answers 404 for an unknown visit and a malformed id', async () => {
    expect((await post(w.t, 'v99999', 'checkins', { participant: code(1) })).status).toBe(404);
    expect((await post(w.t, 'nonsense', 'checkins', { participant: code(1) })).status).toBe(404);
  });

  it('answers 409 outside the window and for unscheduled visits, with the code that says why', async () => {
    const cases: [string, string][] = [[w.future, 'event_not_open_yet'], [w.past, 'event_window_closed'], [w.cancelled, 'event_not_scheduled']];
    for (const [id, expected] of cases) {
      for (const [what, body] of [
        ['checkins', { participant: code(2) }],
        ['quiz', { participant: code(2), phase: 'pre', answers: { q1: 'b' } }],
        ['feedback', { participant: code(2), score: 4 }],
      ] as const) {
        const res = await post(w.t, id, what, body);
        expect(res.status, `${what} ${id}`).toBe(409);
        expect((await res.json()).error.code).toBe(expected);
      }
    }
  });

  it('answers a phone 404 for a draft (a 409 would confirm it exists), and a facilitator the 409 that says why', async () => {
    const body = { participant: code(9) };
    const phone = await post(w.t, w.draft, 'checkins', body);
    expect(phone.status).toBe(404);
    expect(await phone.text()).not.toContain('draft');
    const tablet = await post(w.t, w.draft, 'checkins', body, w.planner);
    expect(tablet.status).toBe(409);
    expect((await tablet.json()).error).toMatchObject({ code: 'event_not_scheduled', params: { status: 'draft' } });
  });

  it('answers 404 on the event page and to every write once the visit\'s point is retired', async () => {
    const r = await eventWorld();
    const pointId = (await (await r.t.app.request(`/api/visits/${r.today}`, { headers: { Cookie: r.planner } })).json()).point_id;
    expect((await post(r.t, r.today, 'checkins', { participant: code(1) })).status).toBe(201);
    expect((await r.t.app.request(`/api/points/${pointId}`, jsonRequest('DELETE', undefined, r.staff))).status).toBe(200);
    expect((await r.t.app.request(`/api/visits/${r.today}/event`)).status).toBe(404);
    for (const cookie of [undefined, r.planner]) {
      expect((await post(r.t, r.today, 'checkins', { participant: code(2) }, cookie)).status).toBe(404);
      expect((await post(r.t, r.today, 'feedback', { participant: code(1), score: 5 }, cookie)).status).toBe(404);
      expect((await post(r.t, r.today, 'interest', { name: 'Ketut', whatsapp: '081234567890', village_code: r.village.code, programmes: ['JKK'], consent: true }, cookie)).status).toBe(404);
    }
  });

  it('refuses a body larger than 8 KB with 413', async () => {
    const res = await post(w.t, w.today, 'feedback', { participant: code(3), score: 4, comment: 'a'.repeat(9000) });
    expect(res.status).toBe(413);
  });
});

describe('POST /api/visits/:id/quiz', () => {
  it('scores 3 right of 5 as {correct:3,total:5,score_pct:60}', async () => {
    // Key: q1 b, q2 a, q3 c, q4 b, q5 a. Right: q1, q2, q5.
    const res = await post(w.t, w.today2, 'quiz', { participant: code('s1'), phase: 'pre', answers: { q1: 'b', q2: 'a', q3: 'x', q4: 'a', q5: 'a' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ correct: 3, total: 5, score_pct: 60 });
  });

  it('returns the right answers with one line of explanation after the post-test', async () => {
    const res = await post(w.t, w.today2, 'quiz', { participant: code('s1'), phase: 'post', answers: { q1: 'b', q2: 'c' } });
    const body = await res.json();
    expect(body).toMatchObject({ correct: 1, total: 2, score_pct: 50 });
    expect(body.review.find((r: { id: string }) => r.id === 'q2')).toMatchObject({ choice: 'c', answer: 'a', correct: false, explanation: expect.any(String) });
  });

  it('names an unknown question or choice with 400', async () => {
    let res = await post(w.t, w.today, 'quiz', { participant: code(4), phase: 'pre', answers: { q1: 'b', q99: 'a' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'unknown_question', field: 'answers.q99', params: { question: 'q99' } });
    res = await post(w.t, w.today, 'quiz', { participant: code(4), phase: 'pre', answers: { q1: 'z' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'unknown_choice', field: 'answers.q1', params: { question: 'q1', choice: 'z' } });
  });

  it('refuses a bad phase, no answers and more than 20 answers with 400', async () => {
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`q${i + 1}`, 'a']));
    for (const [body, field] of [
      [{ participant: code(5), phase: 'during', answers: { q1: 'b' } }, 'phase'],
      [{ participant: code(5), phase: 'pre', answers: {} }, 'answers'],
      [{ participant: code(5), phase: 'pre', answers: many }, 'answers'],
      [{ participant: code(5), phase: 'pre', answers: { q1: 3 } }, 'answers.q1'],
    ] as const) {
      const res = await post(w.t, w.today, 'quiz', body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
  });
});

describe('POST /api/visits/:id/feedback', () => {
  it('refuses a score outside 1–5 and a comment holding a NIK, naming the field', async () => {
    let res = await post(w.t, w.today, 'feedback', { participant: code(6), score: 6 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('score');
    res = await post(w.t, w.today, 'feedback', { participant: code(6), score: 5, comment: 'NIK saya 5106 0112 3456 0001' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ field: 'comment', code: 'nik_not_allowed' });
  });
});

describe('a whole event, checked against a hand calculation', () => {
  // Key: q1 b, q2 a, q3 c, q4 b, q5 a.
  // P1 pre  b a x a a → q1 q2 q5 right = 3/5 = 60 %; post b a c b a = 5/5 = 100 %.
  // P2 pre  a b c x x → q3 right = 1/5 = 20 %;        post b a c a a = 4/5 = 80 %.
  // P3 pre  b x x b x → q1 q4 right = 2/5 = 40 %;     no post-test.
  // P4 post b a a b b → q1 q2 q4 right = 3/5 = 60 %;  typed by a facilitator, no pre-test.
  // P5 only checks in.
  const answers = {
    P1: { pre: { q1: 'b', q2: 'a', q3: 'x', q4: 'a', q5: 'a' }, post: { q1: 'b', q2: 'a', q3: 'c', q4: 'b', q5: 'a' } },
    P2: { pre: { q1: 'a', q2: 'b', q3: 'c', q4: 'x', q5: 'x' }, post: { q1: 'b', q2: 'a', q3: 'c', q4: 'a', q5: 'a' } },
    P3: { pre: { q1: 'b', q2: 'x', q3: 'x', q4: 'b', q5: 'x' } },
    P4: { post: { q1: 'b', q2: 'a', q3: 'a', q4: 'b', q5: 'b' } },
  } as const;

  beforeAll(async () => {
    for (const p of ['P1', 'P2', 'P3', 'P5']) await post(w.t, w.today, 'checkins', { participant: code(p) });
    // P1 first sends a wrong pre-test, then again: the repeat replaces it.
    await post(w.t, w.today, 'quiz', { participant: code('P1'), phase: 'pre', answers: { q1: 'x' } });
    for (const [p, phases] of Object.entries(answers)) {
      for (const [phase, a] of Object.entries(phases)) {
        const res = await post(w.t, w.today, 'quiz', { participant: code(p), phase, answers: a }, p === 'P4' ? w.planner : undefined);
        expect(res.status).toBe(201);
      }
    }
    for (const [p, score] of [['P1', 5], ['P2', 4], ['P3', 5], ['P3', 3]] as const) {
      expect((await post(w.t, w.today, 'feedback', { participant: code(p), score, comment: 'Jelas sekali' })).status).toBe(201);
    }
  });

  it('returns the computed outcome: attendees, pre/post, matched pairs, per question, feedback, sources', async () => {
    const { status, body } = await outcome(w.today);
    expect(status).toBe(200);
    // c1 from the check-in test + P1 P2 P3 P5 by phone; P4 by the facilitator.
    expect(body.attendees).toBe(6);
    expect(body.sources.attendees).toEqual({ phone: 5, facilitator: 1, typed: 0 });
    // pre: (60 + 20 + 40) / 3 = 40; post: (100 + 80 + 60) / 3 = 80.
    expect(body.pretest).toEqual({ respondents: 3, correct_pct: 40 });
    expect(body.posttest).toEqual({ respondents: 3, correct_pct: 80 });
    // P1 and P2 did both: pre (60 + 20) / 2 = 40, post (100 + 80) / 2 = 90.
    expect(body.matched).toEqual({ pairs: 2, pre_pct: 40, post_pct: 90 });
    // q1 pre: P1 ✓ P2 ✗ P3 ✓ = 66.7; post: P1 ✓ P2 ✓ P4 ✓ = 100. q4 pre: P3 only = 33.3; post P1 ✓ P2 ✗ P4 ✓ = 66.7.
    const q = (id: string) => body.by_question.find((x: { id: string }) => x.id === id);
    expect(q('q1')).toMatchObject({ pre_pct: 66.7, post_pct: 100 });
    expect(q('q4')).toMatchObject({ pre_pct: 33.3, post_pct: 66.7 });
    expect(q('q3')).toMatchObject({ pre_pct: 33.3, post_pct: 66.7 });
    // P3's second feedback replaced the first.
    expect(body.feedback).toEqual({ '1': 0, '2': 0, '3': 1, '4': 1, '5': 1 });
    expect(body.sources.pretest).toEqual({ phone: 3, facilitator: 0, typed: 0 });
    expect(body.sources.posttest).toEqual({ phone: 2, facilitator: 1, typed: 0 });
    expect(body.typed).toBeNull();
  });

  it('adds what a planner typed: attendees add up, awareness is weighted by respondents', async () => {
    const res = await w.t.app.request(`/api/visits/${w.today}/outcome`, jsonRequest('POST', {
      attendees: 10, registrations: 2, cards_issued: 2, pretest: { respondents: 5, correct_pct: 20 }, feedback: { '5': 2 },
    }, w.planner));
    expect(res.status).toBe(200);
    const { body } = await outcome(w.today);
    expect(body.attendees).toBe(16); // 6 checked in + 10 typed
    // (3 × 40 + 5 × 20) / 8 = 220 / 8 = 27.5
    expect(body.pretest).toEqual({ respondents: 8, correct_pct: 27.5 });
    expect(body.posttest).toEqual({ respondents: 3, correct_pct: 80 });
    expect(body.feedback).toEqual({ '1': 0, '2': 0, '3': 1, '4': 1, '5': 3 });
    expect(body.sources.attendees).toEqual({ phone: 5, facilitator: 1, typed: 10 });
    expect(body.sources.feedback).toEqual({ phone: 3, facilitator: 0, typed: 2 });
    expect(body.typed).toMatchObject({ attendees: 10, pretest: { respondents: 5, correct_pct: 20 } });
  });

  it('keeps old scores when a question is edited after it was answered: a new version is made', async () => {
    const before = (await outcome(w.today)).body.by_question;
    const res = await w.t.app.request('/api/quiz/questions/q1', jsonRequest('PATCH', { answer: 'a', text: 'Iuran paling sedikit per bulan?' }, w.planner));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'q1', version: 2, answer: 'a' });
    expect((await outcome(w.today)).body.by_question).toEqual(before);
    // Put the key back for the other tests (as version 3).
    const back = await w.t.app.request('/api/quiz/questions/q1', jsonRequest('PATCH', { answer: 'b' }, w.planner));
    expect(await back.json()).toMatchObject({ version: 2, answer: 'b' }); // version 2 is unanswered: edited in place
  });
});
