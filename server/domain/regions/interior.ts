/**
 * An interior point per village, for pins, the picker and coverage (the upstream centroid can fall outside a
 * concave village). Same method as the interior points shipped for Bangli since the start, so re-importing
 * reproduces them (to < 0.1 m; they were stored rounded to 6 decimals): on a 40 × 40 grid over the bounding box
 * (41 × 41 nodes, edges included), the node inside the polygon farthest from every edge, distances measured
 * planar in degrees. When no node falls inside (a very thin sliver), polylabel's pole of inaccessibility is used.
 *
 * Why not polylabel for all: for elongated villages many far-apart spots are almost equally far from the edge,
 * so polylabel lands up to 1.4 km from the point Bangli's village offices were seeded at (median 41 m), for a
 * clearance gain of a few percent. Keeping the grid keeps every existing pin where it is.
 */
import polylabel from 'polylabel';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LngLat } from '../geo/types.js';
import { bboxOf } from './parseBoundaries.js';

/** Grid cells per side (today's Bangli points were computed with 40). */
export const INTERIOR_GRID = 40;

/** Ray casting (even-odd) for one ring. */
function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygons(x: number, y: number, polygons: Position[][][]): boolean {
  return polygons.some((p) => inRing(x, y, p[0]) && !p.slice(1).some((h) => inRing(x, y, h)));
}

/** Squared planar distance (degrees²) from (x, y) to the nearest edge. */
function edgeDistance2(x: number, y: number, polygons: Position[][][], atMost: number): number {
  let best = Infinity;
  for (const p of polygons) {
    for (const ring of p) {
      for (let i = 1; i < ring.length; i++) {
        const ax = ring[i - 1][0], ay = ring[i - 1][1];
        const dx = ring[i][0] - ax, dy = ring[i][1] - ay;
        const len2 = dx * dx + dy * dy;
        let t = len2 === 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const qx = ax + t * dx - x, qy = ay + t * dy - y;
        const d = qx * qx + qy * qy;
        if (d < best) {
          best = d;
          // This node is already worse than the best so far: stop measuring it.
          if (best <= atMost) return best;
        }
      }
    }
  }
  return best;
}

/** A point inside the village, [lng, lat] (see the file comment for the method). */
export function interiorPoint(geometry: Polygon | MultiPolygon, grid = INTERIOR_GRID): LngLat {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const [minX, minY, maxX, maxY] = bboxOf(geometry);
  let best: { x: number; y: number; d: number } | null = null;
  for (let i = 0; i <= grid; i++) {
    const x = minX + ((maxX - minX) * i) / grid;
    for (let j = 0; j <= grid; j++) {
      const y = minY + ((maxY - minY) * j) / grid;
      if (!inPolygons(x, y, polygons)) continue;
      const d = edgeDistance2(x, y, polygons, best ? best.d : -1);
      if (!best || d > best.d) best = { x, y, d };
    }
  }
  if (best) return [best.x, best.y];
  let fallback: { p: LngLat; d: number } | null = null;
  for (const p of polygons) {
    const q = polylabel(p as [number, number][][], 1e-7);
    if (!fallback || q.distance > fallback.d) fallback = { p: [q[0], q[1]], d: q.distance };
  }
  return fallback!.p;
}
