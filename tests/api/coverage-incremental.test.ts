import { describe, expect, it, vi } from 'vitest';
import { loginAs, makeTestApp, TEST_NOW, type TestApp } from '../helpers/app.js';
import { addPoint, cancelVisit, createVisit, villageOfficeId } from '../fixtures/coverage.js';
import { seededRandom } from '../helpers/random.js';

const url = (radiusKm: number) => `/api/coverage?radius_km=${radiusKm}&days=30`;

async function text(t: TestApp, u: string): Promise<string> {
  const res = await t.app.request(u);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return res.text();
}

/** The same request answered by a second set of services over the same database: computed from scratch. */
async function fresh(t: TestApp, u: string): Promise<string> {
  const other = makeTestApp({ db: t.db, seed: false });
  other.setNow(TEST_NOW);
  return text(other, u);
}

describe('GET /api/coverage after writes', () => {
  it('reads only the written point again, not every point, and answers as a from-scratch computation', async () => {
    const t = makeTestApp();
    await text(t, url(3));
    const listed = vi.spyOn(t.services.pointStore, 'listVisible');
    const readMany = vi.spyOn(t.services.pointStore, 'getMany');
    const id = addPoint(t, { name: 'Pos pendaftaran (made up)', position: [115.36, -8.3] });
    const after = await text(t, url(3));
    expect(listed).not.toHaveBeenCalled();
    expect(readMany.mock.calls).toEqual([[[id]]]);
    expect(after).toBe(await fresh(t, url(3)));
    const village = (JSON.parse(after) as { villages: { code: string; nearest_point_id: number | null }[] }).villages
      .find((v) => v.code === t.services.villages.codeAt([115.36, -8.3]));
    expect(village?.nearest_point_id).toBe(id);
  });

  it('stays byte-identical to a from-scratch answer over 40 random point and visit writes at two radii', async () => {
    const t = makeTestApp();
    const planner = await loginAs(t, 'planner');
    const r = seededRandom(12);
    const store = t.services.pointStore;
    const mine: number[] = [];
    const visits: string[] = [];
    const codes = t.services.villages.list.map((v) => v.code);
    for (let step = 0; step < 40; step++) {
      const kind = Math.floor(r() * 5);
      const position: [number, number] = [115.25 + r() * 0.2, -8.5 + r() * 0.35];
      if (kind === 0 || mine.length === 0) mine.push(addPoint(t, { name: `Pos ${step} (made up)`, position }));
      else if (kind === 1) {
        const p = store.get(mine[Math.floor(r() * mine.length)])!;
        store.update(p.id, { ...p, position, village_code: t.services.villages.codeAt(position) }, '2026-01-02T00:00:00.000Z');
      } else if (kind === 2) {
        const p = store.get(mine[Math.floor(r() * mine.length)])!;
        store.update(p.id, { ...p, status: p.status === 'retired' ? 'active' : 'retired' }, '2026-01-02T00:00:00.000Z');
      } else if (kind === 3) {
        const p = store.get(mine[Math.floor(r() * mine.length)])!;
        store.update(p.id, { ...p, services: p.services.length ? [] : ['registration'] }, '2026-01-02T00:00:00.000Z');
      } else if (visits.length && r() < 0.4) {
        await cancelVisit(t, planner.cookie, visits.pop()!);
      } else {
        const code = codes[Math.floor(r() * codes.length)];
        visits.push(await createVisit(t, planner.cookie, { point_id: villageOfficeId(t, code), date: '2026-11-27' }));
      }
      for (const radius of step % 3 === 0 ? [3, 1.5] : [3]) expect(await text(t, url(radius)), `step ${step}`).toBe(await fresh(t, url(radius)));
    }
  });
});
