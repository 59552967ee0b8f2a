import { beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import type { SessionUser } from '../../server/services/auth.js';

let t: TestApp;
let otherAdmin: SessionUser;

beforeEach(async () => {
  t = makeTestApp();
  otherAdmin = await t.services.auth.createUser({ email: 'kepala@contoh.id', password: 'Kintamani-Batur-2026', role: 'admin' });
});

/**
 * A request body that sends `head`, then waits until `release()` before sending `tail`: a slow client whose
 * headers (and role check) arrived long before its body. `started` resolves once the server has read the head.
 */
function slowBody(head: string, tail: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let started!: () => void;
  const startedP = new Promise<void>((r) => (started = r));
  let step = 0;
  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (step === 0) {
        controller.enqueue(enc.encode(head));
        started();
      } else if (step === 1) {
        await released;
        controller.enqueue(enc.encode(tail));
      } else controller.close();
      step++;
    },
  }, { highWaterMark: 0 });
  return { stream, started: startedP, release };
}

function slowRequest(path: string, method: string, cookie: string, body: unknown, contentType = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const cut = Math.floor(text.length / 2);
  const slow = slowBody(text.slice(0, cut), text.slice(cut));
  const init = jsonRequest(method, undefined, cookie);
  (init.headers as Record<string, string>)['Content-Type'] = contentType;
  const response = t.app.request(path, { ...init, body: slow.stream, duplex: 'half' } as RequestInit);
  return { response, started: slow.started, release: slow.release };
}

const userId = (email: string) => t.services.auth.listUsers().find((u) => u.email === email)!.id;

describe('the session and role are checked again inside the write', () => {
  it('does not create an admin for a user disabled while their request body was still arriving', async () => {
    const { cookie, email } = await loginAs(t, 'admin');
    const req = slowRequest('/api/users', 'POST', cookie, { email: 'penyusup@contoh.id', password: 'Gunung-Abang-Terjal-9', role: 'admin' });
    await req.started;
    t.services.auth.updateUser(otherAdmin, userId(email), { disabled: true });
    req.release();
    const res = await req.response;
    expect(res.status).toBe(401);
    expect(t.services.auth.listUsers().map((u) => u.email)).not.toContain('penyusup@contoh.id');
  });

  it('does not let a user demoted meanwhile change roles of others', async () => {
    const { cookie, email } = await loginAs(t, 'admin');
    const target = await t.services.auth.createUser({ email: 'target@contoh.id', password: 'Kintamani-Batur-2026', role: 'planner' });
    const req = slowRequest(`/api/users/${target.id}`, 'PATCH', cookie, { role: 'admin' });
    await req.started;
    t.services.auth.updateUser(otherAdmin, userId(email), { role: 'staff' });
    req.release();
    expect((await req.response).status).toBe(403);
    expect(t.services.auth.listUsers().find((u) => u.id === target.id)!.role).toBe('planner');
  });

  it('does not create a point for staff demoted to planner while the body streamed', async () => {
    const { cookie, email } = await loginAs(t, 'staff');
    const before = (t.db.prepare('SELECT count(*) AS n FROM points').get() as { n: number }).n;
    const req = slowRequest('/api/points', 'POST', cookie, { name: 'Balai Banjar Uji', type: 'community_hall', lat: -8.45, lng: 115.35, services: ['information'] });
    await req.started;
    t.services.auth.updateUser(otherAdmin, userId(email), { role: 'planner' });
    req.release();
    const res = await req.response;
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'role_required', params: { roles: ['staff'], role: 'planner' } });
    expect((t.db.prepare('SELECT count(*) AS n FROM points').get() as { n: number }).n).toBe(before);
  });

  it('does not plan a visit for a planner who logged out meanwhile', async () => {
    const { cookie } = await loginAs(t, 'planner');
    const req = slowRequest('/api/visits', 'POST', cookie, {
      point_id: 1, title: 'Pendaftaran', activities: ['pendaftaran'], starts_at: '2026-12-02T09:00:00+08:00', ends_at: '2026-12-02T11:00:00+08:00',
    });
    await req.started;
    t.services.auth.logout(cookie.split('=')[1]);
    req.release();
    expect((await req.response).status).toBe(401);
    expect((t.db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n).toBe(0);
  });

  it('does not import for staff disabled while the file streamed', async () => {
    const { cookie, email } = await loginAs(t, 'staff');
    const before = (t.db.prepare('SELECT count(*) AS n FROM points').get() as { n: number }).n;
    const csv = 'name,type,lat,lng\nBalai Uji A,community_hall,-8.45,115.35\nBalai Uji B,community_hall,-8.46,115.36\n';
    const req = slowRequest('/api/import', 'POST', cookie, csv, 'text/csv');
    await req.started;
    t.services.auth.updateUser(otherAdmin, userId(email), { disabled: true });
    req.release();
    expect((await req.response).status).toBe(401);
    expect((t.db.prepare('SELECT count(*) AS n FROM points').get() as { n: number }).n).toBe(before);
  });

  it('does not record a visit outcome for a planner disabled while the body streamed', async () => {
    const { cookie: plannerCookie, email } = await loginAs(t, 'planner');
    const visit = await t.app.request('/api/visits', jsonRequest('POST', {
      point_id: 1, title: 'Sosialisasi', activities: ['sosialisasi'], starts_at: '2026-11-20T09:00:00+08:00', ends_at: '2026-11-20T11:00:00+08:00',
    }, plannerCookie));
    expect(visit.status).toBe(201);
    const { id } = await visit.json();
    const req = slowRequest(`/api/visits/${id}/outcome`, 'POST', plannerCookie, { attendees: 30, registrations: 4, cards_issued: 2 });
    await req.started;
    t.services.auth.updateUser(otherAdmin, userId(email), { disabled: true });
    req.release();
    expect((await req.response).status).toBe(401);
    expect((t.db.prepare('SELECT count(*) AS n FROM visit_outcomes').get() as { n: number }).n).toBe(0);
  });

  it('does not add a quiz question for a planner disabled while the body streamed', async () => {
    const { cookie: plannerCookie, email } = await loginAs(t, 'planner');
    const count = () => (t.db.prepare('SELECT count(*) AS n FROM quiz_questions').get() as { n: number }).n;
    const before = count();
    const req = slowRequest('/api/quiz/questions', 'POST', plannerCookie, {
      text: 'Siapa yang boleh ikut BPU?', answer: 'a', explanation: 'Pekerja mandiri boleh ikut.', source: 'bpjstk_bpu_contribution_rules.json: segment',
      choices: [{ id: 'a', text: 'Pekerja mandiri' }, { id: 'b', text: 'Hanya PNS' }, { id: 'x', text: 'Tidak tahu' }],
    });
    await req.started;
    t.services.auth.updateUser(otherAdmin, userId(email), { disabled: true });
    req.release();
    expect((await req.response).status).toBe(401);
    expect(count()).toBe(before);
  });

  it('still writes when nothing changed meanwhile', async () => {
    const { cookie } = await loginAs(t, 'admin');
    const req = slowRequest('/api/users', 'POST', cookie, { email: 'baru@contoh.id', password: 'Danau-Batur-Biru-77', role: 'planner' });
    await req.started;
    req.release();
    expect((await req.response).status).toBe(201);
  });
});
