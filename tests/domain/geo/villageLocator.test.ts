import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
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

describe('VillageLocator on villages with holes and several parts (packed rings)', () => {
  // Hand-made shapes; the oracle is @turf/boolean-point-in-polygon (boundary counts as inside).
  const square = (x0: number, y0: number, s: number) => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];
  const shapes = [
    { code: '99.01.01.2001', geometry: { type: 'Polygon' as const, coordinates: [square(0, 0, 10), square(3, 3, 4)] } }, // a hole
    { code: '99.01.01.2002', geometry: { type: 'MultiPolygon' as const, coordinates: [[square(20, 0, 5)], [square(30, 0, 5), square(31, 1, 2)]] } },
    { code: '99.01.01.2003', geometry: { type: 'Polygon' as const, coordinates: [square(4, 4, 2)] } }, // inside the hole
    { code: '99.01.01.2004', geometry: { type: 'Polygon' as const, coordinates: [square(10, 0, 5)] } }, // shares x = 10 with 2001
  ];
  const locator = new VillageLocator(shapes);

  it('answers as turf does at random points, holes and second parts included, smallest code on shared edges', () => {
    let state = 7;
    const rnd = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 5000; i++) {
      // Half the points on a 0.5 grid, so many fall exactly on edges and vertices.
      const p: [number, number] = i % 2 ? [Math.round(rnd() * 80) / 2 - 1, Math.round(rnd() * 24) / 2 - 1] : [rnd() * 40 - 1, rnd() * 12 - 1];
      const expected = shapes.find((s) => booleanPointInPolygon(p, s.geometry))?.code ?? null;
      expect(locator.locate(p), JSON.stringify(p)).toBe(expected);
      expect(locator.locateBruteForce(p)).toBe(expected);
    }
  });

  it('puts the hole of 2001 in 2003, the hole of the second part of 2002 in no village, and x = 10 in 2001', () => {
    expect(locator.locate([5, 5])).toBe('99.01.01.2003');
    expect(locator.locate([3.5, 5])).toBeNull();
    expect(locator.locate([32, 2])).toBeNull();
    expect(locator.locate([34, 4])).toBe('99.01.01.2002');
    expect(locator.locate([10, 2])).toBe('99.01.01.2001');
    expect(locator.locate([12, 2])).toBe('99.01.01.2004');
  });
});
