/**
 * Fetch helpers that keep working with no signal. Online they call the API as usual; when the network
 * fails they answer from the data the service worker cached on an earlier visit (web/build/pwa.ts),
 * computing distances on the phone, and flag the offline banner.
 */
import { ApiError, getJson } from './client';
import type { OptionsAnswer, PointCollection } from './types';
import type { GuideChannel, VisitCandidate } from '../../server/domain/registration/select';
import type { NearestParams } from './nearestOnDevice';
import { markOffline, markOnline, setDataFetchedAt } from '../shared/offlineStatus';

export type { NearestParams } from './nearestOnDevice';

/** Kabupaten Bangli's extent with a margin ([minLng, minLat, maxLng, maxLat]): the full set for offline use. */
const BANGLI_BBOX = '115.1,-8.7,115.6,-8.0';
/** The URL of every public point in Bangli; the service worker keeps its last answer. */
export const OFFLINE_POINTS_URL = `/api/points?bbox=${BANGLI_BBOX}`;
/** How long a primed offline data set is considered fresh, ms. */
const PRIME_EVERY_MS = 6 * 60 * 60 * 1000;
const PRIMED_KEY = 'jangkau.primedAt';

/** True for a failure to reach the server (offline, DNS, timeout) as opposed to an answer from it. */
function isNetworkFailure(e: unknown, signal?: AbortSignal): boolean {
  return !(e instanceof ApiError) && !signal?.aborted;
}

/** The cached full point set (through the service worker's cache when offline). */
async function cachedPoints(signal?: AbortSignal): Promise<PointCollection> {
  const res = await fetch(OFFLINE_POINTS_URL, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new ApiError(res.status, res.statusText);
  return (await res.json()) as PointCollection;
}

/**
 * GET /api/points/nearest, or — when the network fails — the same answer computed on the phone from
 * the cached full point set. Server errors (4xx) are thrown as ApiError, as getJson does.
 */
export async function fetchNearest(q: NearestParams, signal?: AbortSignal): Promise<PointCollection> {
  try {
    const fc = await getJson<PointCollection>('/api/points/nearest', { lat: q.lat, lng: q.lng, limit: q.limit, type: q.type, service: q.service, max_km: q.max_km }, signal);
    markOnline();
    return fc;
  } catch (e) {
    if (!isNetworkFailure(e, signal)) throw e;
    let all: PointCollection;
    try {
      all = await cachedPoints(signal);
    } catch {
      throw e; // nothing cached yet: report the original failure
    }
    markOffline();
    const { nearestOnDevice } = await import('./nearestOnDevice');
    return nearestOnDevice(all, q, new Date());
  }
}

/** A visit occurrence as GET /api/visits returns it (only the fields the fallback needs). */
interface VisitLike {
  position: [number, number] | null;
  distance_m?: number;
}

/**
 * GET /api/visits with `near=lat,lng&max_km=…`, or — when the network fails — the cached upcoming
 * visits of the whole regency filtered to `max_km` around the place on the phone, with distance_m.
 */
export async function fetchVisitsNear<V extends VisitLike>(params: Record<string, string | number | undefined> & { near: string; max_km: number }, signal?: AbortSignal): Promise<{ visits: V[] }> {
  try {
    const res = await getJson<{ visits: V[] }>('/api/visits', params, signal);
    markOnline();
    return res;
  } catch (e) {
    if (!isNetworkFailure(e, signal)) throw e;
    let all: { visits: V[] };
    try {
      all = await getJson<{ visits: V[] }>('/api/visits', { include_cancelled: 'true' }, signal);
    } catch {
      throw e;
    }
    markOffline();
    const [lat, lng] = params.near.split(',').map(Number);
    const { haversineM } = await import('../../server/domain/geo/distance');
    const visits = all.visits
      .filter((v) => v.position)
      .map((v) => ({ ...v, distance_m: Math.round(haversineM([lng, lat], v.position!)) }))
      .filter((v) => v.distance_m <= params.max_km * 1000);
    return { visits };
  }
}

/**
 * After the service worker controls the page, fetches what a worker needs with no signal — every
 * public point, the villages, the registration facts, the config and the upcoming visits — so the
 * worker's cache holds them; records when. Runs at most every few hours, and only online.
 */
export async function primeOfflineData(now: Date = new Date()): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
  try {
    const last = Number(localStorage.getItem(PRIMED_KEY) ?? 0);
    if (now.getTime() - last < PRIME_EVERY_MS) return;
  } catch {
    // storage blocked: prime anyway
  }
  const urls = [OFFLINE_POINTS_URL, '/api/villages?geometry=simplified', '/api/info/registration', '/api/config', '/api/visits?include_cancelled=true'];
  const results = await Promise.allSettled(urls.map((u) => fetch(u, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))))));
  if (results[0].status === 'fulfilled') {
    setDataFetchedAt(now.toISOString());
    try {
      localStorage.setItem(PRIMED_KEY, String(now.getTime()));
    } catch {
      // ignore
    }
  }
}

/** Resolves once a service worker controls this page (at once if one already does). */
export function whenControlled(): Promise<void> {
  return new Promise((resolve) => {
    if (!('serviceWorker' in navigator)) return;
    if (navigator.serviceWorker.controller) return resolve();
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
}

/** The query of GET /api/options. */
export interface OptionsParams {
  lat: number;
  lng: number;
  village_code?: string;
  limit?: number;
  days?: number;
  max_km?: number;
}

const OPTIONS_DEFAULTS = { limit: 10, days: 60, max_km: 25 };

/**
 * GET /api/options, or — when the network fails — the same answer computed on the phone with the same pure
 * code (server/domain/registration) from the cached points, upcoming visits and registration guide.
 */
export async function fetchOptions(q: OptionsParams, signal?: AbortSignal): Promise<OptionsAnswer> {
  try {
    const res = await getJson<OptionsAnswer>('/api/options', { ...q }, signal);
    markOnline();
    return res;
  } catch (e) {
    if (!isNetworkFailure(e, signal)) throw e;
    let cached: [PointCollection, { visits: VisitCandidate[] }, { guide: { channels?: GuideChannel[] } }];
    try {
      cached = await Promise.all([
        cachedPoints(signal),
        getJson<{ visits: VisitCandidate[] }>('/api/visits', { include_cancelled: 'true' }, signal),
        getJson<{ guide: { channels?: GuideChannel[] } }>('/api/info/registration', {}, signal),
      ]);
    } catch {
      throw e;
    }
    markOffline();
    const [points, visits, info] = cached;
    const [{ registrationOptions, onlineOptions }, { isOpenNow }] = await Promise.all([
      import('../../server/domain/registration/select'),
      import('../../server/domain/points/openNow'),
    ]);
    const now = new Date();
    const { limit, days, max_km } = { ...OPTIONS_DEFAULTS, ...q };
    const candidates = points.features.map((f) => ({
      id: f.id, name: f.properties.name, village_code: f.properties.village_code, position: f.geometry.coordinates,
      status: f.properties.status, services: f.properties.services, open_now: isOpenNow(f.properties, now),
    }));
    const known = new Set(points.features.map((f) => f.id));
    const places = registrationOptions({ from: [q.lng, q.lat], now, days, maxKm: max_km, limit }, candidates, visits.visits, (id) => known.has(id));
    return { from: { lat: q.lat, lng: q.lng, village_code: q.village_code ?? null }, options: [...places, ...onlineOptions(info.guide.channels ?? [])] };
  }
}

/**
 * GET /api/visits?village_code=… for the next 60 days, or — when the network fails — the cached upcoming visits
 * of that village's places. Drafts never reach the public list; cancelled ones are kept so nobody travels in vain.
 */
export async function fetchVillageVisits<V extends { village_code?: string | null }>(villageCode: string, signal?: AbortSignal): Promise<V[]> {
  try {
    const res = await getJson<{ visits: V[] }>('/api/visits', { village_code: villageCode, include_cancelled: 'true' }, signal);
    markOnline();
    return res.visits;
  } catch (e) {
    if (!isNetworkFailure(e, signal)) throw e;
    let all: { visits: V[] };
    try {
      all = await getJson<{ visits: V[] }>('/api/visits', { include_cancelled: 'true' }, signal);
    } catch {
      throw e;
    }
    markOffline();
    return all.visits.filter((v) => v.village_code === villageCode);
  }
}
