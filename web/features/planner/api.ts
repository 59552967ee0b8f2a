/** React Query hooks for the planner. Every write refreshes the visit lists (and the worker section). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, getJsonWithEtag, ifMatch, sendJson, type Versioned } from '../../api/client';
import { regionsBbox, useRegions } from '../../api/hooks';
import type { PointCollection } from '../../api/types';
import type { SavedVisit, Visit, VisitRecord } from '../../api/types';
import type { DayPlan, VisitBody, VisitPatchBody } from './types';

/** Bangli's extent (west,south,east,north) with a margin, until the served regions are known. */
const BANGLI_BBOX = '115.20,-8.56,115.50,-8.11';
/** Margin around the served regions' box, degrees (~5 km): points just over a border still count. */
const MARGIN_DEG = 0.05;

/** Every active service point in the served regions (their combined box from GET /api/regions; one page of up to 5000, the API's largest). */
export function useAllPoints() {
  const box = regionsBbox(useRegions().data);
  const bbox = box ? [box[0] - MARGIN_DEG, box[1] - MARGIN_DEG, box[2] + MARGIN_DEG, box[3] + MARGIN_DEG].map((n) => n.toFixed(4)).join(',') : BANGLI_BBOX;
  return useQuery({
    queryKey: ['planner', 'points', bbox],
    queryFn: ({ signal }) => getJson<PointCollection>('/api/points', { bbox, limit: 5000 }, signal),
    staleTime: 5 * 60 * 1000,
  });
}

/** Visit occurrences whose WITA date is in from..to (inclusive), optionally at one point. */
export function useVisits(from: string, to: string, pointId?: number) {
  return useQuery({
    queryKey: ['visits', 'range', from, to, pointId ?? null],
    queryFn: ({ signal }) => getJson<{ visits: Visit[] }>('/api/visits', { from, to, point_id: pointId, include_cancelled: 'true', limit: 2000 }, signal).then((r) => r.visits),
    staleTime: 15_000,
  });
}

function useInvalidateVisits() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['visits'] });
    void qc.invalidateQueries({ queryKey: ['planner', 'day'] });
  };
}

/** One visit, series or occurrence as stored now, with its ETag (what the edit form loads and writes over). */
export function fetchVisitRecord(id: string, signal?: AbortSignal): Promise<Versioned<VisitRecord>> {
  return getJsonWithEtag<VisitRecord>(`/api/visits/${encodeURIComponent(id)}`, signal);
}

/** GET /api/visits/:id for the edit form; never served from an older cache entry. */
export function useVisitRecord(id: string) {
  return useQuery({ queryKey: ['visits', 'one', id], queryFn: ({ signal }) => fetchVisitRecord(id, signal), staleTime: 0, refetchOnWindowFocus: false });
}

/** POST /api/visits (a single visit or a series) with the submission's Idempotency-Key: a double tap creates one. */
export function useCreateVisit() {
  const invalidate = useInvalidateVisits();
  return useMutation({
    mutationFn: ({ body, key }: { body: VisitBody; key: string }) => sendJson<SavedVisit>('POST', '/api/visits', body, { 'Idempotency-Key': key }),
    onSuccess: invalidate,
  });
}

/**
 * PATCH /api/visits/:id — a single visit, a whole series, or one occurrence (`s12:2024-07-04`) — over the
 * version `etag` the form was loaded from (If-Match: 412 when someone saved in between).
 */
export function usePatchVisit() {
  const invalidate = useInvalidateVisits();
  return useMutation({
    mutationFn: ({ id, changes, etag }: { id: string; changes: VisitPatchBody; etag: string | null }) =>
      sendJson<SavedVisit>('PATCH', `/api/visits/${id}`, changes, ifMatch(etag)),
    onSuccess: invalidate,
  });
}

/** DELETE /api/visits/:id — cancels a visit, a series, or just one occurrence of a series. */
export function useDeleteVisit() {
  const invalidate = useInvalidateVisits();
  return useMutation({
    mutationFn: (id: string) => sendJson<SavedVisit>('DELETE', `/api/visits/${id}`),
    onSuccess: invalidate,
  });
}

/** GET /api/plans/day for a team; disabled until asked. */
export function useDayPlan(params: { date: string; team: string; start?: [number, number] } | null) {
  return useQuery({
    queryKey: ['planner', 'day', params],
    enabled: params !== null,
    queryFn: ({ signal }) =>
      getJson<DayPlan>(
        '/api/plans/day',
        { date: params!.date, team: params!.team, start_lat: params!.start?.[1], start_lng: params!.start?.[0] },
        signal,
      ),
    staleTime: 0,
  });
}
