import type { LngLat } from '../server/domain/geo/types.js';
import type { PointInput } from '../server/domain/points/point.js';
import { POINT_TYPES, SERVICES, serviceMask, typeBit, type PointType, type Service } from '../server/domain/points/vocabulary.js';
import type { IndexEntry } from '../server/domain/geo/nearestIndex.js';
import { seededRandom } from '../tests/helpers/random.js';

/**
 * SYNTHETIC benchmark data. Nothing here is a real place: positions are random, names say "Synthetic".
 * Two layouts: uniform over Kabupaten Bangli's bounding box, and clustered around Bangli town (most
 * points within a few km, like a dense market area), which stresses the expanding-box search.
 */
export const BANGLI_BBOX: [number, number, number, number] = [115.25, -8.55, 115.45, -8.15];
/** Roughly Bangli town, the centre of the clustered layout ([lng, lat]). */
export const BANGLI_CENTRE: LngLat = [115.355, -8.454];

export type Layout = 'uniform' | 'clustered';

/** A small deterministic PRNG (mulberry32) so every run measures the same points. */
export const rng = seededRandom;

function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/** `n` synthetic [lng, lat] positions in the given layout. */
export function positions(n: number, layout: Layout, seed = 1): LngLat[] {
  const r = rng(seed);
  const [x0, y0, x1, y1] = BANGLI_BBOX;
  const out: LngLat[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (layout === 'uniform' || r() < 0.1) out[i] = [x0 + r() * (x1 - x0), y0 + r() * (y1 - y0)];
    else out[i] = [BANGLI_CENTRE[0] + gaussian(r) * 0.02, BANGLI_CENTRE[1] + gaussian(r) * 0.02];
  }
  return out;
}

/** Query positions: uniform over the box, plus (for the clustered layout) half near the cluster. */
export function queries(n: number, layout: Layout, seed = 99): LngLat[] {
  return positions(n, layout, seed);
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** Index entries (id = i + 1) for positions, with pseudo-random type and service bits. */
export function entries(ps: readonly LngLat[], seed = 7): IndexEntry[] {
  const r = rng(seed);
  return ps.map((position, i) => ({
    id: i + 1,
    position,
    typeBit: typeBit(pick(r, POINT_TYPES)),
    serviceMask: serviceMask(SERVICES.filter(() => r() < 0.4)),
  }));
}

/** A full synthetic point record for the HTTP benchmark (stored like a real point, labelled synthetic). */
export function syntheticPoint(i: number, position: LngLat, r: () => number, villageCode: string | null): PointInput {
  const type = pick(r, POINT_TYPES) as PointType;
  const services = SERVICES.filter(() => r() < 0.5) as Service[];
  return {
    name: `Synthetic point ${i}`,
    type,
    position,
    village_code: villageCode,
    address: `Synthetic address ${i}`,
    phone: null,
    whatsapp: null,
    services,
    opening_hours: { mon: [{ opens: '08:00', closes: '15:00' }], tue: [{ opens: '08:00', closes: '15:00' }], wed: [{ opens: '08:00', closes: '15:00' }] },
    market_days: null,
    opens: null,
    closes: null,
    accuracy: r() < 0.5 ? 'exact' : 'approximate',
    location_note: null,
    verified_at: null,
    status: 'active',
    source: 'SYNTHETIC benchmark data (bench/synthetic.ts) — not a real place',
    external_id: `synthetic:${i}`,
    notes: null,
  };
}
