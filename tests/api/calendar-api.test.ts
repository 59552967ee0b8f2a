import { describe, expect, it } from 'vitest';
import { makeTestApp, loginAs } from '../helpers/app.js';
import { addTestPoint } from './visitsFixtures.js';

const FIELDS = ['date', 'pawukon_day', 'saptawara', 'triwara', 'pancawara', 'wuku', 'kajeng_kliwon'];

describe('GET /api/calendar', () => {
  const t = makeTestApp();

  it('answers one entry per day with the issue fields (plus holy_day and closed)', async () => {
    const res = await t.app.request('/api/calendar?from=2025-04-20&to=2025-05-05');
    expect(res.status).toBe(200);
    const { days } = await res.json();
    expect(days).toHaveLength(16);
    expect(days[0].date).toBe('2025-04-20');
    expect(days[15].date).toBe('2025-05-05');
    for (const d of days) for (const f of FIELDS) expect(d).toHaveProperty(f);
  });

  it('names Galungan 2025 (23 April, Buda Kliwon Dungulan) and Kuningan ten days later', async () => {
    const { days } = await (await t.app.request('/api/calendar?from=2025-04-20&to=2025-05-05')).json();
    const galungan = days.find((d: { date: string }) => d.date === '2025-04-23');
    expect(galungan).toMatchObject({ saptawara: 'Buda', pancawara: 'Kliwon', wuku: 'Dungulan', holy_day: 'Galungan' });
    const kuningan = days.find((d: { date: string }) => d.date === '2025-05-03');
    expect(kuningan).toMatchObject({ saptawara: 'Saniscara', pancawara: 'Kliwon', wuku: 'Kuningan', holy_day: 'Kuningan' });
    expect(days.filter((d: { holy_day: string | null }) => d.holy_day).map((d: { date: string }) => d.date)).toEqual(['2025-04-23', '2025-05-03']);
  });

  it('marks Kajeng Kliwon every 15 days, exactly where triwara is Kajeng and pancawara Kliwon', async () => {
    const { days } = await (await t.app.request('/api/calendar?from=2025-01-01&to=2025-03-31')).json();
    const kk = days.filter((d: { kajeng_kliwon: boolean }) => d.kajeng_kliwon);
    expect(kk.length).toBeGreaterThanOrEqual(5);
    for (const d of kk) expect([d.triwara, d.pancawara]).toEqual(['Kajeng', 'Kliwon']);
    for (let i = 1; i < kk.length; i++) expect((Date.parse(kk[i].date) - Date.parse(kk[i - 1].date)) / 86_400_000).toBe(15);
  });

  it("flags the organisation's closed dates, e.g. Nyepi 2026", async () => {
    const { days } = await (await t.app.request('/api/calendar?from=2026-03-18&to=2026-03-20')).json();
    expect(days.map((d: { closed: string | null }) => d.closed)).toEqual([null, 'Nyepi', null]);
  });

  it('accepts exactly 400 days', async () => {
    const res = await t.app.request('/api/calendar?from=2026-01-01&to=2027-02-04');
    expect(res.status).toBe(200);
    expect((await res.json()).days).toHaveLength(400);
  });

  it.each([
    ['a reversed range', '?from=2026-12-10&to=2026-12-01', 'to', /on or after from/],
    ['a range of 401 days', '?from=2026-01-01&to=2027-02-05', 'to', /401 days; ask for at most 400/],
    ['an impossible date', '?from=2026-02-30&to=2026-03-05', 'from', /not a real calendar day/],
    ['a date in another format', '?from=2026-12-01&to=01/12/2026', 'to', /YYYY-MM-DD/],
    ['a missing from', '?to=2026-12-01', 'from', /from is required/],
    ['a repeated to', '?from=2026-12-01&to=2026-12-02&to=2026-12-03', 'to', /once/],
  ])('answers 400 naming the field for %s', async (_what, qs, field, message) => {
    const res = await t.app.request(`/api/calendar${qs}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.field).toBe(field);
    expect(body.error.message).toMatch(message);
  });
});

describe('GET /api/points/:id/market-days', () => {
  const t = makeTestApp();
  const pasah = addTestPoint(t, { market_days: { triwara: ['Pasah'] } });
  const kajengKliwon = addTestPoint(t, { name: 'Pasar Kajeng Kliwon Uji', market_days: { triwara: ['Kajeng'], pancawara: ['Kliwon'] } });
  const office = addTestPoint(t, { name: 'Kantor Uji', type: 'village_office', market_days: null, opens: null, closes: null });

  async function calendarDates(from: string, to: string, keep: (d: Record<string, unknown>) => boolean) {
    const { days } = await (await t.app.request(`/api/calendar?from=${from}&to=${to}`)).json();
    return days.filter(keep).map((d: { date: string }) => d.date);
  }

  it('lists every Pasah in the range, the same days /api/calendar calls Pasah', async () => {
    const res = await t.app.request(`/api/points/${pasah}/market-days?from=2026-12-01&to=2027-03-31`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.dates).toEqual(await calendarDates('2026-12-01', '2027-03-31', (d) => d.triwara === 'Pasah'));
    expect(body.dates.length).toBe(41); // 121 days starting on a Pasah
    expect(body).toMatchObject({ market_days: { triwara: ['Pasah'] }, names: ['Pasah'] });
  });

  it('combines constraints: a Kajeng Kliwon market opens only on Kajeng Kliwon days', async () => {
    const body = await (await t.app.request(`/api/points/${kajengKliwon}/market-days?from=2026-01-01&to=2026-12-31`)).json();
    expect(body.dates).toEqual(await calendarDates('2026-01-01', '2026-12-31', (d) => d.kajeng_kliwon === true));
  });

  it('defaults to 60 days from today (WITA)', async () => {
    const body = await (await t.app.request(`/api/points/${pasah}/market-days`)).json();
    expect(body.from).toBe('2026-11-25');
    expect(body.to).toBe('2027-01-23');
    expect(body.dates).toEqual(await calendarDates('2026-11-25', '2027-01-23', (d) => d.triwara === 'Pasah'));
  });

  it('answers dates [] and market_days null for a place without market days', async () => {
    const body = await (await t.app.request(`/api/points/${office}/market-days?from=2026-12-01&to=2026-12-31`)).json();
    expect(body).toMatchObject({ dates: [], market_days: null, names: [] });
  });

  it('answers 404 for an unknown point and 400 for a bad range', async () => {
    expect((await t.app.request('/api/points/999999/market-days')).status).toBe(404);
    const res = await t.app.request(`/api/points/${pasah}/market-days?from=2026-12-10&to=2026-12-01`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('to');
  });
});

describe('next market day on the public point', () => {
  it('is today while the market is still open (10:00 WITA, closes 12:00) and the next Pasah once it has closed', async () => {
    const t = makeTestApp();
    // TEST_NOW is Wednesday 2026-11-25 10:00 WITA, a Pasah day.
    const { days } = await (await t.app.request('/api/calendar?from=2026-11-25&to=2026-12-05')).json();
    const pasahDays = days.filter((d: { triwara: string }) => d.triwara === 'Pasah').map((d: { date: string }) => d.date);
    expect(pasahDays[0]).toBe('2026-11-25');
    const open = addTestPoint(t, { closes: '12:00' });
    const closed = addTestPoint(t, { closes: '09:00', name: 'Pasar Pagi Uji' });
    const f1 = await (await t.app.request(`/api/points/${open}`)).json();
    expect(f1.properties).toMatchObject({ next_market_day: pasahDays[0], market_day_names: ['Pasah'] });
    const f2 = await (await t.app.request(`/api/points/${closed}`)).json();
    expect(f2.properties.next_market_day).toBe(pasahDays[1]);
  });

  it('is null for places without market days', async () => {
    const t = makeTestApp();
    const id = addTestPoint(t, { market_days: null });
    const f = await (await t.app.request(`/api/points/${id}`)).json();
    expect(f.properties).toMatchObject({ next_market_day: null, market_day_names: null });
    await loginAs(t, 'planner'); // the public read needs no login either way
  });
});
