/** React Query hooks for the staff workspace. Every write invalidates the lists it can change. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, getJson, getJsonWithEtag, ifMatch, sendJson, sendJsonWithEtag, type Versioned } from '../../api/client';
import type { PointCollection, PointFeature } from '../../api/types';
import { clearSignedInData } from '../../shared/signedInData';
import type { AuditEntry, DuplicateWarning, ImportReport, PointBody, PointFilter, ProblemReport, Role, SavedPoint, User, RecheckItem } from './types';

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
    queryFn: ({ signal }) => getJson<PointCollection & { total?: number }>('/api/staff/points', { filter, q: q.trim() || undefined }, signal),
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

/** Reads `warnings` wherever the server put them (next to the feature or inside its properties). */
function normaliseSaved(res: unknown): SavedPoint {
  const r = res as Record<string, unknown>;
  const feature = (r.type === 'Feature' ? r : (r.feature ?? r.point)) as PointFeature;
  const warnings = (r.warnings ?? (feature.properties as unknown as Record<string, unknown>).warnings ?? []) as DuplicateWarning[];
  return { feature, warnings };
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
        ? await sendJsonWithEtag('POST', '/api/points', a.body, a.key ? { 'Idempotency-Key': a.key } : {})
        : await sendJsonWithEtag('PATCH', `/api/points/${id}`, a.body, ifMatch(a.etag));
      return { ...normaliseSaved(res.data), etag: res.etag };
    },
    onSuccess: (saved) => {
      // The answer is the newest version: the form must not fall back to the older cached read meanwhile.
      qc.setQueryData<Versioned<PointFeature>>(['staff', 'point', saved.feature.id], { data: saved.feature, etag: saved.etag });
      invalidate(saved.feature.id);
    },
  });
}

/** A check of a point (POST /api/points/:id/verify): a GPS fix, a pin on a street map, or a phone call. */
export type VerifyBody =
  | { method: 'gps'; lat: number; lng: number; accuracy_m: number }
  | { method: 'pin_on_tiles'; lat: number; lng: number }
  | { method: 'office_confirmed' };

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
      a.kind === 'verify' ? sendJson<unknown>('POST', `/api/points/${id}/verify`, a.body, h)
      : a.kind === 'retire' ? sendJson<unknown>('DELETE', `/api/points/${id}`, undefined, h)
      : sendJson<unknown>('POST', `/api/points/${id}/restore`, {}, h),
    onSuccess: () => invalidate(id),
    // A 412 means the page shows an older version: read it again.
    onError: () => invalidate(id),
  });
}

function entriesOf(res: unknown): AuditEntry[] {
  if (Array.isArray(res)) return res as AuditEntry[];
  const r = res as Record<string, unknown>;
  return (r.entries ?? r.history ?? r.audit ?? []) as AuditEntry[];
}

/** Audit entries of one point, newest first. */
export function usePointHistory(id: number) {
  return useQuery({
    queryKey: ['staff', 'history', id],
    queryFn: async ({ signal }) => entriesOf(await getJson<unknown>(`/api/points/${id}/history`, {}, signal)),
    staleTime: 0,
  });
}

/** Open problem reports. */
export function useOpenReports() {
  return useQuery({
    queryKey: ['staff', 'reports', 'open'],
    queryFn: async ({ signal }) => {
      const res = await getJson<unknown>('/api/reports', { status: 'open' }, signal);
      return (Array.isArray(res) ? res : ((res as { reports: ProblemReport[] }).reports ?? [])) as ProblemReport[];
    },
    staleTime: 0,
  });
}

export function useReportAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: number; action: 'resolve' | 'dismiss' }) => sendJson<unknown>('POST', `/api/reports/${a.id}/${a.action}`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['staff', 'reports'] }),
  });
}

export function useUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'users'],
    enabled,
    queryFn: async ({ signal }) => {
      const res = await getJson<unknown>('/api/users', {}, signal);
      return (Array.isArray(res) ? res : ((res as { users: User[] }).users ?? [])) as User[];
    },
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string; role: Role }) => sendJson<{ user: User }>('POST', '/api/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['staff', 'users'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: number; patch: { role?: Role; disabled?: boolean } }) => sendJson<unknown>('PATCH', `/api/users/${a.id}`, a.patch),
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
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    throw new ApiError(res.status, text.slice(0, 200) || res.statusText);
  }
  const report = (Array.isArray(body.errors) ? body : ((body.error as Record<string, unknown> | undefined)?.report ?? body.report)) as ImportReport | undefined;
  if (report && Array.isArray(report.errors)) return { ...report, created: report.created ?? 0, updated: report.updated ?? 0, rejected: !res.ok };
  const err = body.error as { message?: string; field?: string } | undefined;
  if (!res.ok) throw new ApiError(res.status, err?.message ?? res.statusText, err?.field, body);
  return { created: 0, updated: 0, errors: [], rejected: false };
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
