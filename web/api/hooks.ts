import { useQuery } from '@tanstack/react-query';
import { getJson } from './client';
import type { ClientConfig, VillageCollection } from './types';

/**
 * The 72 villages with boundaries simplified for drawing (~33 m; a quarter of the bytes of the full
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
