/**
 * Fetch helpers that keep working with no signal. Online they call the API as usual; when the network
 * fails they answer from the data the service worker cached on an earlier visit (web/build/pwa.ts),
 * computing distances on the phone, and flag the offline banner.
 */
import { ApiError, getJson } from './client';
import type { OfflinePack, OptionsAnswer, PointCollection, Visit } from './types';
import type { GuideChannel, VisitCandidate } from '../../server/domain/registration/select';
import type { NearestParams } from './nearestOnDevice';
import { markOffline, markOnline, setDataFetchedAt } from '../shared/offlineStatus';

export type { NearestParams } from './nearestOnDevice';

/** The current offline pack per served kabupaten (GET /api/packs); the service worker keeps the last answer. */
export const PACKS_URL = '/api/packs';
/** After this long without an answer the nearest list comes from the offline pack (weak signal), ms. */
const WEAK_SIGNAL_MS = 8000;
/** How long a primed offline data set is considered fresh, ms. */
const PRIME_EVERY_MS = 6 * 60 * 60 * 1000;
const PRIMED_KEY = 'jangkau.primedAt';
/** The kabupaten whose pack this phone keeps: where the worker last searched. */
const REGION_KEY = 'jangkau.packRegion';

/** What the phone keeps of a GET /api/packs entry. */
type PackEntry = Pick<OfflinePack, 'code' | 'url' | 'bbox'>;

/** True for a failure to reach the server (offline, DNS, timeout) as opposed to an answer from it. */
function isNetworkFailure(e: unknown, signal?: AbortSignal): boolean {
  return !(e instanceof ApiError) && !signal?.aborted;
}

async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new ApiError(res.status, res.statusText);
  return (await res.json()) as T;
}

function storedRegion(): string | null {
  try {
    return localStorage.getItem(REGION_KEY);
  } catch {
    return null;
  }
}

/** The pack for a place: the kabupaten whose box holds it, else the one kept, else the first. */
function packFor(packs: PackEntry[], at?: [number, number]): PackEntry | undefined {
  const inBox = at && packs.find((p) => at[0] >= p.bbox[0] && at[0] <= p.bbox[2] && at[1] >= p.bbox[1] && at[1] <= p.bbox[3]);
  return inBox || packs.find((p) => p.code === storedRegion()) || packs[0];
}

/** Remembers the kabupaten of a place the worker searched online, so the next priming keeps its pack. */
let packListOnce: Promise<{ packs: PackEntry[] }> | null = null;

async function rememberRegion(at: [number, number]): Promise<void> {
  try {
    // Once per page load: the list only matters for which kabupaten a place is in.
    packListOnce ??= fetchJson<{ packs: PackEntry[] }>(PACKS_URL);
    const { packs } = await packListOnce;
    const pack = packFor(packs, at);
    if (pack && pack.code !== storedRegion()) localStorage.setItem(REGION_KEY, pack.code);
  } catch {
    // best effort: the first pack is kept otherwise
  }
}

/** A response the service worker cached earlier (Cache Storage), never the network: the fallback must not wait on it. */
async function fromCache<T>(url: string): Promise<T> {
  if (typeof caches === 'undefined') throw new Error('no Cache Storage');
  const res = await caches.match(url);
  if (!res) throw new Error(`${url} is not cached`);
  return (await res.json()) as T;
}

/** The active points of the cached pack for a place, from what the service worker kept on an earlier visit. */
async function cachedPackPoints(at: [number, number]): Promise<PointCollection> {
  const { packs } = await fromCache<{ packs: PackEntry[] }>(PACKS_URL);
  const pack = packFor(packs, at);
  if (!pack) throw new Error('no pack');
  return (await fromCache<{ points: PointCollection }>(pack.url)).points;
}

/**
 * GET /api/points/nearest, or — when the network fails — the same answer computed on the phone from
 * the active points of the cached offline pack of the kabupaten (GET /api/packs). Server errors (4xx) are thrown as ApiError, as getJson does.
 */
export async function fetchNearest(q: NearestParams, signal?: AbortSignal): Promise<PointCollection> {
  // Our own deadline, beside the caller's signal: a request still unanswered after this long is weak signal.
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, WEAK_SIGNAL_MS);
  const onAbort = () => deadline.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const fc = await getJson<PointCollection>('/api/points/nearest', { lat: q.lat, lng: q.lng, limit: q.limit, type: q.type, service: q.service, max_km: q.max_km }, deadline.signal);
    markOnline();
    void rememberRegion([q.lng, q.lat]);
    return fc;
  } catch (e) {
    if (!timedOut && !isNetworkFailure(e, signal)) throw e;
    // The pack answers when the phone says it is offline, or the server did not answer in time. A quick failure
    // while the phone says it is online is reported (with "Coba lagi"): the server may be reachable on retry.
    if (!timedOut && !(typeof navigator !== 'undefined' && navigator.onLine === false)) throw e;
    let all: PointCollection;
    try {
      all = await cachedPackPoints([q.lng, q.lat]);
    } catch {
      throw e; // nothing cached yet: report the original failure
    }
    markOffline();
    const { nearestOnDevice } = await import('./nearestOnDevice');
    return nearestOnDevice(all, q, new Date());
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A visit occurrence as GET /api/visits returns it (only the fields the fallback needs). */
type VisitLike = Pick<Visit, 'position' | 'distance_m'>;

/**
 * GET /api/visits with `near=lat,lng&max_km=…`, or — when the network fails — the cached upcoming
 * visits of the whole regency filtered to `max_km` around the place on the phone, with distance_m.
 */
export async function fetchVisitsNear<V extends VisitLike>(params: Record<string, string | number | undefined> & { near: string; max_km: number }, signal?: AbortSignal): Promise<{ visits: V[] }> {
  const visits = await visitsOrCached<V>(params, signal, async (all) => {
    const [lat, lng] = params.near.split(',').map(Number);
    const { haversineM } = await import('../../server/domain/geo/distance');
    return all
      .filter((v) => v.position)
      .map((v) => ({ ...v, distance_m: Math.round(haversineM([lng, lat], v.position!)) }))
      .filter((v) => v.distance_m <= params.max_km * 1000);
  });
  return { visits };
}

/**
 * GET /api/visits with `params`; when the network fails, every cached visit (the service worker keeps the public
 * list) narrowed on the phone by `narrow`. A failure of that second read throws the first error.
 */
async function visitsOrCached<V>(params: Record<string, string | number | undefined>, signal: AbortSignal | undefined, narrow: (all: V[]) => V[] | Promise<V[]>): Promise<V[]> {
  try {
    const res = await getJson<{ visits: V[] }>('/api/visits', params, signal);
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
    return narrow(all.visits);
  }
}

/**
 * After the service worker controls the page, fetches what a worker needs with no signal — the offline pack of
 * their kabupaten (villages, active points, visits), the villages for the picker, the registration facts, the
 * config and the upcoming visits — so the worker's caches hold them; records when. Runs at most every few
 * hours, and only online.
 */
export async function primeOfflineData(now: Date = new Date()): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
  try {
    const last = Number(localStorage.getItem(PRIMED_KEY) ?? 0);
    if (now.getTime() - last < PRIME_EVERY_MS) return;
  } catch {
    // storage blocked: prime anyway
  }
  const get = (u: string) => fetch(u, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))));
  const pack = fetchJson<{ packs: PackEntry[] }>(PACKS_URL).then(({ packs }) => {
    const p = packFor(packs);
    return p ? get(p.url) : Promise.reject(new Error('no pack'));
  });
  const others = ['/api/villages?geometry=simplified', '/api/info/registration', '/api/config', '/api/visits?include_cancelled=true'].map(get);
  const [packResult] = await Promise.allSettled([pack, ...others]);
  if (packResult.status === 'fulfilled') {
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
        cachedPackPoints([q.lng, q.lat]),
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
  return visitsOrCached<V>({ village_code: villageCode, include_cancelled: 'true' }, signal, (all) => all.filter((v) => v.village_code === villageCode));
}
