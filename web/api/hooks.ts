import { useQuery } from '@tanstack/react-query';
import { getJson } from './client';
import type { ClientConfig, RegionSummary, VillageCollection } from './types';

/**
 * The served villages (Bangli's 72 by default) with boundaries simplified for drawing (~33 m; a quarter of the bytes of the full
 * file, which matters on weak signal). They change only with a new data release, so keep them for a day.
 */
export function useVillages() {
  return useQuery({
    queryKey: ['villages'],
    queryFn: ({ signal }) => getJson<VillageCollection>('/api/villages', { geometry: 'simplified' }, signal),
    staleTime: 24 * 60 * 60 * 1000,
  });
}

/** Deployment settings (optional tile layer). */
export function useClientConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: ({ signal }) => getJson<ClientConfig>('/api/config', {}, signal),
    staleTime: 60 * 60 * 1000,
  });
}

/** The kabupaten/kota this deployment serves (JANGKAU_REGIONS), with bounding boxes and counts. */
export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => getJson<{ regions: RegionSummary[] }>('/api/regions', {}, signal).then((r) => r.regions),
    staleTime: 24 * 60 * 60 * 1000,
  });
}

/** The box around all served regions, [minLng, minLat, maxLng, maxLat], or null before they load. */
export function regionsBbox(regions: readonly RegionSummary[] | undefined): [number, number, number, number] | null {
  if (!regions?.length) return null;
  return [
    Math.min(...regions.map((r) => r.bbox[0])), Math.min(...regions.map((r) => r.bbox[1])),
    Math.max(...regions.map((r) => r.bbox[2])), Math.max(...regions.map((r) => r.bbox[3])),
  ];
}
