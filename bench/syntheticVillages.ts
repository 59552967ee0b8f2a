import type { Polygon } from 'geojson';
import type { LngLat } from '../server/domain/geo/types.js';
import { seededRandom } from '../tests/helpers/random.js';

/**
 * SYNTHETIC villages for the growth table: nothing here is a real place. A square grid of cells 0.045° wide
 * (about 5 × 5 km, 25 km²: Indonesia's ~83,000 villages average about 23 km²) starting at 95° E, 11° S; each
 * village is a star-shaped ring of `vertices` positions around its cell centre (radius 35–45% of the cell, so
 * neighbours never overlap and gaps between them are "outside every village", like the sea).
 */
export const CELL_DEG = 0.045;

export interface SyntheticVillage {
  code: string;
  name: string;
  district_code: string;
  interior: LngLat;
  geometry: Polygon;
}

/** `n` synthetic villages; codes 99.KK.DD.NNNN (province 99 does not exist), ~162 per synthetic kabupaten. */
export function syntheticVillages(n: number, vertices = 40, seed = 5): SyntheticVillage[] {
  const r = seededRandom(seed);
  const side = Math.ceil(Math.sqrt(n));
  const out: SyntheticVillage[] = [];
  for (let i = 0; i < n; i++) {
    const cx = 95 + (i % side) * CELL_DEG + CELL_DEG / 2;
    const cy = -11 + Math.floor(i / side) * CELL_DEG + CELL_DEG / 2;
    const phase = r() * Math.PI * 2;
    const ring: [number, number][] = [];
    for (let k = 0; k < vertices; k++) {
      const a = (k / vertices) * Math.PI * 2;
      const rad = CELL_DEG * (0.4 + 0.05 * Math.sin(3 * a + phase));
      ring.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
    }
    ring.push(ring[0]);
    const kab = Math.floor(i / 162);
    const district = Math.floor((i % 162) / 18);
    out.push({
      code: `99.${String(kab).padStart(3, '0')}.${String(district).padStart(2, '0')}.${String(2001 + (i % 18))}`,
      name: `Synthetic ${i + 1}`,
      district_code: `99.${String(kab).padStart(3, '0')}.${String(district).padStart(2, '0')}`,
      interior: [cx, cy],
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
  }
  return out;
}
