import { beforeEach, describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { createVisit, villageOfficeId } from '../fixtures/coverage.js';

// TEST_NOW is Wednesday 2026-11-25 10:00 WITA: a visit on 2026-11-20 has taken place.
let t: TestApp;
let plannerA: string;
let plannerB: string;
let visitId: string;
beforeEach(async () => {
  t = makeTestApp();
  plannerA = (await loginAs(t, 'planner')).cookie;
  plannerB = (await loginAs(t, 'planner')).cookie;
  visitId = await createVisit(t, plannerA, { point_id: villageOfficeId(t, t.services.villages.list[7].code), date: '2026-11-20' });
});

function post(cookie: string, body: unknown, headers: Record<string, string> = {}) {
  const init = jsonRequest('POST', body, cookie);
  Object.assign(init.headers as Record<string, string>, headers);
  return t.app.request(`/api/visits/${visitId}/outcome`, init);
}
const read = (cookie: string) => t.app.request(`/api/visits/${visitId}/outcome`, { headers: { Cookie: cookie } });

describe('If-Match and If-None-Match on POST /api/visits/:id/outcome', () => {
  it('refuses a second "first" recording (If-None-Match: *) instead of overwriting the counts recorded meanwhile', async () => {
    expect((await post(plannerA, { attendees: 40, registrations: 12, cards_issued: 15 }, { 'If-None-Match': '*' })).status).toBe(200);
    const late = await post(plannerB, { attendees: 25, registrations: 5, cards_issued: 5 }, { 'If-None-Match': '*' });
    expect(late.status).toBe(412);
    expect((await late.json()).error).toMatchObject({ code: 'precondition_failed', field: 'if-none-match' });
    expect((await (await read(plannerA)).json()).attendees).toBe(40);
  });

  it('refuses a correction from an older read and accepts one from the newest read', async () => {
    await post(plannerA, { attendees: 40, registrations: 12, cards_issued: 15 });
    const old = (await read(plannerB)).headers.get('etag');
    expect(old).toMatch(/^"[^"]+"$/);
    const fix = await post(plannerA, { attendees: 41, registrations: 12, cards_issued: 15 }, { 'If-Match': old! });
    expect(fix.status).toBe(200);
    const stale = await post(plannerB, { attendees: 40, registrations: 13, cards_issued: 15 }, { 'If-Match': old! });
    expect(stale.status).toBe(412);
    expect((await stale.json()).error.params.current_etag).toBe(fix.headers.get('etag'));
    const now = await (await read(plannerA)).json();
    expect([now.attendees, now.registrations]).toEqual([41, 12]);
    expect((await post(plannerB, { attendees: 41, registrations: 13, cards_issued: 15 }, { 'If-Match': fix.headers.get('etag')! })).status).toBe(200);
  });
});
