/** React Query hooks for the staff workspace. Every write invalidates the lists it can change. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, getJsonWithEtag, ifMatch, readJson, sendJson, sendJsonWithEtag, type Versioned } from '../../api/client';
import type { PointCollection, PointFeature } from '../../api/types';
import { clearSignedInData } from '../../shared/signedInData';
import type { AuditEntry, ImportReport, NewUserBody, PointBody, PointFilter, ProblemReport, User, UserListItem, UserPatchBody, RecheckItem, VerifyBody, WrittenPoint } from './types';

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<{ ok: true }>('POST', '/api/auth/logout'),
    onSettled: () => clearSignedInData(qc),
  });
}

/** Staff list of points, including retired ones when asked. */
export function useStaffPoints(filter: PointFilter, q: string) {
  return useQuery({
    queryKey: ['staff', 'points', filter, q],
    queryFn: ({ signal }) => getJson<PointCollection & { total: number }>('/api/staff/points', { filter, q: q.trim() || undefined }, signal),
    staleTime: 10_000,
  });
}

/** One point for editing, retired ones included (GET /api/staff/points/:id), with its ETag for If-Match. */
export function useStaffPoint(id: number | null) {
  return useQuery({
    queryKey: ['staff', 'point', id],
    enabled: id !== null,
    queryFn: ({ signal }) => fetchStaffPoint(id!, signal),
    staleTime: 0,
  });
}

/** The newest stored version of a point, with its ETag (also after a 412, to show what changed). */
export function fetchStaffPoint(id: number, signal?: AbortSignal): Promise<Versioned<PointFeature>> {
  return getJsonWithEtag<PointFeature>(`/api/staff/points/${id}`, signal);
}

function useInvalidatePoints() {
  const qc = useQueryClient();
  return (id?: number) => {
    void qc.invalidateQueries({ queryKey: ['staff', 'points'] });
    void qc.invalidateQueries({ queryKey: ['staff', 'recheck'] });
    if (id !== undefined) {
      void qc.invalidateQueries({ queryKey: ['staff', 'point', id] });
      void qc.invalidateQueries({ queryKey: ['staff', 'history', id] });
    }
    // The public finder caches points too; a staff edit must show there.
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'staff' && q.queryKey[0] !== 'me' && q.queryKey[0] !== 'villages' && q.queryKey[0] !== 'config' });
  };
}

/**
 * Creates (id null, with the form's Idempotency-Key) or updates a point over version `etag` (If-Match: a
 * save from an older read is refused with 412 instead of undoing someone else's change).
 */
export function useSavePoint(id: number | null) {
  const invalidate = useInvalidatePoints();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (a: { body: PointBody; etag?: string | null; key?: string }) => {
      const res = id === null
        ? await sendJsonWithEtag<WrittenPoint>('POST', '/api/points', a.body, a.key ? { 'Idempotency-Key': a.key } : {})
        : await sendJsonWithEtag<WrittenPoint>('PATCH', `/api/points/${id}`, a.body, ifMatch(a.etag));
      // The answer is the Feature with the duplicate warnings beside it (a GeoJSON foreign member).
      const { warnings, ...feature } = res.data;
      return { feature, warnings, etag: res.etag };
    },
    onSuccess: (saved) => {
      // The answer is the newest version: the form must not fall back to the older cached read meanwhile.
      qc.setQueryData<Versioned<PointFeature>>(['staff', 'point', saved.feature.id], { data: saved.feature, etag: saved.etag });
      invalidate(saved.feature.id);
    },
  });
}

/** The "Perlu dicek ulang" queue (GET /api/staff/recheck), in the server's order. */
export function useRecheckQueue() {
  return useQuery({
    queryKey: ['staff', 'recheck'],
    queryFn: ({ signal }) => getJson<{ features: RecheckItem[]; total: number }>('/api/staff/recheck', { limit: 200 }, signal),
    staleTime: 10_000,
  });
}

/** Verify / retire / restore: one action on one point. */
export function usePointAction(id: number, etag: string | null) {
  const invalidate = useInvalidatePoints();
  const h = ifMatch(etag);
  return useMutation({
    mutationFn: (a: { kind: 'verify'; body: VerifyBody } | { kind: 'retire' } | { kind: 'restore' }) =>
      a.kind === 'verify' ? sendJson<WrittenPoint>('POST', `/api/points/${id}/verify`, a.body, h)
      : a.kind === 'retire' ? sendJson<WrittenPoint>('DELETE', `/api/points/${id}`, undefined, h)
      : sendJson<WrittenPoint>('POST', `/api/points/${id}/restore`, {}, h),
    onSuccess: () => invalidate(id),
    // A 412 means the page shows an older version: read it again.
    onError: () => invalidate(id),
  });
}

/** Audit entries of one point, newest first. */
export function usePointHistory(id: number) {
  return useQuery({
    queryKey: ['staff', 'history', id],
    queryFn: async ({ signal }) => (await getJson<{ entries: AuditEntry[] }>(`/api/points/${id}/history`, {}, signal)).entries,
    staleTime: 0,
  });
}

/** Open problem reports. */
export function useOpenReports() {
  return useQuery({
    queryKey: ['staff', 'reports', 'open'],
    queryFn: async ({ signal }) => (await getJson<{ reports: ProblemReport[] }>('/api/reports', { status: 'open' }, signal)).reports,
    staleTime: 0,
  });
}

export function useReportAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: number; action: 'resolve' | 'dismiss' }) => sendJson<{ report: ProblemReport }>('POST', `/api/reports/${a.id}/${a.action}`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['staff', 'reports'] }),
  });
}

export function useUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'users'],
    enabled,
    queryFn: async ({ signal }) => (await getJson<{ users: UserListItem[] }>('/api/users', {}, signal)).users,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUserBody) => sendJson<{ user: User }>('POST', '/api/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['staff', 'users'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: number; patch: UserPatchBody }) => sendJson<{ user: UserListItem }>('PATCH', `/api/users/${a.id}`, a.patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['staff', 'users'] }),
  });
}

/** The Content-Type the import endpoint expects for a file, from its name. */
export function importContentType(fileName: string): string {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.geojson')) return 'application/geo+json';
  return 'application/json';
}

/**
 * Sends a file to POST /api/import. A failed real import answers 4xx with the same report, so a
 * report in an error body is returned (with `rejected: true`) rather than thrown.
 */
export async function postImport(file: File, dryRun: boolean): Promise<ImportReport & { rejected: boolean }> {
  const res = await fetch(`/api/import${dryRun ? '?dry_run=true' : ''}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': importContentType(file.name) },
    body: await file.text(),
  });
  if (res.status === 422) {
    // Some rows are invalid: the answer is the report with the error beside it, and nothing was written.
    const body = (await res.clone().json().catch(() => null)) as (ImportReport & { error: unknown }) | null;
    if (body && Array.isArray(body.errors)) {
      const { error: _error, ...report } = body;
      return { ...report, rejected: true };
    }
  }
  return { ...(await readJson<ImportReport>(res)), rejected: false };
}

export function useImport() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: (a: { file: File; dryRun: boolean }) => postImport(a.file, a.dryRun),
    onSuccess: (_r, a) => {
      if (!a.dryRun) invalidate();
    },
  });
}
