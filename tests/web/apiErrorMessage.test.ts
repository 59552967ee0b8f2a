/**
 * Server errors, produced by the real API (makeTestApp) and read by the web client's own readJson, turned
 * into the words an Indonesian (or English) reader sees from their code and params (web/i18n/{id,en}/codes).
 * A code the web has no text for falls back to "Periksa isian {label}" with the server's text kept as a detail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ApiError, readJson } from '../../web/api/client.js';
import { apiErrorMessage, fieldLabel, type ErrorText } from '../../web/shared/apiErrorMessage.js';
import { webI18n } from '../helpers/i18n.js';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { createVisit, villageOfficeId, wita } from '../fixtures/coverage.js';

/** Words of the server's English that must never reach an Indonesian reader on their own. */
const ENGLISH = /\b(must|required|between|outside|characters|cannot|exceed|unknown|got|should|after|before|number|field)\b/i;

let t: TestApp;
let staff: string;
let planner: string;
let admin: string;
let pastVisit: string;
let id: TFunction;
let en: TFunction;

/** The ApiError the browser client throws for this request. */
async function errorOf(path: string, init?: RequestInit): Promise<ApiError> {
  const res = await t.app.request(path, init);
  try {
    await readJson(res);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error(`${path} answered ${res.status}, not an error`);
}

const POINT = { name: 'Balai Banjar Uji', type: 'community_hall', lat: -8.45, lng: 115.35 };
const postPoint = (body: unknown) => errorOf('/api/points', jsonRequest('POST', body, staff));
const postVisit = (body: unknown) => errorOf('/api/visits', jsonRequest('POST', body, planner));
const OUTCOME = { attendees: 10, registrations: 4, cards_issued: 4, pretest: { respondents: 8, correct_pct: 50 }, posttest: { respondents: 8, correct_pct: 75 } };
const postOutcome = (body: unknown) => errorOf(`/api/visits/${pastVisit}/outcome`, jsonRequest('POST', body, planner));

/** Fully translated: no English detail, none of the server's English words. */
function expectIndonesian(text: ErrorText, server: ApiError) {
  expect(text.detail).toBeUndefined();
  expect(text.message).not.toBe(server.message);
  expect(text.message).not.toMatch(ENGLISH);
}

beforeAll(async () => {
  t = makeTestApp();
  staff = (await loginAs(t, 'staff')).cookie;
  planner = (await loginAs(t, 'planner')).cookie;
  admin = (await loginAs(t, 'admin')).cookie;
  const village = t.services.villages.list[7];
  pastVisit = await createVisit(t, planner, { point_id: villageOfficeId(t, village.code), date: '2026-11-20' });
  ({ id, en } = await webI18n());
});

describe('point form errors from POST /api/points', () => {
  it('says a position outside the service region in Indonesian, at the latitude field', async () => {
    const err = await postPoint({ ...POINT, lat: 10 });
    expect(err.field).toBe('lat');
    expect(err.message).toMatch(/outside the service region/);
    const text = apiErrorMessage(err, id);
    expectIndonesian(text, err);
    expect(text.message).toContain('di luar wilayah layanan');
    expect(apiErrorMessage(err, en).message).toContain('outside the service region');
  });

  it('names a missing required field with its Indonesian label', async () => {
    const err = await postPoint({ type: 'market', lat: -8.45, lng: 115.35 });
    expect(err.field).toBe('name');
    const text = apiErrorMessage(err, id, { labels: { name: 'Nama tempat' } });
    expectIndonesian(text, err);
    expect(text.message).toBe('Nama tempat wajib diisi.');
  });

  it('keeps the range of a latitude that is not a coordinate', async () => {
    const err = await postPoint({ ...POINT, lat: 200 });
    const text = apiErrorMessage(err, id);
    expectIndonesian(text, err);
    expect(text.message).toContain('Lintang (lat)');
    expect(text.message).toContain('-90');
    expect(text.message).toContain('90');
  });

  it('translates an unknown type, a too-long name, a bad phone and a market time that is not HH:MM', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ...POINT, type: 'pasar' }, 'type', /tidak dikenal/],
      [{ ...POINT, name: 'x'.repeat(200) }, 'name', /2–120 karakter/],
      [{ ...POINT, phone: 'telepon saja' }, 'phone', /nomor Indonesia/],
      [{ ...POINT, whatsapp: '(0366) 91234' }, 'whatsapp', /nomor HP/],
      [{ ...POINT, opens: '25:00', closes: '10:00' }, 'opens', /JJ:MM/],
      [{ ...POINT, opens: '11:00', closes: '10:00' }, 'closes', /lebih awal dari jam tutup/],
      [{ ...POINT, opening_hours: { mon: [{ opens: '15:00', closes: '08:00' }] } }, 'opening_hours.mon', /lebih awal dari jam tutup/],
    ];
    for (const [body, field, expected] of cases) {
      const err = await postPoint(body);
      expect(err.field).toBe(field);
      const text = apiErrorMessage(err, id);
      expectIndonesian(text, err);
      expect(text.message).toMatch(expected);
    }
  });

  it('labels an opening-hours day by its Indonesian weekday name', () => {
    expect(fieldLabel('opening_hours.mon', id)).toBe('Jam buka (Senin)');
    expect(fieldLabel('opening_hours.mon', en)).toBe('Opening hours (Monday)');
  });

  it('says an unknown choice with the value sent, the allowed values and the closest one', async () => {
    const err = await postVisit({ point_id: 1, title: 'Uji', activities: ['pendaftaran'], starts_at: wita('2026-12-01', '09:00'), ends_at: wita('2026-12-01', '11:00'), status: 'drafts' });
    expect(err.field).toBe('status');
    expect(err.code).toBe('enum_unknown');
    const text = apiErrorMessage(err, id);
    expect(text.message).toBe('Status: "drafts" tidak dikenal. Pilih salah satu: scheduled, draft. Maksud Anda "draft"?');
    expect(text.detail).toBeUndefined();
  });

  it('falls back to "Periksa isian" with the server text as an English detail for a code the web does not know', () => {
    const err = new ApiError(400, 'status is brand new', 'status', { error: { code: 'brand_new_code', field: 'status', params: {}, message: 'status is brand new' } });
    const text = apiErrorMessage(err, id);
    expect(text.message).toBe('Periksa isian Status.');
    expect(text.detail).toBe(err.message);
  });
});

describe('visit form errors from POST /api/visits', () => {
  const base = { point_id: 0, title: 'Pendaftaran di kantor desa', activities: ['pendaftaran'] };

  it('translates an end before the start and a repeat-until before the first visit', async () => {
    const point = villageOfficeId(t, t.services.villages.list[3].code);
    const ends = await postVisit({ ...base, point_id: point, starts_at: wita('2026-12-01', '11:00'), ends_at: wita('2026-12-01', '09:00') });
    expect(ends.field).toBe('ends_at');
    expectIndonesian(apiErrorMessage(ends, id), ends);
    expect(apiErrorMessage(ends, id).message).toBe('Waktu selesai (1 Des 2026 09.00) harus setelah waktu mulai (1 Des 2026 11.00).');

    const tooLong = await postVisit({ ...base, point_id: point, title: 'x'.repeat(300), starts_at: wita('2026-12-01', '09:00'), ends_at: wita('2026-12-01', '11:00') });
    expect(tooLong.field).toBe('title');
    const text = apiErrorMessage(tooLong, id);
    expectIndonesian(text, tooLong);
    expect(text.message).toMatch(/^Judul terlalu panjang/);
  });

  it('says a place without market days cannot carry a market-day series', async () => {
    const point = villageOfficeId(t, t.services.villages.list[3].code);
    const err = await postVisit({ ...base, point_id: point, starts_at: wita('2026-12-01', '09:00'), ends_at: wita('2026-12-01', '11:00'), repeat: { on_market_days: true, until: '2027-01-31' } });
    expect(err.field).toBe('repeat');
    expectIndonesian(apiErrorMessage(err, id), err);
  });
});

describe('outcome form errors from POST /api/visits/:id/outcome', () => {
  it('says registrations may not exceed attendees, with both counts', async () => {
    const err = await postOutcome({ ...OUTCOME, registrations: 12 });
    expect(err.field).toBe('registrations');
    const text = apiErrorMessage(err, id);
    expectIndonesian(text, err);
    expect(text.message).toContain('12');
    expect(text.message).toContain('10');
  });

  it('translates a percentage above 100 and a negative count', async () => {
    const pct = await postOutcome({ ...OUTCOME, pretest: { respondents: 5, correct_pct: 150 } });
    expect(pct.field).toBe('pretest.correct_pct');
    const pctText = apiErrorMessage(pct, id);
    expectIndonesian(pctText, pct);
    expect(pctText.message).toContain('0 sampai 100');

    const negative = await postOutcome({ ...OUTCOME, attendees: -1 });
    expect(negative.field).toBe('attendees');
    const negText = apiErrorMessage(negative, id);
    expectIndonesian(negText, negative);
    expect(negText.message).toMatch(/^Peserta hadir/);
  });
});

describe('login, users and status codes', () => {
  it('reads a wrong password as such on the login form, and a later 401 as an ended session', async () => {
    const err = await errorOf('/api/auth/login', jsonRequest('POST', { email: 'tidak.ada@test.jangkau.id', password: 'salah sekali ya' }));
    expect(err.status).toBe(401);
    expect(apiErrorMessage(err, id, { context: 'login' }).message).toMatch(/^Email atau kata sandi salah/);
    const anonymous = await errorOf('/api/points', jsonRequest('POST', POINT));
    expect(apiErrorMessage(anonymous, id).message).toMatch(/Sesi Anda sudah berakhir/);
  });

  it('turns repeated failed logins (429) into a wait in minutes from Retry-After', async () => {
    const body = { email: 'tebak@test.jangkau.id', password: 'tebakan yang salah' };
    let err: ApiError | undefined;
    for (let i = 0; i < 6; i++) err = await errorOf('/api/auth/login', jsonRequest('POST', body));
    expect(err!.status).toBe(429);
    expect(err!.retryAfterS).toBeGreaterThan(0);
    const text = apiErrorMessage(err!, id, { context: 'login' });
    expect(text.message).toContain(`Coba lagi dalam ${Math.ceil(err!.retryAfterS! / 60)} menit`);
    expect(text.message).not.toMatch(ENGLISH);
    expect(apiErrorMessage(err!, en, { context: 'login' }).message).toMatch(/Try again in \d+ min\./);
  });

  it('translates a bad email and an email that is taken when an admin adds a user', async () => {
    const bad = await errorOf('/api/users', jsonRequest('POST', { email: 'bukan-email', password: 'kata sandi panjang sekali', role: 'staff' }, admin));
    expectIndonesian(apiErrorMessage(bad, id), bad);
    await t.app.request('/api/users', jsonRequest('POST', { email: 'kembar@test.jangkau.id', password: 'kata sandi panjang sekali', role: 'staff' }, admin));
    const taken = await errorOf('/api/users', jsonRequest('POST', { email: 'kembar@test.jangkau.id', password: 'kata sandi panjang sekali', role: 'staff' }, admin));
    expect(taken.status).toBe(409);
    expectIndonesian(apiErrorMessage(taken, id), taken);
  });

  it('says a planner may not edit points (403), an unknown point is not found (404) and a text file cannot be imported (415)', async () => {
    const forbidden = await errorOf('/api/points', jsonRequest('POST', POINT, planner));
    expect(forbidden.status).toBe(403);
    expect(apiErrorMessage(forbidden, id).message).toMatch(/tidak punya izin/);
    const missing = await errorOf('/api/points/99999999');
    expect(missing.status).toBe(404);
    expect(apiErrorMessage(missing, id).message).toMatch(/tidak ditemukan/);
    const unsupported = await errorOf('/api/import', { ...jsonRequest('POST', undefined, staff), headers: { ...(jsonRequest('POST', undefined, staff).headers as Record<string, string>), 'Content-Type': 'text/plain' }, body: 'halo' });
    expect(unsupported.status).toBe(415);
    expect(apiErrorMessage(unsupported, id).message).toMatch(/tidak didukung/);
  });

  it('translates a problem-report comment that is too long', async () => {
    const err = await errorOf(`/api/points/${villageOfficeId(t, t.services.villages.list[0].code)}/reports`, jsonRequest('POST', { reason: 'closed', comment: 'x'.repeat(600) }));
    expect(err.field).toBe('comment');
    const text = apiErrorMessage(err, id, { labels: { comment: 'Keterangan' } });
    expectIndonesian(text, err);
    expect(text.message).toContain('500');
  });

  it('calls a failed fetch a connection problem, not an English browser message', () => {
    const text = apiErrorMessage(new TypeError('Failed to fetch'), id);
    expect(text.message).not.toMatch(/fetch/i);
    expect(text.message).toMatch(/koneksi|internet/);
  });
});
