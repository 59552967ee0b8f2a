import { useQuery } from '@tanstack/react-query';
import { fetchVisitsNear } from '../../api/offline';
import type { LngLat } from '../../api/types';
import { addDaysIso, witaToday } from '../../shared/wita';
import type { Visit } from '../../api/types';

/** How far ahead the worker section looks, days. */
export const HORIZON_DAYS = 60;
/** How far a visit may be from the chosen place to count as near, km (Bangli is about 40 km end to end). */
export const NEAR_KM = 20;

/** Visits near `position` from today (WITA) for HORIZON_DAYS days, soonest first; cancelled ones included so nobody travels in vain. */
export function useNextVisits(position: LngLat | null) {
  return useQuery({
    queryKey: ['visits', 'near', position?.[0], position?.[1]],
    enabled: position !== null,
    queryFn: async ({ signal }) => {
      const from = witaToday();
      // fetchVisitsNear: the API online; offline, the cached upcoming visits filtered around the place on the phone.
      const res = await fetchVisitsNear<Visit>(
        { near: `${position![1]},${position![0]}`, max_km: NEAR_KM, from, to: addDaysIso(from, HORIZON_DAYS), include_cancelled: 'true' },
        signal,
      );
      const now = Date.now();
      return res.visits
        .filter((v) => v.status !== 'draft' && new Date(v.ends_at).getTime() > now)
        .sort((a, b) => a.starts_at.localeCompare(b.starts_at) || (a.distance_m ?? 0) - (b.distance_m ?? 0));
    },
    staleTime: 5 * 60 * 1000,
  });
}

/** The per-visit iCalendar link. */
/** The printable A4 poster of one visit occurrence (PDF, for the banjar notice board). */
export function posterHref(id: string): string {
  return `/api/visits/${id}/poster.pdf`;
}

export function icsHref(id: string): string {
  // Ids are v7, s12 or s12:2026-12-03: safe in a path as they are.
  return `/api/visits/${id}.ics`;
}
