import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, getJson } from '../../api/client';
import { fetchNearest, fetchOptions } from '../../api/offline';
import type { LngLat, PointCollection, PointProps, VillageFeature } from '../../api/types';
import type { RegistrationInfo } from './registrationTypes';

/** What the worker filters the nearest list by; empty means "any". */
export interface FinderFilters {
  type: PointProps['type'] | '';
  service: PointProps['services'][number] | '';
}

/** The nearest points to `position` ([lng, lat]); idle until a position is chosen. */
export function useNearest(position: LngLat | null, filters: FinderFilters, limit: number) {
  return useQuery({
    queryKey: ['points', 'nearest', position, filters, limit],
    enabled: position !== null,
    placeholderData: keepPreviousData,
    // fetchNearest: the API online; offline, the same answer computed on the phone from cached points.
    queryFn: ({ signal }) =>
      fetchNearest({ lat: position![1], lng: position![0], limit, type: filters.type || undefined, service: filters.service || undefined }, signal),
  });
}

/** The village containing a GPS position, or null outside Bangli (the API answers 404 there). */
export function useLocatedVillage(position: LngLat | null) {
  return useQuery({
    queryKey: ['villages', 'locate', position],
    enabled: position !== null,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      try {
        return await getJson<VillageFeature>('/api/villages/locate', { lat: position![1], lng: position![0] }, signal);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
}

/** Facts for the "Cara mendaftar" panel, served from the data files. */
export function useRegistrationInfo() {
  return useQuery({
    queryKey: ['info', 'registration'],
    staleTime: 60 * 60 * 1000,
    queryFn: ({ signal }) => getJson<RegistrationInfo>('/api/info/registration', {}, signal),
  });
}

/** How far and how long ahead the answer to "where can I register?" looks (the API's defaults). */
export const OPTIONS_MAX_KM = 25;
export const OPTIONS_DAYS = 60;

/** GET /api/options for `position` (online, or computed on the phone from cached data when offline). */
export function useOptions(position: LngLat | null, villageCode: string | undefined) {
  return useQuery({
    queryKey: ['options', position, villageCode],
    enabled: position !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      fetchOptions({ lat: position![1], lng: position![0], village_code: villageCode, days: OPTIONS_DAYS, max_km: OPTIONS_MAX_KM }, signal),
  });
}
