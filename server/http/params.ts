import { z } from '@hono/zod-openapi';
import { enumParams } from '../domain/codes/values.js';
import { coded } from './zodIssue.js';

/**
 * Strict query-string parsers. `z.coerce.number()` would turn `?lat=` into 0 and accept hex, '1e400'
 * or '  5 '; these accept only plain decimal numbers and say exactly what is wrong, naming the field.
 */

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const MAX_PARAM_LENGTH = 64;

/** Parses a plain decimal string, or returns null. */
export function parseDecimal(s: string): number | null {
  if (s.length > MAX_PARAM_LENGTH || !DECIMAL.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A required decimal query parameter within [min, max]. */
export function numberParam(field: string, min: number, max: number, what = 'a number') {
  const message = `${field} must be ${what} between ${min} and ${max}`;
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${field} is required: ${message}` : `${field} must be given once: ${message}`) })
    .transform((s, ctx) => {
      const n = parseDecimal(s);
      if (n === null || n < min || n > max) {
        ctx.addIssue(coded('number_out_of_range', `${message} (got "${s.slice(0, 40)}")`, { min, max, got: s.slice(0, 40) }));
        return z.NEVER;
      }
      return n;
    })
    .openapi({ type: 'number', minimum: min, maximum: max, example: String(min) });
}

/** An optional integer query parameter within [min, max], with a default. */
export function intParam(field: string, min: number, max: number, dflt: number) {
  const message = `${field} must be a whole number from ${min} to ${max}`;
  return z
    .string({ error: `${field} must be given once: ${message}` })
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return dflt;
      const n = parseDecimal(s);
      if (n === null || !Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue(coded('whole_number_out_of_range', `${message} (got "${s.slice(0, 40)}")`, { min, max, got: s.slice(0, 40) }));
        return z.NEVER;
      }
      return n;
    })
    .openapi({ type: 'integer', minimum: min, maximum: max, default: dflt });
}

/** An optional comma-separated list of values from a closed vocabulary, e.g. `type=market,village_office`. */
export function enumListParam<T extends string>(field: string, allowed: readonly T[]) {
  return z
    .string({ error: `${field} must be given once, as a comma-separated list of: ${allowed.join(', ')}` })
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      if (s.length > 512) {
        ctx.addIssue(coded('text_too_long', `${field} is too long (at most 512 characters)`, { max: 512, got: s.length }));
        return z.NEVER;
      }
      const values = s.split(',').map((v) => v.trim());
      const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
      if (bad.length > 0 || values.length === 0) {
        ctx.addIssue(coded('enum_unknown', `${field} has unknown value "${bad[0]?.slice(0, 40) ?? ''}"; use one or more of: ${allowed.join(', ')}`, enumParams(bad[0] ?? '', allowed)));
        return z.NEVER;
      }
      return [...new Set(values)] as T[];
    })
    .openapi({ type: 'string', description: `comma-separated: ${allowed.join(', ')}` });
}

/** A required `minLng,minLat,maxLng,maxLat` box. */
export function bboxParam(field = 'bbox') {
  const message = `${field} must be minLng,minLat,maxLng,maxLat with -180 ≤ lng ≤ 180, -90 ≤ lat ≤ 90, min ≤ max`;
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${field} is required: ${message}` : `${field} must be given once: ${message}`) })
    .transform((s, ctx) => {
      const parts = s.length > 200 ? [] : s.split(',').map(parseDecimal);
      const ok =
        parts.length === 4 &&
        parts.every((n) => n !== null) &&
        parts[0]! >= -180 && parts[2]! <= 180 && parts[1]! >= -90 && parts[3]! <= 90 &&
        parts[0]! <= parts[2]! && parts[1]! <= parts[3]!;
      if (!ok) {
        ctx.addIssue(coded('invalid_bbox', `${message} (got "${s.slice(0, 60)}")`, { got: s.slice(0, 60) }));
        return z.NEVER;
      }
      return parts as [number, number, number, number];
    })
    .openapi({ type: 'string', example: '115.23,-8.53,115.46,-8.14' });
}

/** A positive integer id in the path. */
export function idParam(field = 'id') {
  return z
    .string()
    .transform((s, ctx) => {
      const n = parseDecimal(s);
      if (n === null || !Number.isInteger(n) || n < 1 || n > Number.MAX_SAFE_INTEGER) {
        ctx.addIssue(coded('invalid_id', `${field} must be a positive whole number (got "${s.slice(0, 40)}")`, { got: s.slice(0, 40) }));
        return z.NEVER;
      }
      return n;
    })
    .openapi({ type: 'integer', minimum: 1 });
}

/** ?region=: a province (51), kabupaten/kota (51.06) or kecamatan (51.06.01) code; optional. */
export function regionParam() {
  return z
    .string({ error: 'region must be given once: a province (51), kabupaten (51.06) or kecamatan (51.06.01) code' })
    .regex(/^\d{2}(\.\d{2}){0,2}$/, 'region must be a province (51), kabupaten (51.06) or kecamatan (51.06.01) code')
    .optional()
    .openapi({ description: 'Only this province, kabupaten/kota or kecamatan (a code from GET /api/regions or its prefix)', example: '51.06' });
}

/**
 * Opaque page cursors for keyset pagination by id: base64url of `p:<last id>`. Clients only pass back what a
 * `Link: <…>; rel="next"` gave them; anything else is a 400 naming the field.
 */
export function encodeCursor(afterId: number): string {
  return Buffer.from(`p:${afterId}`).toString('base64url');
}

/** An optional `cursor` query parameter: the id the next page starts after (0 = from the start). */
export function cursorParam(field = 'cursor') {
  const message = `${field} must be the value from the previous answer's Link rel="next" header, unchanged`;
  return z
    .string({ error: `${field} must be given once: ${message}` })
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return 0;
      const m = /^[A-Za-z0-9_-]{1,32}$/.test(s) ? /^p:([1-9]\d{0,15})$/.exec(Buffer.from(s, 'base64url').toString('latin1')) : null;
      const id = m ? Number(m[1]) : NaN;
      if (!Number.isSafeInteger(id) || encodeCursor(id) !== s) {
        ctx.addIssue(coded('invalid_cursor', `${message} (got "${s.slice(0, 40)}")`));
        return z.NEVER;
      }
      return id;
    })
    .openapi({ type: 'string', description: 'opaque; from the Link rel="next" header of the previous page' });
}
