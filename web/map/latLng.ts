import type { LngLat } from '../api/types';

/**
 * GeoJSON [lng, lat] → Leaflet [lat, lng]. The ONLY place in the web app where coordinate order flips;
 * everything else stays [lng, lat].
 */
export function toLatLng(p: LngLat): [number, number] {
  return [p[1], p[0]];
}

/** Leaflet {lat, lng} → GeoJSON [lng, lat]. */
export function fromLatLng(ll: { lat: number; lng: number }): LngLat {
  return [ll.lng, ll.lat];
}

/** Kabupaten Bangli's extent as Leaflet bounds [[south, west], [north, east]]. */
export const BANGLI_BOUNDS: [[number, number], [number, number]] = [toLatLng([115.2323, -8.5254]), toLatLng([115.459, -8.1448])];
