import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { addTestPoint } from './visitsFixtures.js';
import type { BBox } from '../../server/domain/geo/types.js';

const BOX: BBox = [115.2, -8.6, 115.5, -8.1];
const BOX_TEXT = BOX.join(',');

/** Synthetic points (made up) spread over the box; returns their ids. */
function addSynthetic(t: TestApp, n: number, seed = 0): number[] {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = i + seed * 100_000;
    ids.push(addTestPoint(t, {
      name: `Sintetis ${k}`,
      type: k % 3 === 0 ? 'market' : 'community_hall',
      position: [115.21 + ((k * 7919) % 2800) / 10_000, -8.59 + ((k * 104_729) % 4800) / 10_000],
      market_days: null,
    }));
  }
  return ids;
}

/** The brute-force answer: every visible point inside the box (edges included), optionally of one type. */
function bruteForce(t: TestApp, type?: string): Set<number> {
  return new Set(t.services.pointStore.listVisible()
    .filter((p) => p.position[0] >= BOX[0] && p.position[0] <= BOX[2] && p.position[1] >= BOX[1] && p.position[1] <= BOX[3])
    .filter((p) => !type || p.type === type)
    .map((p) => p.id));
}

function nextLink(res: Response): string | null {
  const link = res.headers.get('link');
  if (!link) return null;
  const m = /^<([^>]+)>; rel="next"$/.exec(link);
  expect(m, link).not.toBeNull();
  return m![1];
}

describe('GET /api/points?bbox= pages', () => {
  it('answers at most 1000 points by default, with a Link to the rest', async () => {
    const t = makeTestApp();
    addSynthetic(t, 1500);
    const res = await t.app.request(`/api/points?bbox=${BOX_TEXT}`);
    expect(res.status).toBe(200);
    const fc = await res.json();
    expect(fc.features).toHaveLength(1000);
    const ids = fc.features.map((f: { id: number }) => f.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(nextLink(res)).toMatch(/^\/api\/points\?bbox=.+&cursor=[A-Za-z0-9_-]+$/);
  });

  it('visits every point exactly once when following the links, keeping the other parameters', async () => {
    const t = makeTestApp();
    addSynthetic(t, 3100);
    for (const [query, type] of [[`bbox=${BOX_TEXT}&limit=700`, undefined], [`type=market&bbox=${BOX_TEXT}&limit=333`, 'market']] as const) {
      const seen: number[] = [];
      let url: string | null = `/api/points?${query}`;
      let pages = 0;
      while (url) {
        const res = await t.app.request(url);
        expect(res.status).toBe(200);
        const fc = await res.json();
        for (const f of fc.features) {
          seen.push(f.id);
          if (type) expect(f.properties.type).toBe(type);
        }
        url = nextLink(res);
        if (url) expect(url).toContain(type ? 'type=market' : 'limit=700');
        pages++;
      }
      const expected = bruteForce(t, type);
      expect(seen.length).toBe(expected.size);
      expect(new Set(seen)).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.size / (type ? 333 : 700)));
    }
  });

  it('visits every point once when points are added and retired between pages', async () => {
    const t = makeTestApp();
    const ids = addSynthetic(t, 2600);
    const seen: number[] = [];
    const retiredAfterSeen = new Set<number>();
    let url: string | null = `/api/points?bbox=${BOX_TEXT}&limit=500`;
    let page = 0;
    while (url) {
      const res = await t.app.request(url);
      const fc = await res.json();
      seen.push(...fc.features.map((f: { id: number }) => f.id));
      url = nextLink(res);
      page++;
      if (page <= 3) {
        addSynthetic(t, 40, page);
        // Retire two points already seen and two not reached yet.
        const seenSet = new Set(seen);
        const victims = [ids[page * 10], ids[page * 10 + 1], ids[2000 + page], ids[2100 + page]];
        for (const id of victims) {
          if (seenSet.has(id)) retiredAfterSeen.add(id);
          t.services.pointEdits.retire({ id: null, email: 'test' }, id);
        }
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set([...bruteForce(t), ...retiredAfterSeen]));
  });

  it('refuses a bad limit with 400 naming limit', async () => {
    const t = makeTestApp();
    for (const bad of ['0', '5001', 'abc', '1.5', '', '-3', '1e3']) {
      const res = await t.app.request(`/api/points?bbox=${BOX_TEXT}&limit=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.field).toBe('limit');
    }
    expect((await t.app.request(`/api/points?bbox=${BOX_TEXT}&limit=5000`)).status).toBe(200);
  });

  it('refuses a bad cursor with 400 naming cursor', async () => {
    const t = makeTestApp();
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const bad of ['', 'xyz', b64('p:0'), b64('p:-1'), b64('q:5'), b64('p:1 '), b64('p:99999999999999999'), `${b64('p:5')}=`, 'a'.repeat(200)]) {
      const res = await t.app.request(`/api/points?bbox=${BOX_TEXT}&cursor=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.field).toBe('cursor');
    }
  });
});
