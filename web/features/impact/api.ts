/** React Query hooks for the impact page (planner or admin). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, getJson, sendJson } from '../../api/client';
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

/** GET /api/visits/:id/outcome; null when none is recorded yet (404). */
export function useOutcome(visitId: string | null) {
  return useQuery({
    queryKey: ['outcome', visitId],
    enabled: visitId !== null,
    queryFn: async ({ signal }) => {
      try {
        return await getJson<Outcome>(`/api/visits/${encodeURIComponent(visitId!)}/outcome`, {}, signal);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    staleTime: 0,
  });
}

/** POST /api/visits/:id/outcome; refreshes the impact numbers on success. */
export function useRecordOutcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, body }: { visitId: string; body: OutcomeInput }) =>
      sendJson<Outcome>('POST', `/api/visits/${encodeURIComponent(visitId)}/outcome`, body),
    onSuccess: (saved, { visitId }) => {
      qc.setQueryData(['outcome', visitId], saved);
      void qc.invalidateQueries({ queryKey: ['impact'] });
    },
  });
}
