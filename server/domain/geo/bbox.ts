import type { BBox, LngLat } from './types.js';
import { EARTH_RADIUS_M } from './distance.js';

const RAD = Math.PI / 180;

/**
 * A box that surely contains every point within `radiusM` metres of `center`.
 * Uses the same Earth radius as haversineM plus a small margin, so points exactly at the radius are
 * never cut off by the prefilter. Near the poles the box widens to all longitudes.
 */
export function bboxAround(center: LngLat, radiusM: number): BBox {
  const margin = 1.0001;
  const dLat = (radiusM * margin / EARTH_RADIUS_M) / RAD;
  const cosLat = Math.cos(center[1] * RAD);
  const dLng = cosLat < 1e-6 ? 180 : Math.min(180, dLat / cosLat);
  return [
    Math.max(-180, center[0] - dLng),
    Math.max(-90, center[1] - dLat),
    Math.min(180, center[0] + dLng),
    Math.min(90, center[1] + dLat),
  ];
}

/** True when the [lng, lat] position lies inside the box (edges included). */
export function bboxContains(box: BBox, p: LngLat): boolean {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}
