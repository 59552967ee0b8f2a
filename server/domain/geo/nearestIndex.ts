import KDBush from 'kdbush';
import { bboxAround } from './bbox.js';
import { haversineM } from './distance.js';
import type { BBox, LngLat } from './types.js';

/** One entry handed to the index: an id, a position and bit masks the caller can filter on. */
export interface IndexEntry {
  id: number;
  position: LngLat;
  /** Caller-defined bits (e.g. one bit per point type). */
  typeBit: number;
  /** Caller-defined bits (e.g. one bit per service offered). */
  serviceMask: number;
}

/**
 * The same entries as parallel columns (entry i = element i of each), e.g. read straight from SQL
 * without building an object per point: at 100 000 points that halves the index's part of a cold start.
 */
export interface IndexColumns {
  ids: Float64Array;
  lng: Float64Array;
  lat: Float64Array;
  typeBits: Uint32Array;
  serviceMasks: Uint32Array;
}

/** Entries as columns. */
export function entriesToColumns(entries: readonly IndexEntry[]): IndexColumns {
  const n = entries.length;
  const c: IndexColumns = { ids: new Float64Array(n), lng: new Float64Array(n), lat: new Float64Array(n), typeBits: new Uint32Array(n), serviceMasks: new Uint32Array(n) };
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    c.ids[i] = e.id;
    c.lng[i] = e.position[0];
    c.lat[i] = e.position[1];
    c.typeBits[i] = e.typeBit;
    c.serviceMasks[i] = e.serviceMask;
  }
  return c;
}

/** A hit from a nearest query: the entry's id and its great-circle distance in metres. */
export interface NearestHit {
  id: number;
  distanceM: number;
}

export interface NearestQuery {
  /** How many hits to return at most. */
  limit: number;
  /** Stop searching beyond this many metres (default: the whole index). */
  maxDistanceM?: number;
  /** Keep only entries whose typeBit is in this mask (0 or undefined = any type). */
  typeMask?: number;
  /** Keep only entries offering all of these service bits (0 or undefined = any). */
  requireServices?: number;
}

const EMPTY: NearestHit[] = [];
/** Density grid resolution per axis (64×64 cells: 16 KB, built in one pass). */
const GRID = 64;

/**
 * A static kd-tree over points for nearest-by-great-circle queries.
 *
 * Why not geokdbush directly: a kdbush range query inside an expanding box, re-ranked by exact
 * haversine, is about twice as fast for small k and lets us filter on type/service bits without
 * allocating per point. A coarse density grid sizes the first box, so clustered data (a town centre)
 * costs no more than uniform data. Rebuild it (cheap: ~0.3 s per million points) whenever the point set changes.
 * Positions are assumed not to straddle the antimeridian (true for Indonesia).
 */
export class NearestIndex {
  readonly size: number;
  private readonly tree: KDBush;
  private readonly ids: Float64Array;
  private readonly lng: Float64Array;
  private readonly lat: Float64Array;
  private readonly typeBits: Uint32Array;
  private readonly serviceMasks: Uint32Array;
  /** A coarse GRID×GRID count of points over the data's extent: local density sizes the first search box. */
  private readonly cellCounts: Uint32Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly cellW: number;
  private readonly cellH: number;
  /** Area of one grid cell in m² (at the extent's middle latitude; good enough to size a first guess). */
  private readonly cellAreaM2: number;

  /** Entries as objects, or as columns (taken over, not copied). */
  constructor(entries: readonly IndexEntry[] | IndexColumns) {
    const cols = Array.isArray(entries) ? entriesToColumns(entries) : (entries as IndexColumns);
    const n = cols.ids.length;
    this.size = n;
    this.tree = new KDBush(Math.max(n, 1));
    this.ids = cols.ids;
    this.lng = cols.lng;
    this.lat = cols.lat;
    this.typeBits = cols.typeBits;
    this.serviceMasks = cols.serviceMasks;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = this.lng[i], y = this.lat[i];
      this.tree.add(x, y);
      if (x < minX) minX = x; if (x > maxX) maxX = x;
      if (y < minY) minY = y; if (y > maxY) maxY = y;
    }
    if (n === 0) this.tree.add(0, 0); // kdbush refuses to finish an empty index; the dummy is never reported
    this.tree.finish();
    if (n === 0) minX = minY = maxX = maxY = 0;
    this.minX = minX;
    this.minY = minY;
    this.cellW = Math.max(maxX - minX, 1e-9) / GRID;
    this.cellH = Math.max(maxY - minY, 1e-9) / GRID;
    const midLat = (minY + maxY) / 2;
    const widthM = haversineM([minX, midLat], [minX + this.cellW, midLat]);
    const heightM = haversineM([minX, minY], [minX, minY + this.cellH]);
    this.cellAreaM2 = Math.max(widthM * heightM, 1);
    this.cellCounts = new Uint32Array(GRID * GRID);
    for (let i = 0; i < n; i++) this.cellCounts[this.cellOf(this.lng[i], this.lat[i])]++;
  }

  private cellOf(x: number, y: number): number {
    const cx = Math.min(GRID - 1, Math.max(0, Math.floor((x - this.minX) / this.cellW)));
    const cy = Math.min(GRID - 1, Math.max(0, Math.floor((y - this.minY) / this.cellH)));
    return cy * GRID + cx;
  }

  /**
   * First search radius (m) expected to hold about 2×limit points, from the density of the 3×3 grid
   * cells around `center`. Erring small is cheap (a few more range queries with few points each);
   * erring large is not (a box over a dense cluster means thousands of haversines), so clustered data
   * must not be sized by the average density over the whole extent.
   */
  private firstRadiusM(center: LngLat, limit: number): number {
    const c = this.cellOf(center[0], center[1]);
    const cx = c % GRID, cy = (c - cx) / GRID;
    let count = 0, cells = 0;
    for (let y = Math.max(0, cy - 1); y <= Math.min(GRID - 1, cy + 1); y++) {
      for (let x = Math.max(0, cx - 1); x <= Math.min(GRID - 1, cx + 1); x++) {
        count += this.cellCounts[y * GRID + x];
        cells++;
      }
    }
    const perPointM2 = (cells * this.cellAreaM2) / Math.max(count, 1);
    return Math.max(1, Math.sqrt((perPointM2 * 2 * limit) / Math.PI));
  }

  /** The `limit` nearest entries to `center`, sorted by distance (metres), ties by id. */
  nearest(center: LngLat, q: NearestQuery): NearestHit[] {
    if (this.size === 0 || q.limit <= 0) return EMPTY;
    const maxM = q.maxDistanceM ?? Infinity;
    const typeMask = q.typeMask ?? 0;
    const need = q.requireServices ?? 0;
    // Start with a box expected to hold ~2×limit points, then grow it until enough hits are inside the radius.
    let radiusM = Math.min(maxM, this.firstRadiusM(center, q.limit));
    for (;;) {
      const hits = this.collect(center, radiusM, typeMask, need);
      const done = hits.length >= q.limit || radiusM >= maxM || radiusM >= 20_100_000;
      if (done) {
        hits.sort((a, b) => a.distanceM - b.distanceM || a.id - b.id);
        return hits.length > q.limit ? hits.slice(0, q.limit) : hits;
      }
      radiusM = Math.min(maxM, radiusM * 2.5);
    }
  }

  /** Ids of entries inside a [minLng, minLat, maxLng, maxLat] box, optionally filtered by type bits. */
  within(box: BBox, typeMask = 0): number[] {
    if (this.size === 0) return [];
    const out: number[] = [];
    for (const i of this.tree.range(box[0], box[1], box[2], box[3])) {
      if (typeMask && !(this.typeBits[i] & typeMask)) continue;
      out.push(this.ids[i]);
    }
    return out;
  }

  private collect(center: LngLat, radiusM: number, typeMask: number, need: number): NearestHit[] {
    const [minX, minY, maxX, maxY] = bboxAround(center, radiusM);
    const out: NearestHit[] = [];
    const p: LngLat = [0, 0];
    for (const i of this.tree.range(minX, minY, maxX, maxY)) {
      if (typeMask && !(this.typeBits[i] & typeMask)) continue;
      if (need && (this.serviceMasks[i] & need) !== need) continue;
      p[0] = this.lng[i];
      p[1] = this.lat[i];
      const d = haversineM(center, p);
      if (d <= radiusM) out.push({ id: this.ids[i], distanceM: d });
    }
    return out;
  }
}
