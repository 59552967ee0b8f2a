/** React Query hooks for the coverage page. */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../api/client';
import { addDaysIso, witaHhmm, witaIso, witaToday } from '../../shared/wita';
import type { Coverage, DraftPlan, MarketDays, SuggestedSite, Suggestion } from './types';
import type { SavedVisit } from '../../api/types';

/** Draft visits start at 09:00 and end at 12:00 WITA (a morning market session). */
export const DRAFT_START = '09:00';
export const DRAFT_END = '12:00';

/** GET /api/coverage for a radius (km) and a visit window (days). */
export function useCoverage(radiusKm: number, days: number, region = '') {
  return useQuery({
    queryKey: ['coverage', radiusKm, days, region],
    queryFn: ({ signal }) => getJson<Coverage>('/api/coverage', { radius_km: radiusKm, days, region: region || undefined }, signal),
    staleTime: 60_000,
  });
}

/** GET /api/coverage/suggest; disabled until the planner asks (params null). */
export function useSuggestion(params: { k: number; radiusKm: number; days: number; region?: string } | null) {
  return useQuery({
    queryKey: ['coverage', 'suggest', params],
    enabled: params !== null,
    queryFn: ({ signal }) => getJson<Suggestion>('/api/coverage/suggest', { k: params!.k, radius_km: params!.radiusKm, days: params!.days, region: params!.region || undefined }, signal),
    staleTime: 60_000,
  });
}

/** The first date whose 09:00 WITA start is still ahead at `now`: today before 09:00, otherwise tomorrow. */
export function firstPlannableDate(now: Date = new Date()): string {
  const today = witaToday(now);
  return witaHhmm(now.toISOString()) < DRAFT_START ? today : addDaysIso(today, 1);
}

/** The first Monday–Friday on or after `date` (village offices and halls are staffed on weekdays). */
export function nextWeekday(date: string): string {
  let d = date;
  for (;;) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow >= 1 && dow <= 5) return d;
    d = addDaysIso(d, 1);
  }
}

/**
 * The date each suggested venue would be visited: its next market day (from GET /api/points/:id/market-days,
 * from the first date whose 09:00 start is still ahead), or the next weekday when it has no market days.
 */
export function useDraftPlans(sites: SuggestedSite[]): { plans: DraftPlan[] | null; error: Error | null } {
  const from = firstPlannableDate();
  const results = useQueries({
    queries: sites.map((site) => ({
      queryKey: ['coverage', 'market-days', site.point_id, from],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getJson<MarketDays>(`/api/points/${site.point_id}/market-days`, { from, to: addDaysIso(from, 59) }, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const error = results.find((r) => r.error)?.error ?? null;
  if (results.some((r) => !r.data)) return { plans: null, error };
  const plans = sites.map((site, i): DraftPlan => {
    const md = results[i].data!;
    return md.dates.length > 0
      ? { site, date: md.dates[0], reason: 'market', marketNames: md.names }
      : { site, date: nextWeekday(from), reason: 'weekday', marketNames: [] };
  });
  return { plans, error };
}

/** One created draft visit (POST /api/visits answer, trimmed). */
export interface CreatedDraft {
  id: string;
  plan: DraftPlan;
  warnings: number;
}

/** Creates one DRAFT visit per plan (status 'draft', 09:00–12:00 WITA); drafts stay invisible to workers. */
export function useCreateDrafts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ plans, title }: { plans: DraftPlan[]; title: string }): Promise<CreatedDraft[]> => {
      const created: CreatedDraft[] = [];
      // One after another, so a failure leaves a clear list of what was created before it.
      for (const plan of plans) {
        const res = await sendJson<SavedVisit>('POST', '/api/visits', {
          point_id: plan.site.point_id,
          title,
          activities: ['sosialisasi', 'pendaftaran'],
          starts_at: witaIso(plan.date, DRAFT_START),
          ends_at: witaIso(plan.date, DRAFT_END),
          status: 'draft',
        });
        created.push({ id: res.id, plan, warnings: res.warnings.length });
      }
      return created;
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['visits'] });
    },
  });
}
