import { beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { createVisit, villageOfficeId, wita } from '../fixtures/coverage.js';
import idAuth from '../../web/i18n/id/codes/auth.js';

const NIK_TEXT = 'NIK 5106012345678901 HP 0812 3456 7890';
const NIK_GROUPED = 'ktp 5106 0123 4567 8901';

let t: TestApp;
let planner: string;
let admin: string;
let pastVisit: string;
let office: number;

beforeAll(async () => {
  t = makeTestApp();
  planner = (await loginAs(t, 'planner')).cookie;
  admin = (await loginAs(t, 'admin')).cookie;
  office = villageOfficeId(t, t.services.villages.list[7].code);
  pastVisit = await createVisit(t, planner, { point_id: office, date: '2026-11-20' });
});

async function expectNikRefused(res: Response, field: string) {
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(body.error).toMatchObject({ code: 'nik_not_allowed', field });
}

describe('free text with a NIK in it', () => {
  it('refuses an outcome whose notes hold a NIK, and stores nothing', async () => {
    const res = await t.app.request(`/api/visits/${pastVisit}/outcome`, jsonRequest('POST', { attendees: 3, registrations: 1, cards_issued: 0, notes: NIK_TEXT }, planner));
    await expectNikRefused(res, 'notes');
    expect((await t.app.request(`/api/visits/${pastVisit}/outcome`, { headers: { Cookie: planner } })).status).toBe(404);
  });

  it('refuses a public "Info salah?" report whose comment holds a NIK, and stores nothing', async () => {
    const res = await t.app.request(`/api/points/${office}/reports`, jsonRequest('POST', { reason: 'other', comment: NIK_GROUPED }));
    await expectNikRefused(res, 'comment');
    expect(t.db.prepare('SELECT count(*) AS n FROM point_reports').get()).toEqual({ n: 0 });
  });

  it('refuses a visit whose notes hold a NIK, on create and on patch', async () => {
    const body = { point_id: office, title: 'Pendaftaran', activities: ['pendaftaran'], starts_at: wita('2026-12-02', '09:00'), ends_at: wita('2026-12-02', '11:00'), notes: NIK_TEXT };
    await expectNikRefused(await t.app.request('/api/visits', jsonRequest('POST', body, planner)), 'notes');
    await expectNikRefused(await t.app.request(`/api/visits/${pastVisit}`, jsonRequest('PATCH', { notes: NIK_GROUPED }, planner)), 'notes');
  });

  it('refuses a staff note on a report that holds a NIK', async () => {
    const filed = await t.app.request(`/api/points/${office}/reports`, jsonRequest('POST', { reason: 'other', comment: 'Kantor pindah ke utara' }));
    expect(filed.status).toBe(201);
    const { report: { id } } = await filed.json();
    await expectNikRefused(await t.app.request(`/api/reports/${id}/resolve`, jsonRequest('POST', { note: NIK_TEXT }, admin)), 'note');
  });

  it('keeps accepting phone numbers and counts', async () => {
    const res = await t.app.request(`/api/visits/${pastVisit}/outcome`, jsonRequest('POST', { attendees: 3, registrations: 1, cards_issued: 0, notes: 'Hubungi kelian: 0812-3456-7890; 32 peserta' }, planner));
    expect(res.status).toBe(200);
  });

  it('has the Indonesian text "Jangan tulis NIK di sini" for the code', () => {
    expect(idAuth.nik_not_allowed).toMatch(/Jangan tulis NIK di sini/);
  });
});
