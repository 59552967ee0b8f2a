import { describe, expect, it, vi } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, TEST_NOW, type TestApp } from '../helpers/app.js';
import { addPoint, createVisit, villageOfficeId } from '../fixtures/coverage.js';
import { upload } from './importHelpers.js';
import { guaranteeOf, suggestSites } from '../../server/domain/coverage/suggest.js';
import { exhaustiveCover, greedyCover, swapImprove, unionSize } from '../../server/domain/coverage/maxCoverage.js';
import { WorkBudget } from '../../server/domain/coverage/workBudget.js';
import { haversineM } from '../../server/domain/geo/distance.js';

const COVERAGE = '/api/coverage?radius_km=3&days=30';
const SUGGEST = '/api/coverage/suggest?k=3&radius_km=3&days=30';

async function body(t: TestApp, url: string): Promise<unknown> {
  const res = await t.app.request(url);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** The same request answered by a second, cache-free set of services over the same database and clock. */
async function fresh(t: TestApp, url: string, now: Date): Promise<unknown> {
  const other = makeTestApp({ db: t.db, seed: false });
  other.setNow(now);
  return body(other, url);
}

/** The village whose interior point is farthest from every registration place now (coverage's largest distance). */
async function farthestVillage(t: TestApp): Promise<string> {
  const cov = (await body(t, COVERAGE)) as { villages: { code: string; distance_m: number }[] };
  return cov.villages.reduce((a, b) => (b.distance_m > a.distance_m ? b : a)).code;
}

describe('cached coverage answers', () => {
  it('answer a repeated request without recomputing, equal to a fresh computation', async () => {
    const t = makeTestApp();
    const first = await body(t, COVERAGE);
    const firstSuggest = await body(t, SUGGEST);
    const listSpy = vi.spyOn(t.services.visits, 'list');
    const listedAll = vi.spyOn(t.services.pointStore, 'listVisible');
    expect(await body(t, COVERAGE)).toEqual(first);
    expect(await body(t, SUGGEST)).toEqual(firstSuggest);
    expect(listSpy).not.toHaveBeenCalled();
    expect(listedAll).not.toHaveBeenCalled();
    expect(first).toEqual(await fresh(t, COVERAGE, TEST_NOW));
    expect(firstSuggest).toEqual(await fresh(t, SUGGEST, TEST_NOW));
  });

  it('change after a point write, a visit write and an import', async () => {
    const t = makeTestApp();
    const planner = await loginAs(t, 'planner');
    const staff = await loginAs(t, 'staff');
    let before = await body(t, COVERAGE);
    let beforeSuggest = await body(t, SUGGEST);

    // A visit under way now at the office of the least-reached village reaches it.
    const code = await farthestVillage(t);
    await createVisit(t, planner.cookie, { point_id: villageOfficeId(t, code), date: '2026-11-25', from: '09:00', to: '12:00' });
    let after = await body(t, COVERAGE);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await fresh(t, COVERAGE, TEST_NOW));
    const afterSuggest = await body(t, SUGGEST);
    expect(afterSuggest).not.toEqual(beforeSuggest);
    expect(afterSuggest).toEqual(await fresh(t, SUGGEST, TEST_NOW));

    // Retiring that office (a point write) takes the reach away again.
    before = after;
    beforeSuggest = afterSuggest;
    expect((await t.app.request(`/api/points/${villageOfficeId(t, code)}`, jsonRequest('DELETE', undefined, staff.cookie))).status).toBe(200);
    after = await body(t, COVERAGE);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await fresh(t, COVERAGE, TEST_NOW));
    expect(await body(t, SUGGEST)).not.toEqual(beforeSuggest);

    // An import of a registration desk in the next least-reached village.
    before = after;
    const next = t.services.villages.get(await farthestVillage(t))!;
    const csv = `name,type,lat,lng,services,external_id\nMeja Uji,service_partner,${next.interior[1]},${next.interior[0]},registration,test:desk\n`;
    expect((await t.app.request('/api/import', upload(csv, 'text/csv', staff.cookie))).status).toBe(200);
    after = await body(t, COVERAGE);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await fresh(t, COVERAGE, TEST_NOW));
  });

  it('stay correct as the clock moves a visit into and out of the days window, with no write', async () => {
    const t = makeTestApp();
    const planner = await loginAs(t, 'planner');
    const code = await farthestVillage(t);
    // 2026-12-27 09:00–12:00 WITA: 32 days after TEST_NOW, outside days=30 today.
    await createVisit(t, planner.cookie, { point_id: villageOfficeId(t, code), date: '2026-12-27', from: '09:00', to: '12:00' });
    const reaches = (cov: unknown) => (cov as { villages: { code: string; covered: boolean }[] }).villages.find((v) => v.code === code)!.covered;
    const clocks = [
      TEST_NOW,
      new Date('2026-11-27T00:59:00Z'), // 30 days + 1 min before the start: still outside
      new Date('2026-11-27T01:00:00Z'), // exactly 30 days before: the window is [now, now + 30 d), start excluded
      new Date('2026-11-27T01:01:00Z'), // inside
      new Date('2026-12-27T03:59:00Z'), // under way
      new Date('2026-12-27T04:00:00Z'), // ended
    ];
    const seen: boolean[] = [];
    for (const now of clocks) {
      t.setNow(now);
      const cov = await body(t, COVERAGE);
      expect(cov, now.toISOString()).toEqual(await fresh(t, COVERAGE, now));
      expect(await body(t, SUGGEST)).toEqual(await fresh(t, SUGGEST, now));
      seen.push(reaches(cov));
    }
    expect(seen).toEqual([false, false, false, true, true, false]);
  });
});

describe('the work budget of suggestions', () => {
  /** Made-up venues on a grid over Bangli and villages from the real data, as suggestSites takes them. */
  function syntheticProblem(t: TestApp, venues: number) {
    const uncovered = t.services.villages.list.map((v) => ({ code: v.code, position: v.interior }));
    const candidates = Array.from({ length: venues }, (_, i) => ({
      point_id: i + 1, name: `Sintetis ${i + 1}`,
      position: [115.25 + ((i * 7919) % 2500) / 10_000, -8.52 + ((i * 104_729) % 3800) / 10_000] as [number, number],
    }));
    return { uncovered, candidates };
  }

  it('counts every distance check and search step and never passes the budget, thinning the candidates when they do not fit', () => {
    const t = makeTestApp();
    const { uncovered, candidates } = syntheticProblem(t, 20_000);
    const budget = 2_000_000;
    const r = suggestSites({ uncovered, candidates, k: 20, radiusKm: 2, coveredBefore: 0, workBudget: budget });
    expect(r.work.budget).toBe(budget);
    expect(r.work.units).toBeLessThanOrEqual(budget);
    // 20 000 × 72 distance checks alone would be 1.44 M units, × 21 with greedy: the candidates were thinned.
    expect(r.candidate_pool).not.toBeNull();
    expect(r.candidate_pool!.total).toBe(20_000);
    expect(r.candidate_pool!.considered).toBeLessThanOrEqual(Math.floor(budget / 2 / (72 * 21)));
    // The answer is still honest: every credited village lies within 2 km of its site (checked by brute force).
    const byId = new Map(candidates.map((c) => [c.point_id, c]));
    const villages = new Map(uncovered.map((v) => [v.code, v.position]));
    for (const s of r.sites) for (const code of s.newly_covered) expect(haversineM(byId.get(Number(s.point_id))!.position, villages.get(code)!)).toBeLessThanOrEqual(2000);
    expect(r.covered_after).toBe(r.sites.reduce((n, s) => n + s.newly_covered.length, 0));
  });

  it('gives up the exhaustive search and stops the swaps when their budget runs out, counting units', () => {
    // Random sets: 60 candidates over 40 elements (made up).
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const sets = Array.from({ length: 60 }, () => [...new Set(Array.from({ length: 6 }, () => Math.floor(rand() * 40)))]);
    const small = new WorkBudget(500);
    expect(exhaustiveCover(sets, 40, 4, small)).toBeNull();
    expect(small.used).toBeLessThanOrEqual(500);
    expect(exhaustiveCover(sets, 40, 4)).not.toBeNull();

    const start = greedyCover(sets, 40, 4);
    const tight = new WorkBudget(120);
    const partial = swapImprove(start, sets, 40, tight);
    expect(partial.complete).toBe(false);
    expect(tight.used).toBeLessThanOrEqual(120);
    expect(unionSize(partial, sets, 40)).toBeGreaterThanOrEqual(unionSize(start, sets, 40));
    expect(swapImprove(start, sets, 40, new WorkBudget(10_000_000)).complete).toBe(true);
  });

  it('says "greedy" in method and guarantee when the swaps ran out of budget', () => {
    expect(guaranteeOf({ method: 'greedy', candidate_pool: null, work: { units: 10, budget: 10 } })).toMatch(/swap search stopped when the work budget ran out/);
    expect(guaranteeOf({ method: 'greedy_swap', candidate_pool: { per_village: 3, considered: 90, total: 5000 }, work: { units: 10, budget: 10 } }))
      .toMatch(/only the 3 venues nearest to each unreached village were considered \(90 of 5000\)/);
  });

  it('answers a large anonymous request within the budget and reports it', async () => {
    const t = makeTestApp();
    for (let i = 0; i < 3000; i++) {
      addPoint(t, { name: `Pasar sintetis ${i}`, type: 'market', services: ['information'], position: [115.25 + ((i * 7919) % 2500) / 10_000, -8.52 + ((i * 104_729) % 3800) / 10_000] });
    }
    const s = (await body(t, '/api/coverage/suggest?k=20&radius_km=1&days=30')) as { work: { units: number; budget: number }; candidate_pool: unknown; guarantee: string };
    expect(s.work.units).toBeLessThanOrEqual(s.work.budget);
    expect(s.candidate_pool).toMatchObject({ total: expect.any(Number), considered: expect.any(Number), per_village: expect.any(Number) });
    expect(s.guarantee).toMatch(/nearest to each unreached village/);
  });
});
