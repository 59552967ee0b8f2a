import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Squared distance (degrees²) from p to the segment a–b, treating lng/lat as planar (fine at village scale). */
function segmentDistanceSq(p: Position, a: Position, b: Position): number {
  let x = a[0], y = a[1];
  let dx = b[0] - x, dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Douglas–Peucker on an open polyline; keeps the first and last position. */
function simplifyLine(points: Position[], toleranceSq: number): Position[] {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let maxSq = 0, index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistanceSq(points[i], points[first], points[last]);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (index >= 0 && maxSq > toleranceSq) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** A closed ring simplified; falls back to the original when simplification would leave fewer than 4 positions. */
function simplifyRing(ring: Position[], toleranceSq: number): Position[] {
  if (ring.length <= 4) return ring;
  const out = simplifyLine(ring, toleranceSq);
  return out.length >= 4 ? out : ring;
}

/**
 * A lighter copy of a (Multi)Polygon for drawing: Douglas–Peucker on every ring with `toleranceDeg`
 * (degrees; 0.0003° ≈ 33 m in Bali), coordinates rounded to 5 decimals (≈ 1 m). Rings stay closed and
 * valid for display; never use the result for point-in-polygon (the server locates on full geometry).
 */
export function simplifyPolygon<G extends Polygon | MultiPolygon>(geometry: G, toleranceDeg: number): G {
  const tolSq = toleranceDeg * toleranceDeg;
  const round = (r: Position[]) => r.map((p) => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5]);
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => round(simplifyRing(r, tolSq))) } as G;
  }
  return { type: 'MultiPolygon', coordinates: (geometry as MultiPolygon).coordinates.map((poly) => poly.map((r) => round(simplifyRing(r, tolSq)))) } as G;
}
