/**
 * Issue 9 (no leaks): the public's 404 for a visit it may not see (a draft) reads word for word like the 404 for an
 * id that does not exist, on the visit, its .ics file, its poster and its event page, so no answer confirms that a draft exists.
 */
import { describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp } from '../helpers/app.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';

describe('a hidden visit and a missing one answer alike', () => {
  it('gives the public the same 404 body for a draft as for an unknown id, apart from the id itself', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const point = addTestPoint(t);
    const draft = await t.app.request('/api/visits', jsonRequest('POST', visitBody(point, '2026-12-07', { status: 'draft' }), cookie));
    const id = (await draft.json()).id as string;
    const missing = `v${Number(id.slice(1)) + 1000}`;
    const paths = (v: string) => [`/api/visits/${v}`, `/api/visits/${v}.ics`, `/api/visits/${v}/poster.pdf`, `/api/visits/${v}/event`];
    for (const [hiddenPath, missingPath] of paths(id).map((p, i) => [p, paths(missing)[i]])) {
      const get = (p: string) => t.app.request(`http://localhost${p}`, { headers: { Host: 'localhost' } });
      const [a, b] = [await get(hiddenPath), await get(missingPath)];
      expect([a.status, b.status]).toEqual([404, 404]);
      const [ea, eb] = [(await a.json()).error, (await b.json()).error];
      expect(JSON.stringify(ea).replaceAll(id, 'ID')).toBe(JSON.stringify(eb).replaceAll(missing, 'ID'));
    }
  });
});
