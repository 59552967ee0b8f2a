import { describe, expect, it } from 'vitest';
import { jsonRequest, loginAs, makeTestApp, type TestApp } from '../helpers/app.js';
import { addTestPoint } from './visitsFixtures.js';
import { findConflicts } from '../../server/domain/schedule/conflicts.js';
import type { Occurrence } from '../../server/domain/schedule/types.js';

interface Warning { code: string; occurrence_id?: string; other_id?: string }
interface Listed { id: string; starts_at: string; ends_at: string; team?: string | null; status: string }

/** A daily series (the point has no market-day rule, so every day is a market day) from `from` through `until`. */
function daily(pointId: number, from: string, until: string, hhmm: [string, string], team: string) {
  return {
    point_id: pointId, title: `Seri ${team} ${hhmm[0]}`, activities: ['sosialisasi'],
    starts_at: `${from}T${hhmm[0]}:00+08:00`, ends_at: `${from}T${hhmm[1]}:00+08:00`, team,
    repeat: { on_market_days: true, until },
  };
}

async function post(t: TestApp, cookie: string, body: unknown): Promise<{ id: string; warnings: Warning[]; warnings_total: number }> {
  const res = await t.app.request('/api/visits', jsonRequest('POST', body, cookie));
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

/** Brute force over GET /api/visits: every pair of a new occurrence and another one of the same team that overlap in time. */
async function bruteForceOverlaps(t: TestApp, cookie: string, seriesId: string, from: string, to: string): Promise<Set<string>> {
  const res = await t.app.request(`/api/visits?from=${from}&to=${to}&limit=2000`, { headers: { Cookie: cookie } });
  const all = (await res.json()).visits as (Listed & { series_id: string | null })[];
  expect(all.length).toBeLessThan(2000);
  const mine = all.filter((v) => v.series_id === seriesId);
  const others = all.filter((v) => v.series_id !== seriesId && v.status !== 'cancelled');
  const team = (v: Listed) => v.team?.trim().toLowerCase();
  const pairs = new Set<string>();
  for (const a of mine) {
    for (const b of [...mine, ...others]) {
      if (a.id === b.id || !team(a) || team(a) !== team(b)) continue;
      if (Date.parse(a.starts_at) < Date.parse(b.ends_at) && Date.parse(b.starts_at) < Date.parse(a.ends_at)) pairs.add(`${a.id}>${b.id}`);
    }
  }
  return pairs;
}

describe('series conflicts through an index', () => {
  it('finds the same team overlaps as a brute-force scan, for partial overlaps, touching ends and team spellings', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const point = addTestPoint(t, { market_days: {}, opens: null, closes: null });
    await post(t, cookie, daily(point, '2026-12-01', '2026-12-20', ['08:00', '10:00'], 'Tim A'));
    await post(t, cookie, daily(point, '2026-12-05', '2026-12-25', ['09:30', '11:00'], ' tim a '));
    await post(t, cookie, daily(point, '2026-12-01', '2026-12-31', ['10:00', '12:00'], 'TIM A'));
    const timB = await post(t, cookie, daily(point, '2026-12-01', '2026-12-31', ['08:00', '12:00'], 'Tim B'));
    // One occurrence of Tim B's series is handed to Tim A: it must be found although the series is Tim B's.
    expect((await t.app.request(`/api/visits/${timB.id}:2026-12-12`, jsonRequest('PATCH', { team: 'tim a' }, cookie))).status).toBe(200);
    const last = await post(t, cookie, daily(point, '2026-12-10', '2026-12-16', ['09:00', '10:30'], 'Tim A'));
    const expected = await bruteForceOverlaps(t, cookie, last.id, '2026-12-01', '2026-12-31');
    const got = last.warnings.filter((w) => w.code === 'team_overlap').map((w) => `${w.occurrence_id}>${w.other_id}`);
    expect(expected.size).toBeGreaterThan(7);
    expect(last.warnings_total).toBe(last.warnings.length);
    expect(new Set(got)).toEqual(expected);
    expect(got.length).toBe(expected.size);
    expect(expected.has(`${last.id}:2026-12-12>${timB.id}:2026-12-12`)).toBe(true);
  });

  it('caps the warnings of the 20th overlapping daily series at 50 and says how many there were', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const point = addTestPoint(t, { market_days: {}, opens: null, closes: null });
    for (let i = 0; i < 19; i++) await post(t, cookie, daily(point, '2026-12-01', '2026-12-30', ['08:00', '10:00'], 'Tim A'));
    const res = await t.app.request('/api/visits', jsonRequest('POST', daily(point, '2026-12-01', '2026-12-30', ['09:00', '11:00'], 'tim a'), cookie));
    const text = await res.text();
    const body = JSON.parse(text);
    const expected = await bruteForceOverlaps(t, cookie, body.id, '2026-12-01', '2026-12-30');
    expect(expected.size).toBe(30 * 19);
    expect(body.warnings_total).toBe(expected.size);
    expect(body.warnings).toHaveLength(50);
    for (const w of body.warnings) expect(expected.has(`${w.occurrence_id}>${w.other_id}`)).toBe(true);
    // The answer stays small whatever the number of conflicts.
    expect(text.length).toBeLessThan(40_000);
  });
});

describe('findConflicts', () => {
  /** The warnings in the order a pairwise scan gives them (the behaviour before the index). */
  function pairwise(candidates: Occurrence[], existing: Occurrence[]): string[] {
    const team = (o: Occurrence) => o.team?.trim().toLowerCase();
    const overlaps = (a: Occurrence, b: Occurrence) => Date.parse(a.starts_at) < Date.parse(b.ends_at) && Date.parse(b.starts_at) < Date.parse(a.ends_at);
    const others = existing.filter((o) => o.status !== 'cancelled' && !candidates.some((c) => c.id === o.id));
    return candidates.flatMap((occ, i) => [...candidates.slice(0, i), ...others]
      .filter((b) => !!team(occ) && team(occ) === team(b) && overlaps(occ, b))
      .map((b) => `${occ.id}>${b.id}`));
  }

  it('returns team overlaps in exactly the order of a pairwise scan, on random made-up occurrences', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const make = (prefix: string, n: number): Occurrence[] => Array.from({ length: n }, (_, i) => {
      const start = Date.parse('2026-12-01T00:00:00Z') + Math.floor(rand() * 96) * 15 * 60_000;
      const lengthMin = [0, 30, 60, 120, 300, 1440][Math.floor(rand() * 6)];
      return {
        id: `${prefix}${i}`, series_id: null, point_id: '1', title: 't', activities: ['sosialisasi'],
        starts_at: new Date(start).toISOString(), ends_at: new Date(start + lengthMin * 60_000).toISOString(),
        team: [null, 'Tim A', ' tim a', 'Tim B', ''][Math.floor(rand() * 5)], capacity: null, notes: null,
        status: rand() < 0.1 ? 'cancelled' : 'scheduled', overridden: false,
      } as Occurrence;
    });
    for (let round = 0; round < 20; round++) {
      const candidates = make('c', 30).filter((o) => o.status !== 'cancelled');
      const existing = make('e', 80);
      const got = findConflicts(candidates, existing, { points: new Map() }).filter((w) => w.code === 'team_overlap').map((w) => `${w.occurrence_id}>${w.other_id}`);
      expect(got).toEqual(pairwise(candidates, existing));
    }
  });
});
