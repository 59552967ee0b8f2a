import { useSyncExternalStore } from 'react';

/**
 * Whether the app is working from cached data, and since when that data dates. Features do not
 * import each other, so the offline fetch helpers (web/api/offline.ts) report here and the banner reads here.
 */
export interface OfflineStatus {
  /** navigator.onLine said false, or the last API fetch failed at the network level. */
  offline: boolean;
  /** ISO instant at which the cached data set was fetched from the server, if known. */
  dataFetchedAt: string | null;
}

const KEY = 'jangkau.dataFetchedAt';
const listeners = new Set<() => void>();
let lastFetchFailed = false;
let state: OfflineStatus = { offline: false, dataFetchedAt: null };

function storedFetchedAt(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function update(): void {
  const online = typeof navigator === 'undefined' || navigator.onLine !== false;
  const next = { offline: !online || lastFetchFailed, dataFetchedAt: state.dataFetchedAt ?? storedFetchedAt() };
  if (next.offline !== state.offline || next.dataFetchedAt !== state.dataFetchedAt) {
    state = next;
    for (const l of listeners) l();
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    lastFetchFailed = false;
    update();
  });
  window.addEventListener('offline', update);
  update();
}

/** The server answered: we are online. */
export function markOnline(): void {
  lastFetchFailed = false;
  update();
}

/** A fetch failed at the network level and the answer came from the device's cache. */
export function markOffline(): void {
  lastFetchFailed = true;
  update();
}

/** Remembers when the offline data set (all points, villages, visits) was last fetched (ISO instant). */
export function setDataFetchedAt(iso: string): void {
  state = { ...state, dataFetchedAt: iso };
  try {
    localStorage.setItem(KEY, iso);
  } catch {
    // storage blocked: keep it for this session
  }
  for (const l of listeners) l();
}

/** The current offline status, re-rendering on change. */
export function useOfflineStatus(): OfflineStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
    () => state,
  );
}
