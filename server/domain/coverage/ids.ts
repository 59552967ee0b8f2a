/** A service point's id: SQLite rows give numbers, imports may give strings. */
export type PointId = string | number;

/** Deterministic order for point ids: numbers numerically, otherwise by UTF-16 code units (locale-free). */
export function compareIds(a: PointId, b: PointId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
