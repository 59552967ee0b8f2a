/** Turns an audit entry's before/after snapshots into the list of fields that changed. */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

// Bookkeeping fields change on every write and say nothing to a reader.
const IGNORED = new Set(['updated_at', 'created_at', 'id', 'open_now', 'distance_m']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Flattens a GeoJSON Feature snapshot to its properties plus lat/lng, so a pin move reads as lat/lng changes. */
function flat(snapshot: unknown): Record<string, unknown> {
  // The audit trail stores any JSON; a point's snapshots are objects (a Feature or its stored row).
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) return {};
  const s = snapshot as { type?: string; properties?: Record<string, unknown>; geometry?: { coordinates?: [number, number] } };
  const base: Record<string, unknown> = s.type === 'Feature' && s.properties ? { ...s.properties } : { ...(snapshot as Record<string, unknown>) };
  const coords = s.geometry?.coordinates ?? (Array.isArray(base.position) ? (base.position as [number, number]) : undefined);
  if (coords) {
    base.lng = coords[0];
    base.lat = coords[1];
    delete base.position;
  }
  delete base.geometry;
  delete base.type;
  return base;
}

/** The fields whose value differs between `before` and `after` (a create has no before; a retire may have no after). */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = flat(before);
  const a = flat(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED.has(k));
  // A creation lists only the fields it filled in.
  const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  return keys.filter((k) => !same(b[k], a[k]) && !((before ?? null) === null && empty(a[k]))).map((k) => ({ field: k, before: b[k], after: a[k] }));
}

/** A short readable value: text as is, lists joined, objects as compact JSON. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(Math.round(v * 1e6) / 1e6);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? v.join(', ') : '—';
  return JSON.stringify(v);
}
