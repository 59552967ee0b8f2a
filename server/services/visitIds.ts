import { parseIsoDate } from '../domain/calendar/dates.js';
import { NotFoundError, ValidationError } from '../errors.js';

/**
 * Public ids of visits: `v7` a single visit, `s12` a series, `s12:2024-07-04` one occurrence of series 12
 * on its original WITA date. The prefix keeps the two tables' numbers apart in one id space.
 */
export type VisitRef =
  | { kind: 'visit'; id: number }
  | { kind: 'series'; id: number }
  | { kind: 'occurrence'; seriesId: number; date: string };

const PATTERN = /^(v|s)([1-9]\d{0,15})(?::(\d{4}-\d{2}-\d{2}))?$/;

/** Parses a public visit id; 400 on field `field` for anything else. */
export function parseVisitRef(value: string, field = 'id'): VisitRef {
  const m = PATTERN.exec(value);
  const bad = () =>
    new ValidationError(field, `${field} must be a visit id like v7, a series id like s12 or an occurrence id like s12:2024-07-04; got ${JSON.stringify(value.slice(0, 60))}`, { code: 'invalid_visit_id', params: { got: value.slice(0, 60) } });
  if (!m || (m[1] === 'v' && m[3] !== undefined)) throw bad();
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id)) throw bad();
  if (m[3] === undefined) return m[1] === 'v' ? { kind: 'visit', id } : { kind: 'series', id };
  try {
    return { kind: 'occurrence', seriesId: id, date: parseIsoDate(m[3], field) };
  } catch {
    throw bad();
  }
}

/** The public id of a single visit. */
export const visitPublicId = (id: number) => `v${id}`;
/** The public id of a series. */
export const seriesPublicId = (id: number) => `s${id}`;

/**
 * The 404 the public gets for a visit it may not see (a draft, a never-published cancellation, a visit at a retired
 * point): word for word the one for an id that does not exist, so the answer never confirms a hidden visit.
 */
export function noPublicVisit(id: string): NotFoundError {
  return new NotFoundError(`No visit ${id.slice(0, 60)}; use an id from GET /api/visits, like v7 or s12:2026-12-07`, 'id', 'visit_not_found');
}
