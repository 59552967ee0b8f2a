import { NearestIndex } from '../domain/geo/nearestIndex.js';
import type { BBox, LngLat } from '../domain/geo/types.js';
import { toFeature, type Point, type PointFeature } from '../domain/points/point.js';
import { isOpenNow } from '../domain/points/openNow.js';
import { serviceMask, typeBit, type PointType, type Service } from '../domain/points/vocabulary.js';
import type { PointStore } from '../storage/points.js';
import type { VillageService } from './villages.js';
import { marketDayProperties, nextMarketDay } from './calendar.js';
import { describeRule, type MarketDayRule } from '../domain/calendar/marketDays.js';

export interface PointCollection {
  type: 'FeatureCollection';
  features: PointFeature[];
}

/** A Feature's JSON up to its last clock-independent property (`head`, without the closing braces) and the market-day names between open_now and next_market_day (`middle`). */
interface FeatureJsonParts {
  head: string;
  middle: string;
}

export interface NearestOptions {
  limit: number;
  types?: PointType[];
  service?: Service[];
  maxKm?: number;
  /** Told the ids found, nearest first (the re-check queue counts views from them). */
  onHits?: (ids: number[]) => void;
}

/** Cap on cached rows (~1 KB each): the real data set fits many times over; a synthetic 1M does not. */
const MAX_CACHED_ROWS = 50_000;

function typeMaskOf(types: readonly PointType[] | undefined): number {
  return (types ?? []).reduce((m, t) => m | typeBit(t), 0);
}

/**
 * Public point lookups: nearest, in a box, by id. Keeps a kd-tree of non-retired points in memory and
 * rebuilds it lazily when the store's change stamp moves (after an edit, an import, or a write by the CLI).
 */
export class FinderService {
  private index: NearestIndex | null = null;
  private indexStamp = '';
  /**
   * Rows of recently returned points, valid for the current change stamp only. Reading a full row from
   * SQLite costs ~25 µs (22 columns become JS strings), which made the per-request row fetch, not the
   * index, the bottleneck of /api/points/nearest; cached rows bring it to bare-server speed.
   */
  private rows = new Map<number, Point>();
  /** Pre-serialised JSON of the parts of each cached row's Feature that do not change with the clock (see nearestJson). */
  private jsonParts = new Map<number, FeatureJsonParts>();

  constructor(
    private readonly points: PointStore,
    private readonly villages: VillageService,
    private readonly now: () => Date,
  ) {}

  /** The current index, rebuilt if points changed since it was built. */
  currentIndex(): NearestIndex {
    const stamp = this.points.changeStamp();
    if (!this.index || stamp !== this.indexStamp) {
      this.index = new NearestIndex(this.points.indexColumns());
      this.indexStamp = stamp;
      this.rows = new Map();
      this.jsonParts = new Map();
    }
    return this.index;
  }

  /** Index hits for a nearest query: ids and great-circle distances (m), nearest first. */
  private nearestHits(center: LngLat, opts: NearestOptions) {
    return this.currentIndex().nearest(center, {
      limit: opts.limit,
      maxDistanceM: opts.maxKm === undefined ? undefined : opts.maxKm * 1000,
      typeMask: typeMaskOf(opts.types),
      requireServices: serviceMask(opts.service ?? []),
    });
  }

  /** The nearest visible points to `center`, sorted by great-circle distance (distance_m, metres). */
  nearest(center: LngLat, opts: NearestOptions): PointCollection {
    const hits = this.nearestHits(center, opts);
    opts.onHits?.(hits.map((h) => h.id));
    const byId = this.cachedRows(hits.map((h) => h.id));
    const now = this.now();
    const features: PointFeature[] = [];
    for (const h of hits) {
      const p = byId.get(h.id);
      if (p) features.push(this.publicFeature(p, now, { distance_m: Math.round(h.distanceM * 10) / 10 }));
    }
    return { type: 'FeatureCollection', features };
  }

  /**
   * nearest() as JSON text, byte for byte `JSON.stringify(this.nearest(center, opts))`, built from cached
   * pre-serialised parts of each point's Feature: only open_now, next_market_day and distance_m are made
   * per request. Building and stringifying ten ~25-property Features was most of the CPU time of
   * GET /api/points/nearest.
   */
  nearestJson(center: LngLat, opts: NearestOptions): string {
    const hits = this.nearestHits(center, opts);
    opts.onHits?.(hits.map((h) => h.id));
    const byId = this.cachedRows(hits.map((h) => h.id));
    const now = this.now();
    let out = '{"type":"FeatureCollection","features":[';
    let first = true;
    for (const h of hits) {
      const p = byId.get(h.id);
      if (!p) continue;
      let parts = this.jsonParts.get(p.id);
      if (!parts) this.jsonParts.set(p.id, (parts = this.featureJsonParts(p)));
      const openNow = isOpenNow(p, now);
      const next = p.market_days ? JSON.stringify(nextMarketDay(p, now)) : 'null';
      out += `${first ? '' : ','}${parts.head},"open_now":${openNow}${parts.middle}${next},"distance_m":${JSON.stringify(Math.round(h.distanceM * 10) / 10)}}}`;
      first = false;
    }
    return out + ']}';
  }

  /** The clock-independent JSON of a point's public Feature, split around open_now and next_market_day. */
  private featureJsonParts(p: Point): FeatureJsonParts {
    const village = p.village_code ? this.villages.get(p.village_code) : undefined;
    // Same property order as publicFeature(): stored fields, village names, open_now, market-day facts, extra.
    const base = JSON.stringify(toFeature(p, { village_name: village?.name ?? null, district_name: village?.district_name ?? null }));
    const names = p.market_days ? describeRule(p.market_days as MarketDayRule) : null;
    return { head: base.slice(0, -2), middle: `,"market_day_names":${JSON.stringify(names)},"next_market_day":` };
  }

  /** Rows for `ids` from the cache, fetching the missing ones in one query. Call after currentIndex(). */
  private cachedRows(ids: readonly number[]): Map<number, Point> {
    let missing = ids.filter((id) => !this.rows.has(id));
    if (missing.length > 0) {
      if (this.rows.size + missing.length > MAX_CACHED_ROWS) {
        this.rows = new Map();
        this.jsonParts = new Map();
        missing = [...ids];
      }
      for (const p of this.points.getMany(missing)) this.rows.set(p.id, p);
    }
    return this.rows;
  }

  /**
   * One page of the visible points inside a [minLng, minLat, maxLng, maxLat] box: at most `limit` points with
   * id > `afterId`, by id (keyset pagination), and the id the next page starts after (null on the last page).
   */
  inBbox(box: BBox, types: PointType[] | undefined, page: { limit: number; afterId: number }): { collection: PointCollection; nextAfterId: number | null } {
    const ids = Float64Array.from(this.currentIndex().within(box, typeMaskOf(types))).sort();
    // First id past the cursor, by binary search.
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid] <= page.afterId) lo = mid + 1;
      else hi = mid;
    }
    const pageIds = Array.from(ids.subarray(lo, lo + page.limit));
    const more = lo + page.limit < ids.length;
    const now = this.now();
    return {
      collection: { type: 'FeatureCollection', features: this.points.getMany(pageIds).map((p) => this.publicFeature(p, now)) },
      nextAfterId: more ? pageIds[pageIds.length - 1] : null,
    };
  }

  /** One visible point as a Feature, or undefined when unknown or retired. */
  get(id: number): PointFeature | undefined {
    const p = this.points.get(id);
    return p && p.status !== 'retired' ? this.publicFeature(p, this.now()) : undefined;
  }

  /** The public Feature of a point: stored fields plus derived ones (open_now, village names, next_market_day). */
  publicFeature(p: Point, now: Date, extra: Record<string, unknown> = {}): PointFeature {
    const village = p.village_code ? this.villages.get(p.village_code) : undefined;
    return toFeature(p, {
      village_name: village?.name ?? null,
      district_name: village?.district_name ?? null,
      open_now: isOpenNow(p, now),
      // "Hari pasaran: Pasah (berikutnya: …)": the rule's names and the next market date from now (WITA).
      ...marketDayProperties(p, now),
      ...extra,
    });
  }
}
