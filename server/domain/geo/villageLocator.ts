import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BBox, LngLat } from './types.js';
import { bboxContains } from './bbox.js';

/** A village boundary as the locator needs it: its code and its polygon. */
export interface VillageShape {
  code: string;
  geometry: Polygon | MultiPolygon;
}

interface Prepared {
  code: string;
  box: BBox;
  feature: Feature<Polygon | MultiPolygon>;
}

function bboxOf(geometry: Polygon | MultiPolygon): BBox {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

/**
 * Finds which village contains a position (point-in-polygon with a bounding-box prefilter).
 * Built once from the boundaries; villages do not change at run time.
 */
export class VillageLocator {
  private readonly shapes: Prepared[];

  constructor(villages: readonly VillageShape[]) {
    this.shapes = villages.map((v) => ({
      code: v.code,
      box: bboxOf(v.geometry),
      feature: { type: 'Feature', properties: {}, geometry: v.geometry },
    }));
  }

  /** The code of the village containing [lng, lat], or null outside every village. */
  locate(position: LngLat): string | null {
    for (const s of this.shapes) {
      if (bboxContains(s.box, position) && booleanPointInPolygon(position, s.feature)) return s.code;
    }
    return null;
  }
}
