/** Shared set-up for the event companion API tests: an app at TEST_NOW with visits in every state. */
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { cancelVisit, createVisit, villageOfficeId } from '../fixtures/coverage.js';

export interface EventWorld {
  t: TestApp;
  planner: string;
  staff: string;
  admin: string;
  /** Today 09:00–11:00 WITA (TEST_NOW is 10:00): open. */
  today: string;
  /** Another open visit today, for impact sums. */
  today2: string;
  future: string;
  past: string;
  draft: string;
  cancelled: string;
  village: { code: string; name: string; district_code: string };
}

export async function eventWorld(): Promise<EventWorld> {
  const t = makeTestApp();
  const planner = (await loginAs(t, 'planner')).cookie;
  const staff = (await loginAs(t, 'staff')).cookie;
  const admin = (await loginAs(t, 'admin')).cookie;
  const village = t.services.villages.list[7];
  const office = villageOfficeId(t, village.code);
  const office2 = villageOfficeId(t, t.services.villages.list[30].code);
  const w: EventWorld = {
    t, planner, staff, admin, village: { code: village.code, name: village.name, district_code: village.district_code },
    today: await createVisit(t, planner, { point_id: office, date: '2026-11-25', from: '09:00', to: '11:00' }),
    today2: await createVisit(t, planner, { point_id: office2, date: '2026-11-25', from: '08:00', to: '12:00' }),
    future: await createVisit(t, planner, { point_id: office, date: '2026-12-05' }),
    past: await createVisit(t, planner, { point_id: office, date: '2026-11-20' }),
    draft: await createVisit(t, planner, { point_id: office, date: '2026-11-25', status: 'draft' }),
    cancelled: await createVisit(t, planner, { point_id: office, date: '2026-11-25', from: '13:00', to: '14:00' }),
  };
  await cancelVisit(t, planner, w.cancelled);
  return w;
}

/** POST a JSON body to /api/visits/:id/<what>, as a phone (no cookie) unless a cookie is given. */
export function post(t: TestApp, visitId: string, what: string, body: unknown, cookie?: string) {
  return t.app.request(`/api/visits/${encodeURIComponent(visitId)}/${what}`, jsonRequest('POST', body, cookie));
}

/** A participant code as a phone would make one. */
export const code = (n: number | string) => `p-test${String(n).padStart(6, '0')}`;
