import type { Db } from './db.js';

export const STAFF_FILTERS = ['all', 'approximate', 'stale', 'retired'] as const;
export type StaffFilter = (typeof STAFF_FILTERS)[number];

/**
 * Read-only SQL for the staff workspace list (writes go through PointStore so the nearest index
 * notices them). Returns matching ids, newest-edited first, and the total before the limit.
 */
export class StaffPointQueries {
  private readonly s;

  constructor(db: Db) {
    const where = `
      WHERE (@filter = 'all'
          OR (@filter = 'retired' AND p.status = 'retired')
          OR (@filter = 'approximate' AND p.status != 'retired' AND p.accuracy = 'approximate')
          OR (@filter = 'stale' AND p.status != 'retired' AND (p.verified_at IS NULL OR p.verified_at < @stale_before)))
        AND (@q IS NULL
          OR instr(lower(p.name), @q) > 0 OR instr(lower(coalesce(p.address, '')), @q) > 0
          OR instr(lower(coalesce(p.external_id, '')), @q) > 0 OR instr(lower(coalesce(v.name, '')), @q) > 0)`;
    const from = 'FROM points p LEFT JOIN villages v ON v.code = p.village_code';
    this.s = {
      ids: db.prepare<Params, { id: number }>(`SELECT p.id ${from} ${where} ORDER BY p.updated_at DESC, p.id DESC LIMIT @limit OFFSET @offset`),
      count: db.prepare<Omit<Params, 'limit' | 'offset'>, { n: number }>(`SELECT count(*) AS n ${from} ${where}`),
    };
  }

  /** Ids of points matching the filter and text query (lower-cased substring of name, address, external id, village). */
  search(q: { filter: StaffFilter; text: string | null; staleBefore: string; limit: number; offset: number }): { ids: number[]; total: number } {
    const base = { filter: q.filter, q: q.text ? q.text.toLowerCase() : null, stale_before: q.staleBefore };
    return {
      ids: this.s.ids.all({ ...base, limit: q.limit, offset: q.offset }).map((r) => r.id),
      total: this.s.count.get(base)!.n,
    };
  }
}

interface Params {
  filter: string;
  q: string | null;
  stale_before: string;
  limit: number;
  offset: number;
}
