import type { ImportColumn } from './types.js';
import type { CodeParams, ErrorCode } from '../../domain/codes/index.js';

/** The fields of a point as the point-writing API takes them (the JSON body of POST /api/points). */
export type PointBody = Record<string, unknown>;

/** One field-level problem: a registered code and params (for people), an English message (for API users). */
export interface FieldError {
  field: string;
  code: ErrorCode;
  params: CodeParams;
  message: string;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** CSV cells are text: turns a plain decimal into a number, leaving anything else for the validator to name. */
function numberish(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return DECIMAL.test(s) && Number.isFinite(Number(s)) ? Number(s) : s;
}

function textOrNull(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return s === '' ? null : s;
}

/** Splits "registration;claims" or "registration|claims" into a list; lists pass through. */
function serviceList(v: unknown): unknown {
  if (v === null || v === undefined) return [];
  if (typeof v !== 'string') return v;
  return v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
}

/**
 * Turns import columns (CSV text or GeoJSON values) into a point body. Present-but-empty optional
 * cells become null (clear the value); absent columns stay absent (keep the stored value).
 */
export function rowToBody(fields: Partial<Record<ImportColumn, unknown>>): PointBody {
  const body: PointBody = {};
  for (const [key, value] of Object.entries(fields) as [ImportColumn, unknown][]) {
    switch (key) {
      case 'id':
        break; // matching, not a point field
      case 'lat':
      case 'lng':
        body[key] = numberish(value);
        break;
      case 'name':
      case 'type':
        body[key] = typeof value === 'string' ? value.trim() : value;
        break;
      case 'services':
        body.services = serviceList(value);
        break;
      case 'accuracy': {
        const a = textOrNull(value);
        if (a !== null) body.accuracy = a; // empty accuracy = keep (new points default to approximate)
        break;
      }
      default:
        body[key] = textOrNull(value);
    }
  }
  return body;
}
