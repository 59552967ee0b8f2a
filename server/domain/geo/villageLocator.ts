import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import type { LngLat } from './types.js';
import { packedContains, polygonParts, ringSide, type PackedPolygons } from './pointInPolygon.js';

/** A village boundary as the locator needs it: its code and its polygon. */
export interface VillageShape {
  code: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * Finds which village contains a position: a Flatbush R-tree over the villages' bounding boxes picks the few
 * candidates, exact ray casting (boundary included) decides. Cost per query grows with log(villages) and the
 * vertex count of the 1–3 candidates, not with the number of villages.
 *
 * Memory layout (why it is flat): every vertex of every village lives in one Float64Array (lng, lat interleaved)
 * with typed-array offsets per ring, part and village, and the village boxes in one more. With one heap object
 * per ring or vertex, a query over 83,000 villages chased several pointers to cold memory; now it reads the
 * index, one offset and the candidate's contiguous coordinates.
 *
 * Border rule: a point inside or on the boundary of several villages (a shared edge or vertex, or where
 * upstream's simplified neighbours overlap) belongs to the one with the smallest code (code order = string order).
 */
export class VillageLocator {
  /** Village codes in code order; a village's number is its position here (and its Flatbush id). */
  private readonly codes: string[];
  private readonly packed: PackedPolygons;
  /** Village v has parts villagePart[v] … villagePart[v + 1] − 1. */
  private readonly villagePart: Uint32Array;
  /**
   * For a village of one ring (most are): its coords range at [2v, 2v + 1], read with one lookup instead of
   * three dependent ones (village → part → ring); [0, 0] for villages with holes or several parts.
   */
  private readonly singleRing: Uint32Array;
  /** minLng, minLat, maxLng, maxLat of village v at [4v … 4v + 3]. */
  private readonly boxes: Float64Array;
  private readonly index: Flatbush | null;

  constructor(villages: readonly VillageShape[]) {
    const sorted = [...villages].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const n = sorted.length;
    let vertices = 0;
    let rings = 0;
    let parts = 0;
    for (const v of sorted) {
      for (const part of polygonParts(v.geometry)) {
        parts++;
        for (const ring of part) {
          rings++;
          vertices += ring.length;
        }
      }
    }
    const coords = new Float64Array(vertices * 2);
    const ringStart = new Uint32Array(rings + 1);
    const partStart = new Uint32Array(parts + 1);
    this.villagePart = new Uint32Array(n + 1);
    this.boxes = new Float64Array(n * 4);
    this.singleRing = new Uint32Array(n * 2);
    this.codes = sorted.map((v) => v.code);
    let c = 0, r = 0, p = 0;
    sorted.forEach((v, i) => {
      this.villagePart[i] = p;
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const part of polygonParts(v.geometry)) {
        partStart[p++] = r;
        part.forEach((ring, k) => {
          ringStart[r++] = c;
          for (const pos of ring) {
            const x = pos[0], y = pos[1];
            coords[c++] = x;
            coords[c++] = y;
            // The box is the outer rings' (holes lie inside them).
            if (k === 0) {
              if (x < minX) minX = x;
              if (y < minY) minY = y;
              if (x > maxX) maxX = x;
              if (y > maxY) maxY = y;
            }
          }
        });
      }
      this.boxes.set([minX, minY, maxX, maxY], i * 4);
      if (p - this.villagePart[i] === 1 && r - partStart[p - 1] === 1) {
        this.singleRing[2 * i] = ringStart[r - 1];
        this.singleRing[2 * i + 1] = c;
      }
    });
    this.villagePart[n] = p;
    partStart[p] = r;
    ringStart[r] = c;
    this.packed = { coords, ringStart, partStart };
    if (n === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(n);
    for (let i = 0; i < n; i++) index.add(this.boxes[i * 4], this.boxes[i * 4 + 1], this.boxes[i * 4 + 2], this.boxes[i * 4 + 3]);
    index.finish();
    this.index = index;
  }

  private contains(v: number, x: number, y: number): boolean {
    const end = this.singleRing[2 * v + 1];
    if (end !== 0) return ringSide(this.packed.coords, this.singleRing[2 * v], end, x, y) !== 0;
    return packedContains(this.packed, this.villagePart[v], this.villagePart[v + 1], x, y);
  }

  /** The code of the village containing [lng, lat], or null outside every village (see the border rule). */
  locate(position: LngLat): string | null {
    if (!this.index) return null;
    const [x, y] = position;
    // Flatbush ids are insertion order = code order, so the smallest matching id is the rule's winner.
    const ids = this.index.search(x, y, x, y);
    if (ids.length > 1) ids.sort((a, b) => a - b);
    for (const id of ids) if (this.contains(id, x, y)) return this.codes[id];
    return null;
  }

  /** The same answer by testing every village in code order (no index): for the bench and tests. */
  locateBruteForce(position: LngLat): string | null {
    const [x, y] = position;
    const b = this.boxes;
    for (let v = 0; v < this.codes.length; v++) {
      if (x >= b[v * 4] && y >= b[v * 4 + 1] && x <= b[v * 4 + 2] && y <= b[v * 4 + 3] && this.contains(v, x, y)) return this.codes[v];
    }
    return null;
  }

  /** How many villages the locator holds. */
  get size(): number {
    return this.codes.length;
  }
}
