import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { jsonRequest, loginAs, makeTestApp } from '../helpers/app.js';
import { addTestPoint, visitBody } from './visitsFixtures.js';

async function packs(t: ReturnType<typeof makeTestApp>) {
  const res = await t.app.request('/api/packs');
  expect(res.status).toBe(200);
  return (await res.json()).packs as { code: string; name: string; hash: string; url: string; bytes: number }[];
}

describe('offline packs', () => {
  it('lists one pack per served kabupaten, named by the sha-256 of its content, cached as immutable', async () => {
    const t = makeTestApp({ config: { regions: ['51.04', '51.06'] } });
    const list = await packs(t);
    expect(list.map((p) => [p.code, p.name])).toEqual([['51.04', 'Kabupaten Gianyar'], ['51.06', 'Kabupaten Bangli']]);
    const bangli = list[1];
    const res = await t.app.request(bangli.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const text = await res.text();
    expect(createHash('sha256').update(text).digest('hex').slice(0, 16)).toBe(bangli.hash);
    expect(bangli.url).toBe(`/packs/51.06.${bangli.hash}.json`);
    expect(Buffer.byteLength(text)).toBe(bangli.bytes);
  });

  it('holds the kabupaten\'s simplified villages and exactly its active points', async () => {
    const t = makeTestApp({ config: { regions: ['51.04', '51.06'] } });
    const [gianyar] = await packs(t);
    const body = await (await t.app.request(gianyar.url)).json();
    expect(body.villages.features).toHaveLength(70);
    const expected = (t.db.prepare("SELECT id FROM points WHERE status = 'active' AND village_code LIKE '51.04.%' ORDER BY id").pluck().all() as number[]);
    expect(body.points.features.map((f: any) => f.id)).toEqual(expected);
    expect(expected).toHaveLength(70);
  });

  it('carries public visits of the next 60 days only: no drafts, no team or notes', async () => {
    const t = makeTestApp();
    const { cookie } = await loginAs(t, 'planner');
    const pointId = addTestPoint(t);
    for (const [date, extra] of [
      ['2026-11-27', { team: 'Tim A', notes: 'catatan internal' }],
      ['2026-11-28', { status: 'draft' }],
      ['2027-03-01', {}], // beyond 60 days from 2026-11-25
    ] as const) {
      const res = await t.app.request('/api/visits', jsonRequest('POST', visitBody(pointId, date, extra), cookie));
      expect(res.status).toBe(201);
    }
    const [pack] = await packs(t);
    const body = await (await t.app.request(pack.url)).json();
    expect(body.visits.map((v: any) => v.starts_at)).toEqual(['2026-11-27T08:00:00+08:00']);
    expect(body.visits[0]).not.toHaveProperty('team');
    expect(body.visits[0]).not.toHaveProperty('notes');
    expect(JSON.stringify(body)).not.toMatch(/catatan internal|Tim A/);
  });

  it('keeps the hash while nothing changes, and gives a new one (the old answering 404) after a point changes', async () => {
    const t = makeTestApp();
    const [before] = await packs(t);
    expect((await packs(t))[0].hash).toBe(before.hash);
    addTestPoint(t, { name: 'Pasar Baru Uji' });
    const [after] = await packs(t);
    expect(after.hash).not.toBe(before.hash);
    expect((await t.app.request(before.url)).status).toBe(404);
    expect(await (await t.app.request(after.url)).text()).toContain('Pasar Baru Uji');
    expect((await t.app.request('/packs/51.06.nothex.json')).status).toBe(404);
  });
});
