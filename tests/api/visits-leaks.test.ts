import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { makeTestApp, loginAs, jsonRequest, type TestApp } from '../helpers/app.js';
import { expandIcs } from '../domain/schedule/icsExpand.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';

interface Listed { id: string; series_id: string | null; title: string; status: string; starts_at: string; point_id: number }

async function post(t: TestApp, cookie: string, body: unknown): Promise<{ id: string }> {
  const res = await t.app.request('/api/visits', jsonRequest('POST', body, cookie));
  expect(res.status).toBe(201);
  return res.json();
}

async function publicList(t: TestApp, query: string): Promise<Listed[]> {
  const res = await t.app.request(`/api/visits?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()).visits;
}

async function setup() {
  const t = makeTestApp();
  const planner = await loginAs(t, 'planner');
  const pasah = addTestPoint(t);
  return { t, cookie: planner.cookie, pasah };
}

describe('drafts stay planner-only whatever their later status', () => {
  it('keeps a cancelled draft visit out of every public answer', async () => {
    const { t, cookie, pasah } = await setup();
    const draft = await post(t, cookie, visitBody(pasah, '2026-12-01', { status: 'draft', title: 'Rahasia: rencana pasar' }));
    expect((await t.app.request(`/api/visits/${draft.id}`, jsonRequest('DELETE', undefined, cookie))).status).toBe(200);

    expect((await t.app.request(`/api/visits/${draft.id}`)).status).toBe(404);
    expect(await publicList(t, 'from=2026-12-01&to=2026-12-31&include_cancelled=true')).toEqual([]);
    expect(await publicList(t, `from=2026-12-01&to=2026-12-31&include_cancelled=true&point_id=${pasah}`)).toEqual([]);
    expect((await t.app.request(`/api/visits/${draft.id}.ics`)).status).toBe(404);
    expect(await (await t.app.request('/api/visits.ics')).text()).not.toContain('Rahasia');
    // The planner still sees it, cancelled.
    const mine = await (await t.app.request(`/api/visits/${draft.id}`, { headers: { Cookie: cookie } })).json();
    expect(mine).toMatchObject({ id: draft.id, status: 'cancelled', title: 'Rahasia: rencana pasar' });
  });

  it('keeps a cancelled occurrence of a draft series out of every public answer', async () => {
    const { t, cookie, pasah } = await setup();
    const series = await post(t, cookie, visitBody(pasah, '2026-11-28', { status: 'draft', title: 'Rahasia seri', repeat: { on_market_days: true, until: '2026-12-31' } }));
    const occId = `${series.id}:2026-12-01`;
    expect((await t.app.request(`/api/visits/${occId}`, jsonRequest('DELETE', undefined, cookie))).status).toBe(200);

    expect((await t.app.request(`/api/visits/${occId}`)).status).toBe(404);
    expect((await t.app.request(`/api/visits/${series.id}`)).status).toBe(404);
    expect(await publicList(t, 'from=2026-11-28&to=2026-12-31&include_cancelled=true')).toEqual([]);
    expect((await t.app.request(`/api/visits/${occId}.ics`)).status).toBe(404);
    expect(await (await t.app.request('/api/visits.ics')).text()).not.toContain('Rahasia');
  });

  it('still shows the public that a published visit was cancelled, even after a detour through draft', async () => {
    const { t, cookie, pasah } = await setup();
    const v = await post(t, cookie, visitBody(pasah, '2026-12-01', { title: 'Terbit lalu batal' }));
    await t.app.request(`/api/visits/${v.id}`, jsonRequest('PATCH', { status: 'draft' }, cookie));
    expect((await t.app.request(`/api/visits/${v.id}`)).status).toBe(404);
    await t.app.request(`/api/visits/${v.id}`, jsonRequest('DELETE', undefined, cookie));
    expect(await (await t.app.request(`/api/visits/${v.id}`)).json()).toMatchObject({ status: 'cancelled' });
    expect((await publicList(t, 'from=2026-12-01&to=2026-12-31&include_cancelled=true')).map((x) => x.id)).toEqual([v.id]);
  });
});

describe("a retired point's visits are hidden from the public", () => {
  async function retiredSetup() {
    const { t, cookie, pasah } = await setup();
    const single = await post(t, cookie, visitBody(pasah, '2026-12-01', { title: 'Di titik yang pensiun' }));
    const series = await post(t, cookie, visitBody(pasah, '2026-11-28', { title: 'Seri di titik yang pensiun', repeat: { on_market_days: true, until: '2026-12-31' } }));
    const staff = await loginAs(t, 'staff');
    expect((await t.app.request(`/api/points/${pasah}`, jsonRequest('DELETE', undefined, staff.cookie))).status).toBe(200);
    expect((await t.app.request(`/api/points/${pasah}`)).status).toBe(404);
    return { t, cookie, pasah, single, series };
  }

  it('leaves them out of lists, single reads, point filters and calendar feeds', async () => {
    const { t, cookie, pasah, single, series } = await retiredSetup();
    expect(await publicList(t, 'from=2026-11-28&to=2026-12-31&include_cancelled=true')).toEqual([]);
    for (const id of [single.id, series.id, `${series.id}:2026-12-01`]) {
      expect((await t.app.request(`/api/visits/${id}`)).status).toBe(404);
      expect((await t.app.request(`/api/visits/${id}.ics`)).status).toBe(404);
    }
    const byPoint = await t.app.request(`/api/visits?from=2026-11-28&to=2026-12-31&point_id=${pasah}`);
    expect(byPoint.status).toBe(400);
    expect((await byPoint.json()).error.field).toBe('point_id');
    expect((await t.app.request(`/api/visits.ics?point_id=${pasah}`)).status).toBe(400);
    const feed = await (await t.app.request('/api/visits.ics')).text();
    expect(feed).not.toContain('Pasar Uji Coba');
    expect(feed).not.toContain('pensiun');
    // Planners still see them (to move or cancel them).
    const mine = await (await t.app.request('/api/visits?from=2026-11-28&to=2026-12-31', { headers: { Cookie: cookie } })).json();
    expect(mine.visits.length).toBeGreaterThan(1);
  });

  it('does not count them as reaching villages in coverage', async () => {
    const t = makeTestApp();
    const planner = await loginAs(t, 'planner');
    // A market at the interior point of the village farthest from any registration point, with a visit under way now.
    const initial = await (await t.app.request('/api/coverage?radius_km=2&days=1')).json();
    const farthest = initial.villages.reduce((a: { distance_m: number }, b: { distance_m: number }) => (b.distance_m > a.distance_m ? b : a));
    const far = addTestPoint(t, { position: t.services.villages.get(farthest.code)!.interior, name: 'Pasar Utara Uji', market_days: null });
    await post(t, planner.cookie, visitBody(far, '2026-11-25', { starts_at: '2026-11-25T09:00:00+08:00', ends_at: '2026-11-25T12:00:00+08:00' }));
    const before = await (await t.app.request('/api/coverage?radius_km=2&days=1')).json();
    expect(before.villages.some((v: { nearest_point_id: number }) => v.nearest_point_id === far)).toBe(true);
    const staff = await loginAs(t, 'staff');
    await t.app.request(`/api/points/${far}`, jsonRequest('DELETE', undefined, staff.cookie));
    const after = await (await t.app.request('/api/coverage?radius_km=2&days=1')).json();
    expect(after.villages.some((v: { nearest_point_id: number }) => v.nearest_point_id === far)).toBe(false);
  });
});

describe('.ics text is escaped and folded (RFC 5545)', () => {
  const injection = 'END:VEVENT\r\nBEGIN:VEVENT\r\nUID:fake@evil\r\nSUMMARY:Bayar Rp500.000 ke rekening 1234\r\nURL:http://evil.example/bayar\r\nDTSTART:20261202T010000Z\r\nEND:VEVENT';
  const hostileTitles = [
    `Pendaftaran\r\n${injection}\r\nBEGIN:VEVENT`,
    'Titik;koma, dan \\garis miring\\; ,;',
    'Lf\nsaja\rdan cr',
    `Sangat panjang ${'ᬅᬓ᭄ᬱᬭ ᬩᬮᬶ 😀 Pasar Kidul, Bangli; '.repeat(5)}`,
  ];
  const hostileName = `Pasar\r\nX-WR-CALNAME:Palsu\r\n${injection};,\\ ${'é'.repeat(90)}`;
  // RFC 5545 TEXT has no carriage return: a line break in any form comes back as "\n".
  const asIcsText = (s: string) => s.replace(/\r\n?/g, '\n');

  function calendarProps(text: string) {
    // ical.js knows NAME (RFC 7986) and X-WR-CALNAME only as unknown properties; both are TEXT, as a calendar app reads them.
    const props = (ICAL.design.icalendar as unknown as { property: Record<string, { defaultType: string }> }).property;
    props['name'] = { defaultType: 'text' };
    props['x-wr-calname'] = { defaultType: 'text' };
    const cal = new ICAL.Component(ICAL.parse(text));
    return {
      name: cal.getFirstPropertyValue('name'),
      wrName: cal.getFirstPropertyValue('x-wr-calname'),
      events: cal.getAllSubcomponents('vevent').map((e) => ({ uid: String(e.getFirstPropertyValue('uid')), summary: String(e.getFirstPropertyValue('summary')), location: String(e.getFirstPropertyValue('location')) })),
    };
  }

  it('parses a feed of hostile titles and names into exactly the events /api/visits lists', async () => {
    const t = makeTestApp();
    const planner = await loginAs(t, 'planner');
    const point = addTestPoint(t, { name: hostileName, market_days: null });
    for (const [i, title] of hostileTitles.entries()) await post(t, planner.cookie, visitBody(point, `2026-12-0${i + 1}`, { title }));

    const res = await t.app.request(`/api/visits.ics?point_id=${point}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    // Every line is at most 75 octets and no line starts a property the server did not write.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/\r\nUID:fake@evil|\r\nURL:|\r\nX-WR-CALNAME:Palsu/);

    const parsed = calendarProps(text);
    const expectedName = `Jangkau: kunjungan BPJS Ketenagakerjaan — ${asIcsText(hostileName)}`;
    expect(parsed.name).toBe(expectedName);
    expect(parsed.wrName).toBe(expectedName);
    const listed = await publicList(t, `from=2026-12-01&to=2026-12-31&point_id=${point}`);
    expect(listed.map((v) => asIcsText(v.title))).toEqual(hostileTitles.map((s) => asIcsText(s.trim())));
    expect(parsed.events.map((e) => e.summary)).toEqual(listed.map((v) => asIcsText(v.title)));
    expect(parsed.events.map((e) => e.uid)).toEqual(listed.map((v) => `visit-${v.id}@jangkau`));
    expect(new Set(parsed.events.map((e) => e.location))).toEqual(new Set([asIcsText(hostileName)]));
    expect(expandIcs(text).map((o) => o.startMs)).toEqual(listed.map((v) => Date.parse(v.starts_at)));
  });

  it('escapes the calendar name of a single visit (its title) in "Tambahkan ke kalender"', async () => {
    const t = makeTestApp();
    const planner = await loginAs(t, 'planner');
    const point = addTestPoint(t, { market_days: null });
    const v = await post(t, planner.cookie, visitBody(point, '2026-12-02', { title: hostileTitles[0] }));
    const text = await (await t.app.request(`/api/visits/${v.id}.ics`)).text();
    const parsed = calendarProps(text);
    expect(parsed.name).toBe(asIcsText(hostileTitles[0]));
    expect(parsed.wrName).toBe(asIcsText(hostileTitles[0]));
    expect(parsed.events.map((e) => e.uid)).toEqual([`visit-${v.id}@jangkau`]);
    expect(parsed.events[0].summary).toBe(asIcsText(hostileTitles[0]));
  });
});
