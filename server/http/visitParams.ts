import { z } from '@hono/zod-openapi';
import { parseDecimal } from './params.js';
import { parseIsoDate } from '../domain/calendar/dates.js';
import { InvalidInputError } from '../domain/errors.js';
import { coded } from './zodIssue.js';

/** A 'YYYY-MM-DD' query parameter (a WITA civil date); required or optional. */
export function dateParam(field: string, required = false) {
  const shape = `${field} must be a date written YYYY-MM-DD, e.g. 2026-12-01`;
  const base = z
    .string({ error: (iss) => (iss.input === undefined ? `${field} is required: ${shape}` : `${field} must be given once: ${shape}`) })
    .transform((s, ctx) => {
      try {
        return parseIsoDate(s, field);
      } catch (e) {
        if (!(e instanceof InvalidInputError)) throw e;
        ctx.addIssue(coded(e.code, e.message, e.params));
        return z.NEVER;
      }
    })
    .openapi({ type: 'string', format: 'date', example: '2026-12-01' });
  return (required ? base : base.optional()) as z.ZodType<string | undefined>;
}

/** `near=lat,lng` (latitude first, like a phone's location); returns [lng, lat]. */
export function nearParam(field = 'near') {
  const message = `${field} must be lat,lng with -90 ≤ lat ≤ 90 and -180 ≤ lng ≤ 180, e.g. -8.45,115.35`;
  return z
    .string({ error: `${field} must be given once: ${message}` })
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const parts = s.length > 100 ? [] : s.split(',').map(parseDecimal);
      const [lat, lng] = parts;
      if (parts.length !== 2 || lat == null || lng == null || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
        ctx.addIssue(coded('invalid_position', `${message} (got "${s.slice(0, 60)}")`, { got: s.slice(0, 60) }));
        return z.NEVER;
      }
      return [lng, lat] as [number, number];
    })
    .openapi({ type: 'string', example: '-8.45,115.35', description: 'lat,lng (latitude first)' });
}

/** An optional `true`/`false` query flag. */
export function flagParam(field: string) {
  return z
    .enum(['true', 'false'], { error: `${field} must be true or false` })
    .optional()
    .transform((s) => s === 'true')
    .openapi({ type: 'string', enum: ['true', 'false'] });
}

/** An optional short code (village or district), e.g. 51.06.01.2001. */
export function codeParam(field: string) {
  return z
    .string({ error: `${field} must be given once, e.g. 51.06.01.2001` })
    .regex(/^[0-9.]{2,20}$/, `${field} must be a Kemendagri code of digits and dots, e.g. 51.06.01.2001`)
    .optional();
}
