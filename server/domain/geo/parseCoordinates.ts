/**
 * Reads a position typed or pasted by staff: "-8.4512, 115.3541" (decimal commas such as "-8,4512 115,3541" are
 * refused as ambiguous), and the share links of common map apps: https://maps.google.com/?q=-8.4512,115.3541, geo:-8.4512,115.3541,
 * Google Maps ".../@-8.4512,115.3541,17z", "?ll=" / "query=" / "mlat=…&mlon=…" (OpenStreetMap). Latitude comes first
 * in all of these, as phones show it. Returns [lng, lat] (GeoJSON order), or null when nothing valid is found.
 * Pure; shared by the staff form and tests.
 */
import type { LngLat } from './types.js';

const NUM = String.raw`[-+]?\d{1,3}(?:\.\d+)?`;
/** "lat,lng" or "lat, lng" or "lat lng" as the whole text. */
const PLAIN = new RegExp(String.raw`^\s*(${NUM})\s*[,;\s]\s*(${NUM})\s*$`);
/** geo:lat,lng[,alt][;u=…][?q=…] (RFC 5870). */
const GEO_URI = new RegExp(String.raw`^\s*geo:(${NUM}),(${NUM})`, 'i');
/** Google Maps place URLs: …/@lat,lng,17z */
const AT = new RegExp(String.raw`@(${NUM}),(${NUM})(?:,|$|/|\?)`);
/** A query parameter holding "lat,lng" (q, query, ll, center, destination, daddr). */
const PAIR_PARAMS = ['q', 'query', 'll', 'center', 'destination', 'daddr', 'sll'];
/** Texts longer than this are not a position (a whole message pasted by mistake). */
const MAX_LENGTH = 2000;

function valid(lat: number, lng: number): LngLat | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return [lng, lat];
}

function pair(text: string | null | undefined): LngLat | null {
  if (!text) return null;
  const m = PLAIN.exec(text.replace(/^loc:/i, ''));
  return m ? valid(Number(m[1]), Number(m[2])) : null;
}

/** [lng, lat] from typed coordinates or a map app's share link; null when the text holds no valid position. */
export function parseCoordinates(input: string): LngLat | null {
  const text = input.trim();
  if (!text || text.length > MAX_LENGTH) return null;
  const plain = pair(text);
  if (plain) return plain;
  const geo = GEO_URI.exec(text);
  if (geo) return valid(Number(geo[1]), Number(geo[2]));
  // A link may sit inside a shared message ("Lihat lokasi: https://…"): take the first URL.
  const urlText = /https?:\/\/\S+/i.exec(text)?.[0];
  if (!urlText) return null;
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return null;
  }
  for (const key of PAIR_PARAMS) {
    const p = pair(url.searchParams.get(key));
    if (p) return p;
  }
  const mlat = url.searchParams.get('mlat');
  const mlon = url.searchParams.get('mlon');
  if (mlat && mlon && new RegExp(`^${NUM}$`).test(mlat) && new RegExp(`^${NUM}$`).test(mlon)) return valid(Number(mlat), Number(mlon));
  const at = AT.exec(decodeURIComponent(url.pathname) + url.search);
  if (at) return valid(Number(at[1]), Number(at[2]));
  // OpenStreetMap: #map=17/-8.4512/115.3541
  const osm = new RegExp(String.raw`map=\d{1,2}/(${NUM})/(${NUM})`).exec(url.hash);
  if (osm) return valid(Number(osm[1]), Number(osm[2]));
  return null;
}
