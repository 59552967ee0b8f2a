import { haversineM } from '../geo/distance.js';
import type { LngLat } from '../geo/types.js';

/**
 * Road distance ÷ straight-line distance. Bangli's roads wind along ridges and ravines (Kintamani
 * highlands, Bangli–Kintamani road); 1.4 is the usual circuity for hilly rural networks, higher than
 * the ~1.2–1.3 of flat grids. Without a routing engine this constant is the whole road model.
 */
export const CIRCUITY_FACTOR = 1.4;

/**
 * Average door-to-door speed in km/h for an outreach team on a motorbike or small car on hill roads:
 * narrow lanes, bends, villages and trucks keep real averages near 30 km/h even where signs allow more.
 */
export const AVERAGE_SPEED_KMH = 30;

/**
 * Minutes added to every leg for arriving: parking, finding the banjar hall or office, greeting.
 * Added per leg (not per kilometre), so it does not change which order is shortest.
 */
export const STOP_OVERHEAD_MIN = 10;

/** One estimated leg. Distances in metres, duration in minutes; values are unrounded. */
export interface LegEstimate {
  /** Great-circle distance between the two positions, metres. */
  distanceM: number;
  /** Estimated road distance: distanceM × CIRCUITY_FACTOR, metres. */
  roadDistanceM: number;
  /** Estimated travel time: roadDistanceM at AVERAGE_SPEED_KMH, plus STOP_OVERHEAD_MIN, minutes. */
  durationMin: number;
}

/** Estimate a leg from `from` to `to` ([lng, lat]): straight-line metres, road metres and minutes. */
export function estimateLeg(from: LngLat, to: LngLat): LegEstimate {
  const distanceM = haversineM(from, to);
  const roadDistanceM = distanceM * CIRCUITY_FACTOR;
  const durationMin = (roadDistanceM / 1000 / AVERAGE_SPEED_KMH) * 60 + STOP_OVERHEAD_MIN;
  return { distanceM, roadDistanceM, durationMin };
}
