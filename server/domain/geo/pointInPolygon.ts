/**
 * Exact point-in-polygon by ray casting on flat coordinate arrays, boundary included: a point on an edge or a
 * vertex counts as inside (so a point on a shared border is inside both villages, and the locator's rule
 * decides). No tolerance: "on the edge" means the cross product is exactly 0.
 */
import type { MultiPolygon, Polygon } from 'geojson';

/** A polygon as flat rings [x0, y0, x1, y1, …] (closed: last = first); ring 0 is the outer one, the rest holes. */
export type FlatPolygon = Float64Array[];

/** Converts GeoJSON to flat rings, one FlatPolygon per part. */
export function flatten(geometry: Polygon | MultiPolygon): FlatPolygon[] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.map((rings) => rings.map((ring) => Float64Array.from(ring.flatMap((p) => [p[0], p[1]]))));
}

/** 1 inside, 0 outside, -1 on the boundary of one ring (even-odd crossing count). */
function ringSide(ring: Float64Array, x: number, y: number): number {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i], yi = ring[i + 1], xj = ring[j], yj = ring[j + 1];
    // On the segment: collinear and within its box.
    if ((x - xi) * (yj - yi) === (xj - xi) * (y - yi) &&
        x >= Math.min(xi, xj) && x <= Math.max(xi, xj) && y >= Math.min(yi, yj) && y <= Math.max(yi, yj)) return -1;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : 0;
}

/** True when [x, y] lies inside or on the boundary of any part. */
export function containsPoint(parts: readonly FlatPolygon[], x: number, y: number): boolean {
  for (const rings of parts) {
    const outer = ringSide(rings[0], x, y);
    if (outer === -1) return true;
    if (outer === 0) continue;
    let inHole = false;
    for (let h = 1; h < rings.length; h++) {
      const s = ringSide(rings[h], x, y);
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
