/**
 * Exact point-in-polygon by ray casting on flat coordinate arrays, boundary included: a point on an edge or a
 * vertex counts as inside (so a point on a shared border is inside both villages, and the locator's rule
 * decides). No tolerance: "on the edge" means the cross product is exactly 0.
 */
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * Many polygons packed in a few typed arrays (no heap object per ring or vertex, so a query touches a handful of
 * cache lines): `coords` holds every ring's positions interleaved [x0, y0, x1, y1, …] (closed: last = first);
 * ring r spans coords[ringStart[r] … ringStart[r + 1]); polygon part p has rings partStart[p] … partStart[p + 1] − 1,
 * the first one outer, the rest holes.
 */
export interface PackedPolygons {
  coords: Float64Array;
  ringStart: Uint32Array;
  partStart: Uint32Array;
}

/** The parts (outer ring + holes) of a GeoJSON Polygon or MultiPolygon. */
export function polygonParts(geometry: Polygon | MultiPolygon): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** 1 inside, 0 outside, -1 on the boundary of the ring coords[start … end) (even-odd crossing count). */
export function ringSide(c: Float64Array, start: number, end: number, x: number, y: number): number {
  let inside = false;
  for (let i = start, j = end - 2; i < end; j = i, i += 2) {
    const xi = c[i], yi = c[i + 1], xj = c[j], yj = c[j + 1];
    // On the segment: collinear and within its box.
    if ((x - xi) * (yj - yi) === (xj - xi) * (y - yi) &&
        x >= Math.min(xi, xj) && x <= Math.max(xi, xj) && y >= Math.min(yi, yj) && y <= Math.max(yi, yj)) return -1;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : 0;
}

/** True when [x, y] lies inside or on the boundary of any of the parts firstPart … endPart − 1 of `p`. */
export function packedContains(p: PackedPolygons, firstPart: number, endPart: number, x: number, y: number): boolean {
  const { coords, ringStart, partStart } = p;
  for (let part = firstPart; part < endPart; part++) {
    const r0 = partStart[part], r1 = partStart[part + 1];
    const outer = ringSide(coords, ringStart[r0], ringStart[r0 + 1], x, y);
    if (outer === -1) return true;
    if (outer === 0) continue;
    let inHole = false;
    for (let h = r0 + 1; h < r1; h++) {
      const s = ringSide(coords, ringStart[h], ringStart[h + 1], x, y);
      if (s === -1) return true;
      if (s === 1) {
        inHole = true;
        break;
      }
    }
    if (!inHole) return true;
  }
  return false;
}
