import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox, LngLat } from './types.js';
import { containsPoint, flatten, type FlatPolygon } from './pointInPolygon.js';
import { bboxContains } from './bbox.js';

/** A village boundary as the locator needs it: its code and its polygon. */
export interface VillageShape {
  code: string;
  geometry: Polygon | MultiPolygon;
}

interface Prepared {
  code: string;
  box: BBox;
  parts: FlatPolygon[];
}

function bboxOf(parts: FlatPolygon[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of parts) {
    const outer = rings[0];
    for (let i = 0; i < outer.length; i += 2) {
      if (outer[i] < box[0]) box[0] = outer[i];
      if (outer[i + 1] < box[1]) box[1] = outer[i + 1];
      if (outer[i] > box[2]) box[2] = outer[i];
      if (outer[i + 1] > box[3]) box[3] = outer[i + 1];
    }
  }
  return box;
}

/**
 * Finds which village contains a position: a Flatbush R-tree over the villages' bounding boxes picks the few
 * candidates, exact ray casting (boundary included) decides. Cost per query grows with log(villages) and the
 * vertex count of the 1–3 candidates, not with the number of villages.
 *
 * Border rule: a point inside or on the boundary of several villages (a shared edge or vertex, or where
 * upstream's simplified neighbours overlap) belongs to the one with the smallest code (code order = string order).
 */
export class VillageLocator {
  private readonly shapes: Prepared[];
  private readonly index: Flatbush | null;

  constructor(villages: readonly VillageShape[]) {
    this.shapes = [...villages]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((v) => {
        const parts = flatten(v.geometry);
        return { code: v.code, box: bboxOf(parts), parts };
      });
    if (this.shapes.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(this.shapes.length);
    for (const s of this.shapes) index.add(s.box[0], s.box[1], s.box[2], s.box[3]);
    index.finish();
    this.index = index;
  }

  /** The code of the village containing [lng, lat], or null outside every village (see the border rule). */
  locate(position: LngLat): string | null {
    if (!this.index) return null;
    const [x, y] = position;
    // Flatbush ids are insertion order = code order, so the smallest matching id is the rule's winner.
    const ids = this.index.search(x, y, x, y).sort((a, b) => a - b);
    for (const id of ids) if (containsPoint(this.shapes[id].parts, x, y)) return this.shapes[id].code;
    return null;
  }

  /** The same answer by testing every village in code order (no index): for the bench and tests. */
  locateBruteForce(position: LngLat): string | null {
    const [x, y] = position;
    for (const s of this.shapes) if (bboxContains(s.box, position) && containsPoint(s.parts, x, y)) return s.code;
    return null;
  }

  /** How many villages the locator holds. */
  get size(): number {
    return this.shapes.length;
  }
}
