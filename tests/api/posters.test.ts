import { beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { pdfPages, pdfQrText, pdfText } from '../helpers/pdf.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';

let t: TestApp;
let planner: string;
beforeEach(async () => {
  t = makeTestApp();
  ({ cookie: planner } = await loginAs(t, 'planner'));
});

/** Desa Bunutin in Kecamatan Bangli; Kintamani has another Bunutin (51.06.04.2004). */
const BUNUTIN_BANGLI = '51.06.02.2001';
const pointIn = (code: string) => t.services.pointStore.listVisible().find((p) => p.village_code === code)!;
async function plan(body: Record<string, unknown>): Promise<string> {
  const res = await t.app.request('/api/visits', jsonRequest('POST', body, planner));
  expect(res.status).toBe(201);
  return (await res.json()).id;
}
const poster = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers: { Host: 'jangkau.example.id', ...headers } });
  return { res, pdf: new Uint8Array(await res.arrayBuffer()) };
};

describe('GET /api/visits/:id/poster.pdf', () => {
  it('prints an A4 page in Indonesian with the WITA date and time, the Balinese day, the place with its kecamatan, what to bring, the cost and a QR code to the event page', async () => {
    const point = pointIn(BUNUTIN_BANGLI);
    // 2027-01-18 is a Monday, five days after Galungan (Buda Kliwon Dungulan, 13 Jan 2027): Soma Kliwon, wuku Kuningan.
    const id = await plan({ ...visitBody(point.id, '2027-01-18'), starts_at: '2027-01-18T09:00:00+08:00', ends_at: '2027-01-18T12:00:00+08:00', title: 'Pendaftaran di balai desa' });
    const { res, pdf } = await poster(`/api/visits/${id}/poster.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    // The QR address came from the request's Host (no JANGKAU_PUBLIC_URL): no shared cache may keep it.
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(1);

    const text = pdfText(pdf);
    expect(text).toContain('Petugas BPJS Ketenagakerjaan datang ke desa Anda');
    expect(text).toContain('Senin, 18 Januari 2027');
    expect(text).toContain('09.00–12.00 WITA');
    expect(text).toContain('Soma Kliwon, wuku Kuningan');
    expect(text).toContain(point.name);
    expect(text).toContain('Desa Bunutin, Kecamatan Bangli');
    expect(text).toContain('Pendaftaran peserta baru');
    expect(text).toContain('KTP elektronik (asli)');
    expect(text).toContain('Rp16.800');
    expect(pdfQrText(pdf)).toBe(`http://jangkau.example.id/#/acara/${id}`);
  });

  it('prints one occurrence of a series, and answers 404 for the whole series', async () => {
    const market = addTestPoint(t); // a Pasah market
    const seriesId = await plan({ ...visitBody(market, '2026-12-01'), repeat: { on_market_days: true, until: '2026-12-31' } });
    const series = await (await t.app.request(`/api/visits/${seriesId}`)).json();
    const occ = series.occurrences[0].id as string;
    const { res, pdf } = await poster(`/api/visits/${encodeURIComponent(occ)}/poster.pdf`);
    expect(res.status).toBe(200);
    expect(pdfQrText(pdf)).toBe(`http://jangkau.example.id/#/acara/${occ}`);
    const whole = await poster(`/api/visits/${seriesId}/poster.pdf`);
    expect(whole.res.status).toBe(404);
    expect(JSON.parse(new TextDecoder().decode(whole.pdf)).error).toMatchObject({ code: 'poster_needs_occurrence', field: 'id', params: {} });
  });

  it('answers 404 for a draft, a cancelled and an unknown visit, without a cacheable body', async () => {
    const point = pointIn(BUNUTIN_BANGLI);
    const draft = await plan({ ...visitBody(point.id, '2027-01-18'), status: 'draft', title: 'Rahasia tim' });
    const cancelled = await plan(visitBody(point.id, '2027-01-19'));
    await t.app.request(`/api/visits/${cancelled}`, jsonRequest('DELETE', undefined, planner));
    for (const id of [draft, cancelled, 'v999999']) {
      const { res, pdf } = await poster(`/api/visits/${id}/poster.pdf`);
      expect(res.status).toBe(404);
      expect(res.headers.get('cache-control') ?? '').not.toMatch(/public/);
      expect(Buffer.from(pdf).toString()).not.toContain('Rahasia');
    }
    expect((await poster('/api/visits/x1/poster.pdf')).res.status).toBe(400);
  });

  it('uses JANGKAU_PUBLIC_URL for the QR code and refuses a Host that is not a plain host[:port]', async () => {
    const point = pointIn(BUNUTIN_BANGLI);
    const id = await plan(visitBody(point.id, '2027-01-18'));
    const bad = await poster(`/api/visits/${id}/poster.pdf`, { Host: 'evil.example@jangkau.example.id' });
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(Buffer.from(bad.pdf).toString()).error.field).toBe('Host');

    t = makeTestApp({ config: { publicUrl: 'https://jangkau.banglikab.go.id/' } });
    ({ cookie: planner } = await loginAs(t, 'planner'));
    const id2 = await plan(visitBody(pointIn(BUNUTIN_BANGLI).id, '2027-01-18'));
    const { pdf, res } = await poster(`/api/visits/${id2}/poster.pdf`, { Host: 'evil.example' });
    expect(pdfQrText(pdf)).toBe(`https://jangkau.banglikab.go.id/#/acara/${id2}`);
    // With a configured public address the poster is the same for everyone, so shared caches may keep it.
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('answers 304 to If-None-Match with the ETag it sent', async () => {
    const id = await plan(visitBody(pointIn(BUNUTIN_BANGLI).id, '2027-01-18'));
    const first = await poster(`/api/visits/${id}/poster.pdf`);
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await poster(`/api/visits/${id}/poster.pdf`, { 'If-None-Match': etag })).res.status).toBe(304);
  });
});

describe('GET /api/villages/:code/poster.pdf', () => {
  it("lists the village's next public visits (not drafts) with their Balinese day, and a QR code to the village page", async () => {
    const point = pointIn(BUNUTIN_BANGLI);
    await plan({ ...visitBody(point.id, '2027-01-18'), starts_at: '2027-01-18T09:00:00+08:00', ends_at: '2027-01-18T12:00:00+08:00' });
    await plan({ ...visitBody(point.id, '2027-01-19'), status: 'draft', title: 'Belum pasti' });
    t.setNow(new Date('2027-01-10T00:00:00Z'));
    const { res, pdf } = await poster(`/api/villages/${BUNUTIN_BANGLI}/poster.pdf`);
    expect(res.status).toBe(200);
    const text = pdfText(pdf);
    expect(text).toContain('Desa Bunutin, Kecamatan Bangli');
    expect(text).toContain('Senin, 18 Januari 2027, 09.00–12.00 WITA (Soma Kliwon, wuku Kuningan)');
    expect(text).not.toContain('Selasa, 19 Januari 2027');
    expect(text).toContain('Rp16.800');
    expect(pdfQrText(pdf)).toBe(`http://jangkau.example.id/#/desa/${BUNUTIN_BANGLI}`);
  });

  it('says that no visit is scheduled and gives the online channel when there is none', async () => {
    const { res, pdf } = await poster('/api/villages/51.06.04.2004/poster.pdf');
    expect(res.status).toBe(200);
    const text = pdfText(pdf);
    expect(text).toContain('Desa Bunutin, Kecamatan Kintamani');
    expect(text).toContain('Belum ada kunjungan petugas yang terjadwal');
    expect(text).toContain('Aplikasi JMO');
  });

  it('answers 400 naming code for a malformed code and 404 for an unknown one', async () => {
    const bad = await poster('/api/villages/bunutin/poster.pdf');
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(Buffer.from(bad.pdf).toString()).error.field).toBe('code');
    expect((await poster('/api/villages/51.06.09.9999/poster.pdf')).res.status).toBe(404);
  });
});

describe('poster rendering limits', () => {
  it('answers 429 with Retry-After once one client causes 100 new renders in 10 minutes, while cached posters still come', async () => {
    const code = '51.06.04.2004';
    // Each Host is a new QR text, so a new render: the cheapest way for a stranger to make the server work.
    for (let i = 0; i < 100; i++) expect((await poster(`/api/villages/${code}/poster.pdf`, { Host: `h${i}.example` })).res.status).toBe(200);
    const limited = await poster(`/api/villages/${code}/poster.pdf`, { Host: 'h100.example' });
    expect(limited.res.status).toBe(429);
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(Buffer.from(limited.pdf).toString()).error).toMatchObject({ code: 'rate_limited', params: { retry_after_s: expect.any(Number) } });
    expect((await poster(`/api/villages/${code}/poster.pdf`, { Host: 'h99.example' })).res.status).toBe(200); // still cached
    t.setNow(new Date(Date.parse('2026-11-25T02:00:00Z') + 11 * 60_000));
    expect((await poster(`/api/villages/${code}/poster.pdf`, { Host: 'h100.example' })).res.status).toBe(200);
  }, 60_000);
});

