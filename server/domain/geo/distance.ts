import type { LngLat } from './types.js';

/** Mean Earth radius in metres; the same value turf uses, so our distances agree with @turf/distance. */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle (haversine) distance between two [lng, lat] positions, in metres.
 * Written inline rather than through @turf/distance because the nearest-point index calls it in its
 * hot loop; tests check it against turf.
 */
export function haversineM(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}
