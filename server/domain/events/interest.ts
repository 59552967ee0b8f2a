/**
 * People who asked to be registered or contacted, and how far the follow-up got. The funnel is
 * interested (every record) → contacted (`dihubungi` or `terdaftar`) → registered (`terdaftar`);
 * `tidak_jadi` (did not go ahead) counts as interested only.
 */

export const INTEREST_STATUSES = ['baru', 'dihubungi', 'terdaftar', 'tidak_jadi'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];
export const PROGRAMMES = ['JKK', 'JKM', 'JHT'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** Days an interest record is kept after its visit ends. */
export const INTEREST_KEEP_DAYS = 90;

export interface FunnelCounts {
  interested: number;
  contacted: number;
  registered: number;
}

export interface InterestSummary {
  total: number;
  by_status: Record<InterestStatus, number>;
}

/** Counts records by follow-up status. */
export function interestSummary(statuses: readonly InterestStatus[]): InterestSummary {
  const by_status = Object.fromEntries(INTEREST_STATUSES.map((s) => [s, 0])) as Record<InterestStatus, number>;
  for (const s of statuses) by_status[s]++;
  return { total: statuses.length, by_status };
}

/** The funnel of one group of records. */
export function funnel(statuses: readonly InterestStatus[]): FunnelCounts {
  let contacted = 0;
  let registered = 0;
  for (const s of statuses) {
    if (s === 'dihubungi' || s === 'terdaftar') contacted++;
    if (s === 'terdaftar') registered++;
  }
  return { interested: statuses.length, contacted, registered };
}

/** Funnels grouped by `key` (a village code, a visit id), sorted by key. */
export function funnelBy<K extends string>(records: readonly { key: K; status: InterestStatus }[]): { key: K; funnel: FunnelCounts }[] {
  const groups = new Map<K, InterestStatus[]>();
  for (const r of records) {
    const list = groups.get(r.key) ?? [];
    list.push(r.status);
    groups.set(r.key, list);
  }
  return [...groups.keys()].sort().map((key) => ({ key, funnel: funnel(groups.get(key)!) }));
}
