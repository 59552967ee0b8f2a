import { NearestIndex } from '../../server/domain/geo/nearestIndex';
import { isOpenNow } from '../../server/domain/points/openNow';
import { nextMarketDay } from '../../server/domain/calendar/nextMarketDay';
import { serviceMask, typeBit, type PointType, type Service } from '../../server/domain/points/vocabulary';
import type { LngLat, PointCollection, PointFeature } from './types';

/** The query of GET /api/points/nearest, as the on-device fallback understands it. */
export interface NearestParams {
  lat: number;
  lng: number;
  limit: number;
  type?: string;
  service?: string;
  max_km?: number;
}

let built: { source: PointCollection; index: NearestIndex; byId: Map<number, PointFeature> } | null = null;

function indexFor(all: PointCollection) {
  if (built?.source !== all) {
    built = {
      source: all,
      byId: new Map(all.features.map((f) => [f.id, f])),
      index: new NearestIndex(
        all.features.map((f) => ({
          id: f.id,
          position: f.geometry.coordinates,
          typeBit: typeBit(f.properties.type as PointType),
          serviceMask: serviceMask(f.properties.services as Service[]),
        })),
      ),
    };
  }
  return built;
}

const list = (s: string | undefined) => (s ? s.split(',').filter(Boolean) : []);

/**
 * The answer /api/points/nearest would give, computed on the phone from the cached full point set with
 * the same pure NearestIndex the server uses: same FeatureCollection shape, distance_m in metres
 * (rounded to 0.1 like the server), open_now recomputed for `now`.
 */
export function nearestOnDevice(all: PointCollection, q: NearestParams, now: Date): PointCollection {
  const { index, byId } = indexFor(all);
  const center: LngLat = [q.lng, q.lat];
  const hits = index.nearest(center, {
    limit: q.limit,
    maxDistanceM: q.max_km === undefined ? undefined : q.max_km * 1000,
    typeMask: list(q.type).reduce((m, t) => m | typeBit(t as PointType), 0),
    requireServices: serviceMask(list(q.service) as Service[]),
  });
  const features: PointFeature[] = [];
  for (const h of hits) {
    const f = byId.get(h.id);
    if (!f) continue;
    const p = f.properties;
    features.push({
      ...f,
      properties: {
        ...p,
        open_now: isOpenNow(p, now),
        ...(p.market_days ? { next_market_day: nextMarketDay(p, now) } : {}),
        distance_m: Math.round(h.distanceM * 10) / 10,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
