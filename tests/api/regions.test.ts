import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '../../server/config.js';
import { makeTestApp } from '../helpers/app.js';
import { seededRandom } from '../helpers/random.js';

const DIR = join(ROOT_DIR, 'data', 'wilayah_boundaries');

/** The raw upstream villages: code, name and rings of [lat, lng] exactly as in the files (an independent reading). */
function rawVillages(): { code: string; name: string; polygons: number[][][][]; box: number[] }[] {
  const out: { code: string; name: string; polygons: number[][][][]; box: number[] }[] = [];
  for (const f of readdirSync(DIR).filter((n) => n.startsWith('wilayah_boundaries_kel_'))) {
    for (const m of readFileSync(join(DIR, f), 'utf8').matchAll(/\('([\d.]+)','([^']*)',[-\d.]+,[-\d.]+,'(\[.*\])'\)[,;]/g)) {
      const path = JSON.parse(m[3]);
      const polygons: number[][][][] = typeof path[0][0][0] === 'number' ? [path] : path;
      const all = polygons.flat(2);
      const box = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
      out.push({ code: m[1], name: m[2], polygons, box });
    }
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Ray casting over [lat, lng] rings; a point on an edge counts as inside (the documented rule). */
function rawContains(polygons: number[][][][], lat: number, lng: number): boolean {
  const side = (ring: number[][]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ai, oi] = ring[i];
      const [aj, oj] = ring[j];
      const cross = (lat - ai) * (oj - oi) - (lng - oi) * (aj - ai);
      if (cross === 0 && lat >= Math.min(ai, aj) && lat <= Math.max(ai, aj) && lng >= Math.min(oi, oj) && lng <= Math.max(oi, oj)) return 'edge';
      if (oi > lng !== oj > lng && lat < ((aj - ai) * (lng - oi)) / (oj - oi) + ai) inside = !inside;
    }
    return inside ? 'in' : 'out';
  };
  return polygons.some(([outer, ...holes]) => {
    const s = side(outer);
    if (s === 'edge') return true;
    if (s === 'out') return false;
    return holes.every((h) => side(h) === 'out') || holes.some((h) => side(h) === 'edge');
  });
}

/** The oracle: every village whose raw rings contain the point, by brute force; the answer is the smallest code. */
function oracle(raw: ReturnType<typeof rawVillages>, lng: number, lat: number): string | null {
  return raw.find((v) => lat >= v.box[0] && lat <= v.box[2] && lng >= v.box[1] && lng <= v.box[3] && rawContains(v.polygons, lat, lng))?.code ?? null;
}

describe('GET /api/regions', () => {
  it('lists Bangli alone by default, with its 4 kecamatan, 72 villages and the bounding box of the upstream kabupaten ring', async () => {
    const t = makeTestApp();
    const res = await t.app.request('/api/regions');
    expect(res.status).toBe(200);
    const kab = readFileSync(join(DIR, 'wilayah_boundaries_kab_51.sql'), 'utf8');
    const path = JSON.parse(/\('51\.06','Kabupaten Bangli',[-\d.]+,[-\d.]+,'(\[.*\])'\)/.exec(kab)![1]);
    const ring = (typeof path[0][0][0] === 'number' ? path.flat(1) : path.flat(2)) as number[][];
    const lats = ring.map((p) => p[0]);
    const lngs = ring.map((p) => p[1]);
    expect(await res.json()).toEqual({
      regions: [{ code: '51.06', name: 'Kabupaten Bangli', bbox: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)], districts: 4, villages: 72 }],
    });
  });

  it('lists Gianyar and Bangli for JANGKAU_REGIONS=51.04,51.06', async () => {
    const t = makeTestApp({ config: { regions: ['51.04', '51.06'] } });
    const body = await (await t.app.request('/api/regions')).json();
    expect(body.regions.map((r: any) => [r.code, r.name, r.districts, r.villages])).toEqual([
      ['51.04', 'Kabupaten Gianyar', 7, 70],
      ['51.06', 'Kabupaten Bangli', 4, 72],
    ]);
  });
});

describe('villages across regions', () => {
  const t = makeTestApp({ config: { regions: ['51.04', '51.06'] } });

  it('keeps GET /api/villages without region as one FeatureCollection of every served village', async () => {
    const body = await (await t.app.request('/api/villages')).json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(142);
    expect(body.features[0].properties).toMatchObject({ code: '51.04.01.2001', regency_code: '51.04', regency_name: 'Kabupaten Gianyar' });
  });

  it('filters GET /api/villages?region= by kabupaten and by kecamatan', async () => {
    const gianyar = await (await t.app.request('/api/villages?region=51.04&geometry=simplified')).json();
    expect(gianyar.features).toHaveLength(70);
    expect(gianyar.features.every((f: any) => f.properties.code.startsWith('51.04.'))).toBe(true);
    const susut = await (await t.app.request('/api/villages?region=51.06.01')).json();
    expect(susut.features.map((f: any) => f.properties.name)).toContain('Apuan');
    expect(susut.features).toHaveLength(9);
  });

  it('answers 400 region_not_served for a region this deployment does not serve, and 400 for a malformed one', async () => {
    const res = await t.app.request('/api/villages?region=51.05');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'region_not_served', field: 'region', params: { region: '51.05', served: '51.04, 51.06' } });
    expect((await t.app.request('/api/coverage?region=Bali')).status).toBe(400);
  });

  it('computes coverage and suggestions for one kabupaten', async () => {
    const cov = await (await t.app.request('/api/coverage?region=51.04')).json();
    expect(cov.total).toBe(70);
    expect(cov.villages.every((v: any) => v.code.startsWith('51.04.'))).toBe(true);
    const sug = await (await t.app.request('/api/coverage/suggest?region=51.04&k=2')).json();
    expect(sug.covered_before).toBe(cov.covered);
    for (const s of sug.sites) expect(s.newly_covered.every((c: string) => c.startsWith('51.04.'))).toBe(true);
  });

  it('locates a point in Gianyar and finds the nearest village offices there', async () => {
    const ubud = t.services.villages.all().features.find((f) => f.properties.name === 'Ubud')!.properties;
    const loc = await (await t.app.request(`/api/villages/locate?lat=${ubud.interior_lat}&lng=${ubud.interior_lng}`)).json();
    expect(loc.properties.code).toBe(ubud.code);
    const near = await (await t.app.request(`/api/points/nearest?lat=${ubud.interior_lat}&lng=${ubud.interior_lng}&limit=1`)).json();
    expect(near.features[0].properties.name).toBe('Kantor Lurah Ubud');
  });
});

describe('locate over all of Bali against ray casting on the raw upstream rings', () => {
  const t = makeTestApp({ config: { regions: ['51'] } });
  const raw = rawVillages();

  it('serves the 716 villages of the raw files', () => {
    expect(raw).toHaveLength(716);
    expect(t.services.villages.list.map((v) => v.code)).toEqual(raw.map((v) => v.code));
  });

  it('agrees on 3,000 random points over Bali (land, sea and outside)', () => {
    const rand = seededRandom(12);
    let inside = 0;
    for (let i = 0; i < 3000; i++) {
      const lng = 114.4 + rand() * 1.35;
      const lat = -8.86 + rand() * 0.8;
      const expected = oracle(raw, lng, lat);
      if (expected) inside++;
      expect(t.services.villages.codeAt([lng, lat]), `${lng},${lat}`).toBe(expected);
    }
    expect(inside).toBeGreaterThan(1000);
  });

  it('agrees within a metre of shared borders, where neighbours touch or overlap', () => {
    const rand = seededRandom(7);
    // Points on and beside edges: a random vertex of a random village, nudged by up to ±1e-5° (~1 m).
    let checked = 0;
    for (let i = 0; i < 1500; i++) {
      const v = raw[Math.floor(rand() * raw.length)];
      const ring = v.polygons[0][0];
      const k = Math.floor(rand() * (ring.length - 1));
      const [a, b] = [ring[k], ring[k + 1]];
      const s = rand();
      // On the edge (up to floating point), then nudged.
      const lat = a[0] + (b[0] - a[0]) * s + (rand() - 0.5) * 2e-5;
      const lng = a[1] + (b[1] - a[1]) * s + (rand() - 0.5) * 2e-5;
      expect(t.services.villages.codeAt([lng, lat]), `${v.code} ${lng},${lat}`).toBe(oracle(raw, lng, lat));
      checked++;
    }
    expect(checked).toBe(1500);
  });

  it('gives a point on the border of two villages to the one with the smaller code', () => {
    // Vertices that appear in the rings of two villages lie on both boundaries.
    const owners = new Map<string, Set<string>>();
    for (const v of raw) for (const p of v.polygons.flat(2)) {
      const key = `${p[0]},${p[1]}`;
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(v.code);
    }
    const shared = [...owners.entries()].filter(([, s]) => s.size >= 2);
    expect(shared.length).toBeGreaterThan(100);
    for (const [key, codes] of shared.slice(0, 300)) {
      const [lat, lng] = key.split(',').map(Number);
      const smallest = [...codes].sort()[0];
      // The oracle agrees the point is in (on) each owner, and nothing with a smaller code contains it.
      expect(oracle(raw, lng, lat)).toBe(smallest);
      expect(t.services.villages.codeAt([lng, lat])).toBe(smallest);
    }
  });
});
