import { beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest, makeTestApp } from '../helpers/app.js';
import { code, eventWorld, post, type EventWorld } from './events-fixture.js';
import { createVisit, villageOfficeId } from '../fixtures/coverage.js';
import { loginAs } from '../helpers/app.js';
import { EVENT_WRITES_PER_CLIENT } from '../../server/services/events/participation.js';

let w: EventWorld;
let good: Record<string, unknown>;
beforeAll(async () => {
  w = await eventWorld();
  good = { name: 'Made Sutrisna', whatsapp: '0812-3456-7890', village_code: w.village.code, programmes: ['JKK', 'JKM'], consent: true };
});

const list = (cookie?: string, id = w.today) => w.t.app.request(`/api/visits/${id}/interest`, { headers: cookie ? { Cookie: cookie } : {} });

describe('POST /api/visits/:id/interest', () => {
  it('records a sign-up with 201 and shows it to planners with status baru and the number as +62…', async () => {
    const res = await post(w.t, w.today, 'interest', good);
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const { interest } = await (await list(w.planner)).json();
    expect(interest).toEqual([expect.objectContaining({
      id, name: 'Made Sutrisna', whatsapp: '+6281234567890', village_code: w.village.code, village_name: w.village.name,
      programmes: ['JKK', 'JKM'], status: 'baru', delete_after: '2027-02-23T03:00:00.000Z', // 11:00 WITA + 90 days
    })]);
  });

  it('replaces the record when the same phone sends it again (200), so an offline retry does not double it', async () => {
    const body = { ...good, participant: code('i1'), name: 'Ketut' };
    expect((await post(w.t, w.today, 'interest', body)).status).toBe(201);
    expect((await post(w.t, w.today, 'interest', { ...body, programmes: ['JHT'] })).status).toBe(200);
    const { interest } = await (await list(w.planner)).json();
    expect(interest.filter((r: { name: string }) => r.name === 'Ketut')).toEqual([expect.objectContaining({ programmes: ['JHT'] })]);
  });

  it('never tells a stranger whether a name and number already signed up: without a participant code each sign-up is its own', async () => {
    const body = { ...good, name: 'Komang Retry', whatsapp: '0813 5555 1212' };
    const first = await post(w.t, w.today2, 'interest', body);
    const again = await post(w.t, w.today2, 'interest', { ...body, whatsapp: '+62 813-5555-1212', programmes: ['JHT'] });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect((await again.json()).id).not.toBe((await first.json()).id);
    const { interest } = await (await w.t.app.request(`/api/visits/${w.today2}/interest`, { headers: { Cookie: w.planner } })).json();
    // The first record was not overwritten by the stranger's second request.
    const komang = interest.filter((r: { name: string }) => r.name === 'Komang Retry');
    expect(komang).toHaveLength(2);
    expect(komang.map((r: { programmes: string[] }) => r.programmes.join()).sort()).toEqual([(good.programmes as string[]).join(), 'JHT'].sort());
  });

  it('answers 400 naming consent when consent is missing or not true', async () => {
    for (const consent of [undefined, false, 'true', 1]) {
      const res = await post(w.t, w.today, 'interest', { ...good, consent });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ field: 'consent', code: 'consent_required' });
    }
  });

  it('answers 400 naming the field for a NIK in the name, a landline, an unknown village and no programme', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: 'Wayan 5106011234560001' }, 'name', 'nik_not_allowed'],
      [{ name: '   ' }, 'name', 'invalid'],
      [{ whatsapp: '(0366) 91234' }, 'whatsapp', 'invalid_whatsapp'],
      [{ whatsapp: 'telepon saya' }, 'whatsapp', 'invalid_whatsapp'],
      [{ village_code: '99.99.99.9999' }, 'village_code', 'unknown_village'],
      [{ programmes: [] }, 'programmes', 'list_too_short'],
      [{ programmes: ['JP'] }, 'programmes.0', 'enum_unknown'],
      [{ nik: '5106011234560001' }, 'body', 'unknown_field'],
    ];
    for (const [patch, field, errCode] of cases) {
      const res = await post(w.t, w.today, 'interest', { ...good, ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect((await res.json()).error, JSON.stringify(patch)).toMatchObject({ field, code: errCode });
    }
  });

  it('answers 409 outside the event window', async () => {
    const res = await post(w.t, w.past, 'interest', good);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('event_window_closed');
  });
});

describe('planners work the interest list', () => {
  it('is for planners only: anonymous 401, staff 403, for the list, status changes and deletion', async () => {
    expect((await list()).status).toBe(401);
    expect((await list(w.staff)).status).toBe(403);
    for (const [method, body] of [['PATCH', { status: 'dihubungi' }], ['DELETE', undefined]] as const) {
      expect((await w.t.app.request(`/api/visits/${w.today}/interest/1`, jsonRequest(method, body))).status).toBe(401);
      expect((await w.t.app.request(`/api/visits/${w.today}/interest/1`, jsonRequest(method, body, w.staff))).status).toBe(403);
    }
  });

  it('changes the follow-up status, counts it in the outcome, and audits it without the name or number', async () => {
    const { id } = await (await post(w.t, w.today, 'interest', { ...good, name: 'Nyoman Arta', whatsapp: '081999888777' })).json();
    const res = await w.t.app.request(`/api/visits/${w.today}/interest/${id}`, jsonRequest('PATCH', { status: 'terdaftar' }, w.planner));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, status: 'terdaftar' });
    const bad = await w.t.app.request(`/api/visits/${w.today}/interest/${id}`, jsonRequest('PATCH', { status: 'selesai' }, w.planner));
    expect(bad.status).toBe(400);
    const outcome = await (await w.t.app.request(`/api/visits/${w.today}/outcome`, { headers: { Cookie: w.planner } })).json();
    // Made Sutrisna (baru), Ketut (baru), Nyoman Arta (terdaftar).
    expect(outcome.interest).toEqual({ total: 3, by_status: { baru: 2, dihubungi: 0, terdaftar: 1, tidak_jadi: 0 } });
    const audit = await (await w.t.app.request('/api/audit?entity=event_interest&limit=50', { headers: { Cookie: w.admin } })).text();
    expect(audit).toContain('terdaftar');
    expect(audit).not.toContain('Nyoman');
    expect(audit).not.toContain('81999888777');
  });

  it('deletes a record at once on request, and answers 404 for a record of another visit', async () => {
    const { id } = await (await post(w.t, w.today, 'interest', { ...good, name: 'Minta dihapus' })).json();
    expect((await w.t.app.request(`/api/visits/${w.today2}/interest/${id}`, jsonRequest('DELETE', undefined, w.planner))).status).toBe(404);
    expect((await w.t.app.request(`/api/visits/${w.today}/interest/${id}`, jsonRequest('DELETE', undefined, w.planner))).status).toBe(200);
    const { interest } = await (await list(w.planner)).json();
    expect(interest.some((r: { name: string }) => r.name === 'Minta dihapus')).toBe(false);
    const audit = await (await w.t.app.request('/api/audit?entity=event_interest&limit=50', { headers: { Cookie: w.admin } })).text();
    expect(audit).not.toContain('Minta dihapus');
  });
});

describe('quiz bank editing', () => {
  const q = { text: 'Siapa yang boleh ikut BPU?', choices: [{ id: 'a', text: 'Pekerja mandiri' }, { id: 'b', text: 'Hanya PNS' }, { id: 'x', text: 'Tidak tahu' }], answer: 'a', explanation: 'Pekerja mandiri boleh ikut.', source: 'bpjstk_bpu_contribution_rules.json: segment' };

  it('is for planners only: anonymous 401, staff 403', async () => {
    expect((await w.t.app.request('/api/quiz/questions', jsonRequest('POST', q))).status).toBe(401);
    expect((await w.t.app.request('/api/quiz/questions', jsonRequest('POST', q, w.staff))).status).toBe(403);
    expect((await w.t.app.request('/api/quiz/questions/q1', jsonRequest('PATCH', { active: false }, w.staff))).status).toBe(403);
    expect((await w.t.app.request('/api/quiz/questions/q1', jsonRequest('DELETE', undefined))).status).toBe(401);
  });

  it('adds a question as the next id, and deletes it while never answered', async () => {
    const res = await w.t.app.request('/api/quiz/questions', jsonRequest('POST', q, w.planner));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: 'q8', version: 1, active: true });
    const del = await w.t.app.request('/api/quiz/questions/q8', jsonRequest('DELETE', undefined, w.planner));
    expect(await del.json()).toEqual({ id: 'q8', deleted: true, active: false });
  });

  it('refuses a question without "Tidak tahu", with "Tidak tahu" as the answer or an answer that is no choice', async () => {
    for (const [body, field] of [
      [{ ...q, choices: q.choices.filter((c) => c.id !== 'x').concat({ id: 'c', text: 'C' }) }, 'choices'],
      [{ ...q, answer: 'x' }, 'answer'],
      [{ ...q, answer: 'd' }, 'answer'],
      [{ ...q, choices: [q.choices[0], q.choices[0], q.choices[2]] }, 'choices'],
      [{ ...q, text: '' }, 'text'],
    ] as const) {
      const res = await w.t.app.request('/api/quiz/questions', jsonRequest('POST', body, w.planner));
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
  });

  it('deactivates an answered question instead of deleting it, and the public no longer sees it', async () => {
    w.t.setNow(new Date('2026-11-25T02:00:00Z'));
    await post(w.t, w.today2, 'quiz', { participant: code('qb'), phase: 'pre', answers: { q7: 'a' } });
    const del = await w.t.app.request('/api/quiz/questions/q7', jsonRequest('DELETE', undefined, w.planner));
    expect(await del.json()).toEqual({ id: 'q7', deleted: false, active: false });
    const { questions } = await (await w.t.app.request('/api/quiz')).json();
    expect(questions.map((x: { id: string }) => x.id)).not.toContain('q7');
    const res = await post(w.t, w.today2, 'quiz', { participant: code('qb2'), phase: 'pre', answers: { q7: 'a' } });
    expect((await res.json()).error.code).toBe('unknown_question');
  });
});

describe('limits', () => {
  it(`answers 429 with Retry-After past ${EVENT_WRITES_PER_CLIENT} public writes from one client in 10 minutes, but not for a facilitator`, async () => {
    const t = makeTestApp();
    const planner = (await loginAs(t, 'planner')).cookie;
    const visit = await createVisit(t, planner, { point_id: villageOfficeId(t, t.services.villages.list[3].code), date: '2026-11-25' });
    for (let i = 0; i < EVENT_WRITES_PER_CLIENT; i++) expect((await post(t, visit, 'checkins', { participant: code(i) })).status).toBe(201);
    const res = await post(t, visit, 'checkins', { participant: code('over') });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await post(t, visit, 'checkins', { participant: code('paper') }, planner)).status).toBe(201);
  });
});

describe('expiry', () => {
  it('deletes every record 90 days after the visit ended', async () => {
    w.t.setNow(new Date('2027-02-23T02:59:59Z'));
    // Sessions do not last 90 days: log in again then.
    const planner = (await loginAs(w.t, 'planner')).cookie;
    expect((await (await list(planner)).json()).interest.length).toBe(3);
    w.t.setNow(new Date('2027-02-23T03:00:00Z'));
    expect((await (await list(planner)).json()).interest).toEqual([]);
  });
});
