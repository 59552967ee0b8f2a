import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { openDb } from '../../server/storage/db.js';
import { prepareRegions } from '../../server/services/regions/ensureRegions.js';
import { VillageStore } from '../../server/storage/villages.js';
import { PointStore } from '../../server/storage/points.js';
import { loadConfig, ROOT_DIR, testConfig } from '../../server/config.js';
import { makeTestApp, TEST_NOW } from '../helpers/app.js';

const DATA = testConfig().dataDir;
const shipped = JSON.parse(readFileSync(join(ROOT_DIR, 'data', 'bangli_villages_boundaries.geojson'), 'utf8')).features as {
  properties: { code: string; interior_lng: number; interior_lat: number; postal_code: string };
}[];

function offices(db: ReturnType<typeof openDb>) {
  return new PointStore(db).listAll().filter((p) => p.external_id?.startsWith('seed:village-office:'));
}

describe('JANGKAU_REGIONS', () => {
  it('defaults to Bangli and reads a comma-separated list of province or kabupaten codes', () => {
    expect(loadConfig({}).regions).toEqual(['51.06']);
    expect(loadConfig({ JANGKAU_REGIONS: '51.04, 51.05,51.06' }).regions).toEqual(['51.04', '51.05', '51.06']);
    expect(loadConfig({ JANGKAU_REGIONS: '51' }).regions).toEqual(['51']);
    expect(() => loadConfig({ JANGKAU_REGIONS: 'Bali' })).toThrow(/JANGKAU_REGIONS lists province \(51\) or kabupaten\/kota \(51\.06\) codes/);
  });
});

describe('preparing the database for the configured regions', () => {
  it('serves Bangli by default exactly as seeded before: the shipped interior points and postal codes', () => {
    const db = openDb(':memory:');
    expect(prepareRegions(db, DATA, ['51.06'], TEST_NOW).kabupaten).toEqual(['51.06']);
    const villages = new VillageStore(db).all();
    expect(villages.map((v) => [v.code, v.interior, v.postal_code])).toEqual(
      shipped.map((f) => [f.properties.code, [f.properties.interior_lng, f.properties.interior_lat], f.properties.postal_code]),
    );
    expect(offices(db)).toHaveLength(72);
  });

  it('adds Gianyar beside Bangli: 142 villages, each with one approximate village office inside it', () => {
    const t = makeTestApp({ config: { regions: ['51.04', '51.06'] } });
    expect(t.services.villages.list).toHaveLength(142);
    const gianyar = offices(t.db).filter((p) => p.village_code?.startsWith('51.04.'));
    expect(gianyar).toHaveLength(70);
    for (const p of gianyar) {
      const v = t.services.villages.get(p.village_code!)!;
      expect(p.accuracy).toBe('approximate');
      expect(p.address).toMatch(new RegExp(`Kecamatan ${v.district_name}, Kabupaten Gianyar$`));
      expect(booleanPointInPolygon(p.position, v.geometry)).toBe(true);
    }
  });

  it('serves all of Bali for 51: 716 villages in 9 kabupaten/kota', () => {
    const t = makeTestApp({ config: { regions: ['51'] } });
    expect(t.services.villages.list).toHaveLength(716);
    expect(t.services.villages.regions.map((r) => r.code)).toEqual(['51.01', '51.02', '51.03', '51.04', '51.05', '51.06', '51.07', '51.08', '51.71']);
    expect(t.services.villages.regions.reduce((s, r) => s + r.districts, 0)).toBe(57);
  });

  it('changes nothing when started again with the same regions, and adds a region named later', () => {
    const db = openDb(':memory:');
    prepareRegions(db, DATA, ['51.06'], TEST_NOW);
    const dump = () => ({ villages: db.prepare('SELECT * FROM villages ORDER BY code').all(), points: db.prepare('SELECT * FROM points ORDER BY id').all() });
    const before = dump();
    expect(prepareRegions(db, DATA, ['51.06'], TEST_NOW).added).toBe(0);
    expect(dump()).toEqual(before);
    expect(prepareRegions(db, DATA, ['51.05', '51.06'], TEST_NOW).added).toBe(59);
    expect(dump().villages).toHaveLength(131);
  });

  it('stops the start with a clear message when a region has no boundary files', () => {
    const db = openDb(':memory:');
    expect(() => prepareRegions(db, DATA, ['52.01'], TEST_NOW)).toThrow(/JANGKAU_REGIONS names 52\.01, but its boundary files .* npm run regions -- import/);
    expect(() => prepareRegions(db, DATA, ['52'], TEST_NOW)).toThrow(/JANGKAU_REGIONS names province 52/);
  });
});
