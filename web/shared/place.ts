import { useSyncExternalStore } from 'react';
import type { LngLat } from '../api/types';

/** The place the user chose (GPS or a village). Shared by features without importing each other. */
export interface ChosenPlace {
  position: LngLat;
  /** Village name or a label such as "Lokasi saya". */
  label: string;
  source: 'gps' | 'village';
  villageCode?: string;
}

const KEY = 'jangkau.place';
const listeners = new Set<() => void>();
let cached: ChosenPlace | null | undefined;

function read(): ChosenPlace | null {
  if (cached !== undefined) return cached;
  try {
    cached = JSON.parse(localStorage.getItem(KEY) ?? 'null') as ChosenPlace | null;
  } catch {
    cached = null;
  }
  return cached;
}

/** Sets (or clears) the chosen place and remembers it on the device for the next visit. */
export function setChosenPlace(place: ChosenPlace | null): void {
  cached = place;
  try {
    if (place) localStorage.setItem(KEY, JSON.stringify(place));
    else localStorage.removeItem(KEY);
  } catch {
    // storage full or blocked: keep it in memory only
  }
  for (const l of listeners) l();
}

/** The chosen place, re-rendering when it changes. */
export function useChosenPlace(): ChosenPlace | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
    () => null,
  );
}
