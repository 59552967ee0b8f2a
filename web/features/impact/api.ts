/** React Query hooks for the impact page (planner or admin). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, getJson, getJsonWithEtag, sendJsonWithEtag, type Versioned } from '../../api/client';
import type { Impact, Outcome, OutcomeInput, PastVisit } from './types';

export interface ImpactFilter {
  from: string;
  to: string;
  districtCode: string;
}

/** Query string for /api/impact and /api/impact.csv (empty district = all kecamatan). */
export function impactParams(f: ImpactFilter): Record<string, string> {
  return { from: f.from, to: f.to, ...(f.districtCode ? { district_code: f.districtCode } : {}) };
}

/** GET /api/impact. */
export function useImpact(f: ImpactFilter) {
  return useQuery({
    queryKey: ['impact', f],
    queryFn: ({ signal }) => getJson<Impact>('/api/impact', impactParams(f), signal),
    staleTime: 30_000,
  });
}

/** Visits from..to (WITA dates) that took place: scheduled and already started at `now`, newest first. */
export function usePastVisits(from: string, to: string) {
  return useQuery({
    queryKey: ['visits', 'impact-past', from, to],
    queryFn: async ({ signal }) => {
      const { visits } = await getJson<{ visits: PastVisit[] }>('/api/visits', { from, to, limit: 2000 }, signal);
      const now = Date.now();
      return visits.filter((v) => v.status === 'scheduled' && Date.parse(v.starts_at) <= now).reverse();
    },
    staleTime: 30_000,
  });
}

/** The outcome recorded for a visit now, with its ETag; data null (and no ETag) when none is recorded yet (404). */
export async function fetchOutcome(visitId: string, signal?: AbortSignal): Promise<Versioned<Outcome | null>> {
  try {
    return await getJsonWithEtag<Outcome>(`/api/visits/${encodeURIComponent(visitId)}/outcome`, signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { data: null, etag: null };
    throw e;
  }
}

/** GET /api/visits/:id/outcome with its ETag. */
export function useOutcome(visitId: string | null) {
  return useQuery({
    queryKey: ['outcome', visitId],
    enabled: visitId !== null,
    queryFn: ({ signal }) => fetchOutcome(visitId!, signal),
    staleTime: 0,
  });
}

/**
 * POST /api/visits/:id/outcome over the version the form loaded: If-Match with its ETag, or If-None-Match: *
 * when none was recorded, so two planners never silently overwrite each other's counts (412 instead).
 */
export function useRecordOutcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, body, etag }: { visitId: string; body: OutcomeInput; etag: string | null }) =>
      sendJsonWithEtag<Outcome>('POST', `/api/visits/${encodeURIComponent(visitId)}/outcome`, body, etag ? { 'If-Match': etag } : { 'If-None-Match': '*' }),
    onSuccess: (saved, { visitId }) => {
      qc.setQueryData(['outcome', visitId], saved);
      void qc.invalidateQueries({ queryKey: ['impact'] });
    },
  });
}
