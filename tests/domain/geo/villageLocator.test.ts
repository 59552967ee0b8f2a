import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VillageLocator } from '../../../server/domain/geo/villageLocator.js';
import { ROOT_DIR } from '../../../server/config.js';

const villages = JSON.parse(readFileSync(join(ROOT_DIR, 'data', 'bangli_villages_boundaries.geojson'), 'utf8')).features as {
  properties: { code: string; name: string; interior_lng: number; interior_lat: number; centroid_lng: number; centroid_lat: number; centroid_inside: boolean };
  geometry: never;
}[];
const locator = new VillageLocator(villages.map((f) => ({ code: f.properties.code, geometry: f.geometry })));

describe('VillageLocator on the real 72 Bangli villages', () => {
  it('puts every village interior point in its own village', () => {
    expect(villages).toHaveLength(72);
    for (const f of villages) {
      expect(locator.locate([f.properties.interior_lng, f.properties.interior_lat]), f.properties.name).toBe(f.properties.code);
    }
  });

  it('agrees with the upstream flags on which polygon centroids fall inside their village', () => {
    for (const f of villages) {
      const found = locator.locate([f.properties.centroid_lng, f.properties.centroid_lat]);
      if (f.properties.centroid_inside) expect(found, f.properties.name).toBe(f.properties.code);
      else expect(found, f.properties.name).not.toBe(f.properties.code);
    }
  });

  it('finds no village in Denpasar or in the sea', () => {
    expect(locator.locate([115.2167, -8.65])).toBeNull(); // Denpasar
    expect(locator.locate([115.5, -8.9])).toBeNull(); // Badung Strait
  });
});
