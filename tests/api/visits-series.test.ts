import { describe, expect, it } from 'vitest';
import { makeTestApp, loginAs, jsonRequest, type TestApp } from '../helpers/app.js';
import { expandIcs } from '../domain/schedule/icsExpand.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';

interface Listed { id: string; series_id: string | null; starts_at: string; ends_at: string; status: string; title: string; overridden: boolean }

async function setup() {
  const t = makeTestApp();
  const { cookie } = await loginAs(t, 'planner');
  const pasah = addTestPoint(t, { market_days: { triwara: ['Pasah'] }, opens: '06:00', closes: '12:00' });
  return { t, cookie, pasah };
}

async function post(t: TestApp, cookie: string, body: unknown) {
  const res = await t.app.request('/api/visits', jsonRequest('POST', body, cookie));
  return { status: res.status, body: await res.json() };
}

async function list(t: TestApp, qs: string, cookie?: string): Promise<Listed[]> {
  const res = await t.app.request(`/api/visits?${qs}`, cookie ? { headers: { Cookie: cookie } } : {});
  expect(res.status).toBe(200);
  return (await res.json()).visits;
}

async function pasahDates(t: TestApp, from: string, to: string): Promise<string[]> {
  const { days } = await (await t.app.request(`/api/calendar?from=${from}&to=${to}`)).json();
  return days.filter((d: { triwara: string }) => d.triwara === 'Pasah').map((d: { date: string }) => d.date);
}

describe('visit series on market days', () => {
  it('creates a series that occurs on every Pasah through until, at the same WITA times', async () => {
    const { t, cookie, pasah } = await setup();
    const created = await post(t, cookie, visitBody(pasah, '2026-11-28', { repeat: { on_market_days: true, until: '2027-02-28' } }));
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('s1');
    expect(created.body.warnings).toEqual([]);
    const visits = await list(t, 'from=2026-11-01&to=2027-03-31');
    const expected = await pasahDates(t, '2026-11-28', '2027-02-28');
    expect(visits.map((v) => v.starts_at)).toEqual(expected.map((d) => `${d}T08:00:00+08:00`));
    expect(visits.map((v) => v.ends_at)).toEqual(expected.map((d) => `${d}T10:00:00+08:00`));
    expect(visits.map((v) => v.id)).toEqual(expected.map((d) => `s1:${d}`));
    expect(new Set(visits.map((v) => v.series_id))).toEqual(new Set(['s1']));
    expect(created.body.occurrences.map((o: { id: string }) => o.id)).toEqual(visits.map((v) => v.id));
  });

  it('lists from today (WITA) for 60 days by default, sorted by start, with single visits among series occurrences', async () => {
    const { t, cookie, pasah } = await setup();
    await post(t, cookie, visitBody(pasah, '2026-11-01', { repeat: { on_market_days: true, until: '2027-06-30' } }));
    await post(t, cookie, visitBody(pasah, '2026-12-02', { title: 'Konsultasi klaim', activities: ['klaim'], starts_at: '2026-12-02T07:00:00+08:00', ends_at: '2026-12-02T09:00:00+08:00' }));
    const visits = await list(t, '');
    const expected = await pasahDates(t, '2026-11-25', '2027-01-23');
    expect(visits.filter((v) => v.series_id).map((v) => v.starts_at.slice(0, 10))).toEqual(expected);
    const single = visits.find((v) => v.id === 'v1')!;
    expect(single.series_id).toBeNull();
    const starts = visits.map((v) => Date.parse(v.starts_at));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('cancels one occurrence and moves another without breaking the series', async () => {
    const { t, cookie, pasah } = await setup();
    await post(t, cookie, visitBody(pasah, '2026-11-28', { repeat: { on_market_days: true, until: '2026-12-31' } }));
    const [, second, third] = await pasahDates(t, '2026-11-28', '2026-12-31');
    const del = await t.app.request(`/api/visits/s1:${second}`, jsonRequest('DELETE', undefined, cookie));
    expect(del.status).toBe(200);
    expect((await del.json()).status).toBe('cancelled');
    const moved = await t.app.request(`/api/visits/s1:${third}`, jsonRequest('PATCH', { starts_at: `${third}T09:30:00+08:00`, title: 'Pindah jam' }, cookie));
    expect(moved.status).toBe(200);
    const movedBody = await moved.json();
    expect(movedBody).toMatchObject({ id: `s1:${third}`, starts_at: `${third}T09:30:00+08:00`, ends_at: `${third}T11:30:00+08:00`, overridden: true, title: 'Pindah jam' });

    const visits = await list(t, 'from=2026-11-25&to=2027-01-10');
    const ids = visits.map((v) => v.id);
    expect(ids).not.toContain(`s1:${second}`);
    expect(visits.find((v) => v.id === `s1:${third}`)).toMatchObject({ starts_at: `${third}T09:30:00+08:00`, overridden: true });
    expect(visits).toHaveLength((await pasahDates(t, '2026-11-28', '2026-12-31')).length - 1);
    // The rest of the series is untouched.
    for (const v of visits.filter((x) => x.id !== `s1:${third}`)) expect(v.starts_at.slice(11)).toBe('08:00:00+08:00');

    const withCancelled = await list(t, 'from=2026-11-25&to=2027-01-10&include_cancelled=true');
    expect(withCancelled.find((v) => v.id === `s1:${second}`)?.status).toBe('cancelled');

    // Restoring the cancelled occurrence brings it back at the series' own time.
    const restore = await t.app.request(`/api/visits/s1:${second}`, jsonRequest('PATCH', { status: 'scheduled' }, cookie));
    expect(restore.status).toBe(200);
    expect((await restore.json()).starts_at).toBe(`${second}T08:00:00+08:00`);
  });

  it('moves an occurrence to another day and lists it on the new day', async () => {
    const { t, cookie, pasah } = await setup();
    await post(t, cookie, visitBody(pasah, '2026-11-28', { repeat: { on_market_days: true, until: '2026-12-31' } }));
    const res = await t.app.request('/api/visits/s1:2026-12-04', jsonRequest('PATCH', { starts_at: '2026-12-05T08:00:00+08:00', ends_at: '2026-12-05T10:00:00+08:00' }, cookie));
    const body = await res.json();
    expect(body.warnings.map((w: { code: string }) => w.code)).toContain('not_market_day');
    expect((await list(t, 'from=2026-12-05&to=2026-12-05')).map((v) => v.id)).toEqual(['s1:2026-12-04']);
    expect(await list(t, 'from=2026-12-04&to=2026-12-04')).toEqual([]);
  });

  it('changes the whole series (time and until) and keeps its exceptions', async () => {
    const { t, cookie, pasah } = await setup();
    await post(t, cookie, visitBody(pasah, '2026-11-28', { repeat: { on_market_days: true, until: '2026-12-31' } }));
    await t.app.request('/api/visits/s1:2026-12-04', jsonRequest('DELETE', undefined, cookie));
    const res = await t.app.request('/api/visits/s1', jsonRequest('PATCH', { starts_at: '2026-11-28T07:00:00+08:00', ends_at: '2026-11-28T09:00:00+08:00', repeat: { until: '2027-01-15' } }, cookie));
    expect(res.status).toBe(200);
    const visits = await list(t, 'from=2026-11-25&to=2027-02-28');
    const expected = (await pasahDates(t, '2026-11-28', '2027-01-15')).filter((d) => d !== '2026-12-04');
    expect(visits.map((v) => v.starts_at)).toEqual(expected.map((d) => `${d}T07:00:00+08:00`));
  });

  it("keeps a series on the rule it was made with until repeat is given again, which re-reads the point's rule", async () => {
    const { t, cookie, pasah } = await setup();
    await post(t, cookie, visitBody(pasah, '2026-11-28', { repeat: { on_market_days: true, until: '2026-12-31' } }));
    const point = t.services.pointStore.get(pasah)!;
    t.services.pointStore.update(pasah, { ...point, market_days: { triwara: ['Beteng'] } }, '2026-11-25T00:00:00.000Z');
    const before = await list(t, 'from=2026-11-29&to=2026-12-31');
    expect(before.map((v) => v.starts_at.slice(0, 10))).toEqual(await pasahDates(t, '2026-11-29', '2026-12-31'));
    const res = await t.app.request('/api/visits/s1', jsonRequest('PATCH', { repeat: { on_market_days: true, until: '2026-12-31' } }, cookie));
    expect((await res.json()).market_days).toEqual({ triwara: ['Beteng'] });
    const { days } = await (await t.app.request('/api/calendar?from=2026-11-29&to=2026-12-31')).json();
    const beteng = days.filter((d: { triwara: string }) => d.triwara === 'Beteng').map((d: { date: string }) => d.date);
    expect((await list(t, 'from=2026-11-29&to=2026-12-31')).map((v) => v.starts_at.slice(0, 10))).toEqual(beteng);
  });

  it('cancels a whole series with DELETE on its id', async () => {
    const { t, cookie, pasah } = await setup();
    await post(t, cookie, visitBody(pasah, '2026-11-28', { repeat: { on_market_days: true, until: '2026-12-31' } }));
    expect((await t.app.request('/api/visits/s1', jsonRequest('DELETE', undefined, cookie))).status).toBe(200);
    expect(await list(t, 'from=2026-11-25&to=2027-01-10')).toEqual([]);
  });

  it.each([
    ['repeat on a point without market days', 'nomarket', { repeat: { on_market_days: true, until: '2026-12-31' } }, 'repeat', /no market days/],
    ['until before the first visit', 'pasah', { repeat: { on_market_days: true, until: '2026-11-01' } }, 'repeat.until', /on or after/],
    ['a series longer than 400 days', 'pasah', { repeat: { on_market_days: true, until: '2028-01-31' } }, 'repeat.until', /at most 400 days/],
    ['repeat.on_market_days false', 'pasah', { repeat: { on_market_days: false, until: '2026-12-31' } }, 'repeat.on_market_days', /must be true/],
    ['an until that is not a date', 'pasah', { repeat: { on_market_days: true, until: '31-12-2026' } }, 'repeat.until', /YYYY-MM-DD/],
  ])('rejects %s with 400 naming the field', async (_what, which, extra, field, message) => {
    const { t, cookie, pasah } = await setup();
    const nomarket = addTestPoint(t, { market_days: null, name: 'Balai Uji' });
    const res = await post(t, cookie, visitBody(which === 'pasah' ? pasah : nomarket, '2026-11-28', extra));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for an occurrence date the series does not visit, and 400 for a malformed id', async () => {
    const { t, cookie, pasah } = await setup();
    await post(t, cookie, visitBody(pasah, '2026-11-28', { repeat: { on_market_days: true, until: '2026-12-31' } }));
    expect((await t.app.request('/api/visits/s1:2026-11-29', jsonRequest('DELETE', undefined, cookie))).status).toBe(404);
    expect((await t.app.request('/api/visits/s1:2027-01-03', jsonRequest('PATCH', { title: 'x' }, cookie))).status).toBe(404);
    const bad = await t.app.request('/api/visits/x12', jsonRequest('PATCH', { title: 'x' }, cookie));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('id');
    expect((await t.app.request('/api/visits/s99', { headers: { Cookie: cookie } })).status).toBe(404);
  });
});

describe('GET /api/visits.ics', () => {
  it('expands (with the ical.js parser) to exactly the occurrences /api/visits lists', async () => {
    const { t, cookie, pasah } = await setup();
    const kk = addTestPoint(t, { name: 'Pasar Kajeng Kliwon Uji', market_days: { triwara: ['Kajeng'], pancawara: ['Kliwon'] }, opens: null, closes: null, position: [115.3891, -8.3012] });
    const weekly = addTestPoint(t, { name: 'Pasar Redite/Wraspati Uji', market_days: { saptawara: ['Redite', 'Wraspati'] }, position: [115.3012, -8.4012] });
    const office = addTestPoint(t, { name: 'Kantor Uji', type: 'village_office', market_days: null });
    // A series whose first visit is not a market day, with a cancelled and a moved occurrence.
    await post(t, cookie, visitBody(pasah, '2026-11-26', { repeat: { on_market_days: true, until: '2027-03-31' } }));
    await t.app.request('/api/visits/s1:2026-12-07', jsonRequest('DELETE', undefined, cookie));
    await t.app.request('/api/visits/s1:2026-12-10', jsonRequest('PATCH', { starts_at: '2026-12-11T13:00:00+08:00', title: 'Dipindah' }, cookie));
    await t.app.request('/api/visits/s1:2026-12-13', jsonRequest('PATCH', { ends_at: '2026-12-13T11:30:00+08:00' }, cookie));
    // Kajeng Kliwon (every 15 days) and a two-weekday rule (two RRULEs).
    await post(t, cookie, visitBody(kk, '2026-12-01', { starts_at: '2026-12-01T16:00:00+08:00', ends_at: '2026-12-01T18:00:00+08:00', repeat: { on_market_days: true, until: '2027-06-30' } }));
    const firstKk = (await list(t, 'from=2026-12-01&to=2027-06-30')).find((v) => v.series_id === 's2' && v.starts_at >= '2026-12-02')!;
    await t.app.request(`/api/visits/${firstKk.id}`, jsonRequest('DELETE', undefined, cookie));
    await post(t, cookie, visitBody(weekly, '2026-11-29', { repeat: { on_market_days: true, until: '2027-01-31' } }));
    // Single visits: one published, one draft (in neither), one cancelled (in neither); a draft series (in neither).
    await post(t, cookie, visitBody(office, '2026-12-02', { activities: ['konsultasi'] }));
    await post(t, cookie, visitBody(office, '2026-12-03', { status: 'draft' }));
    const cancelled = await post(t, cookie, visitBody(office, '2026-12-04'));
    await t.app.request(`/api/visits/${cancelled.body.id}`, jsonRequest('DELETE', undefined, cookie));
    await post(t, cookie, visitBody(pasah, '2026-12-01', { status: 'draft', repeat: { on_market_days: true, until: '2027-01-31' } }));

    const res = await t.app.request('/api/visits.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Asia\/Makassar/);
    expect(text).toMatch(/DTSTART;TZID=Asia\/Makassar:/);
    expect(text).toMatch(/RRULE:FREQ=DAILY;INTERVAL=3;/);
    expect(text).toMatch(/EXDATE;TZID=Asia\/Makassar:20261207T080000/);
    expect(text).toMatch(/RECURRENCE-ID;TZID=Asia\/Makassar:20261210T080000/);

    const fromIcs = expandIcs(text);
    const listed = await list(t, 'from=2026-11-01&to=2027-06-30');
    expect(listed.length).toBeGreaterThan(70);
    expect(fromIcs.map((o) => o.startMs)).toEqual(listed.map((v) => Date.parse(v.starts_at)));
    expect(fromIcs.map((o) => o.endMs)).toEqual(listed.map((v) => Date.parse(v.ends_at)));
    expect(fromIcs.find((o) => o.startMs === Date.parse('2026-12-11T13:00:00+08:00'))?.summary).toBe('Dipindah');

    // UIDs are stable: the same feed twice gives the same UIDs.
    const again = expandIcs(await (await t.app.request('/api/visits.ics')).text());
    expect(again.map((o) => o.uid)).toEqual(fromIcs.map((o) => o.uid));
  });

  it('filters the feed by point and never shows team or notes', async () => {
    const { t, cookie, pasah } = await setup();
    const other = addTestPoint(t, { name: 'Pasar Lain Uji', position: [115.3012, -8.4012] });
    await post(t, cookie, visitBody(pasah, '2026-11-28', { team: 'Tim Rahasia', notes: 'nomor HP kepala pasar', repeat: { on_market_days: true, until: '2026-12-31' } }));
    await post(t, cookie, visitBody(other, '2026-12-02'));
    const text = await (await t.app.request(`/api/visits.ics?point_id=${other}`)).text();
    const occ = expandIcs(text);
    expect(occ.map((o) => o.startMs)).toEqual([Date.parse('2026-12-02T08:00:00+08:00')]);
    const all = await (await t.app.request('/api/visits.ics')).text();
    expect(all).not.toMatch(/Tim Rahasia|nomor HP/);
  });

  it('gives one occurrence as a single-event .ics file for "Tambahkan ke kalender"', async () => {
    const { t, cookie, pasah } = await setup();
    await post(t, cookie, visitBody(pasah, '2026-11-28', { repeat: { on_market_days: true, until: '2026-12-31' } }));
    const res = await t.app.request('/api/visits/s1:2026-12-01.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const occ = expandIcs(await res.text());
    expect(occ).toHaveLength(1);
    expect(occ[0].startMs).toBe(Date.parse('2026-12-01T08:00:00+08:00'));
    const single = await post(t, cookie, visitBody(pasah, '2026-12-02'));
    const one = expandIcs(await (await t.app.request(`/api/visits/${single.body.id}.ics`)).text());
    expect(one.map((o) => o.endMs)).toEqual([Date.parse('2026-12-02T10:00:00+08:00')]);
    const whole = expandIcs(await (await t.app.request('/api/visits/s1.ics')).text());
    expect(whole.map((o) => o.startMs)).toEqual((await list(t, 'from=2026-11-28&to=2026-12-31')).filter((v) => v.series_id === 's1').map((v) => Date.parse(v.starts_at)));
    expect((await t.app.request('/api/visits/s1:2026-11-29.ics')).status).toBe(404);
  });
});
