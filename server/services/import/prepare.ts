import type { PointDraft } from '../../domain/points/validate.js';
import type { FieldIssue } from '../../domain/points/validate.js';
import { rowToBody, type FieldError, type PointBody } from './rowBody.js';
import type { RawRow, SkippedRow } from './types.js';

/** Validation result of one point body. */
export type DraftCheck = { ok: true; draft: PointDraft } | { ok: false; issues: FieldIssue[] };

/**
 * One row after every check that does not need the database: parsed, turned into a point body, its id read
 * and validated as a new point. Plain data, so the import's worker thread makes these and posts them to the
 * main thread, which matches them against stored points (server/services/import/pipeline.ts).
 */
export interface PreparedRow {
  line: number;
  source?: string;
  bytes?: number;
  /** Problems found while parsing: the row fails whatever the database holds. */
  parseErrors?: FieldError[];
  /** A malformed id (then the row is not matched). */
  idErrors: FieldError[];
  id: number | null;
  externalId: string | null;
  body: PointBody;
  /** The row validated as a new point: what applies when it matches no stored point. */
  asNew?: DraftCheck;
}

export type PreparedItem = { row: PreparedRow } | { skipped: SkippedRow };

/** Prepares one parsed row; `validateNew` is the point rule for new points (validateNewPoint with the region). */
export function prepareRow(row: RawRow, validateNew: (body: PointBody) => DraftCheck): PreparedRow {
  const base = { line: row.line, source: row.source, bytes: row.bytes };
  if (row.errors?.length) return { ...base, parseErrors: row.errors, idErrors: [], id: null, externalId: null, body: {} };
  const body = rowToBody(row.fields);
  const idErrors: FieldError[] = [];
  const id = parseId(row.fields.id, idErrors);
  const externalId = typeof body.external_id === 'string' && body.external_id.trim() !== '' ? body.external_id.trim() : null;
  const asNew = validateNew(body);
  // A row with neither id nor external_id can only create a point: its body is not needed again (and not
  // copied to the main thread).
  const matchable = id !== null || externalId !== null || idErrors.length > 0;
  return { ...base, idErrors, id, externalId, body: matchable ? body : {}, asNew };
}

function parseId(v: unknown, errors: FieldError[]): number | null {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const n = typeof v === 'number' ? v : /^\d+$/.test(String(v).trim()) ? Number(String(v).trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    errors.push({ field: 'id', message: `id must be a positive whole number, a point id from this database (got ${JSON.stringify(v)}); leave it empty for new points` });
    return null;
  }
  return n;
}
