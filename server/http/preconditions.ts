import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { IF_MATCH_MAX, parseIfMatch, type IfMatch } from '../domain/concurrency/etag.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../services/idempotency.js';
import { ValidationError } from '../errors.js';

/** The `If-Match` request header, documented for writes to existing rows. */
export const IfMatchHeader = z.object({
  'if-match': z.string().max(IF_MATCH_MAX, `if-match is longer than ${IF_MATCH_MAX} characters`).optional().openapi({
    description: 'The ETag from your last read. When it no longer matches, nothing is written and the answer is 412 precondition_failed with params.current_etag. Optional for API users; the web forms always send it.',
    example: '"p12.3"',
  }),
});

/** The `Idempotency-Key` request header, documented for creates. */
export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN, 'idempotency-key must be 1–100 visible ASCII characters (letters, digits, punctuation; no spaces), e.g. a UUID')
    .optional()
    .openapi({
      description: 'One key per submission (e.g. a UUID). A repeat with the same key and body within 24 h returns the first answer and creates nothing; the same key with another body is 422 idempotency_key_reused.',
      example: '6f1c0b1e-8a52-4d43-9d0b-2f4c1f5e7a10',
    }),
});

/** The `If-None-Match` request header (`*`: record only if nothing is recorded yet). */
export const IfNoneMatchHeader = z.object({
  'if-none-match': z.string().max(IF_MATCH_MAX, `if-none-match is longer than ${IF_MATCH_MAX} characters`).optional().openapi({
    description: '* to record only when nothing is recorded yet (412 precondition_failed otherwise); the web sends it for a first outcome.',
    example: '*',
  }),
});

/** The parsed If-None-Match of a request; 400 naming `if-none-match` when malformed. */
export function ifNoneMatchOf(c: Context): IfMatch {
  const parsed = parseIfMatch(c.req.header('if-none-match'));
  if (!parsed) throw new ValidationError('if-none-match', 'if-none-match must be * or one or more quoted ETags, e.g. "ov7.1"');
  return parsed;
}

/** The parsed If-Match of a request; 400 naming `if-match` when it is not a list of quoted tags or `*`. */
export function ifMatchOf(c: Context): IfMatch {
  const parsed = parseIfMatch(c.req.header('if-match'));
  if (!parsed) throw new ValidationError('if-match', 'if-match must be * or one or more quoted ETags, e.g. "p12.3", as sent in the ETag header of your last read');
  return parsed;
}

/** Answers JSON text as the first (or replayed) answer to an idempotent create, with its ETag when known. */
export function idempotentResponse(c: Context, a: { status: number; body: string; replayed: boolean }, etagOf: (body: unknown) => string | null) {
  const tag = a.replayed ? null : etagOf(JSON.parse(a.body));
  return c.body(a.body, a.status as 201, {
    'Content-Type': 'application/json',
    ...(a.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    ...(tag ? { ETag: tag } : {}),
  });
}

/** Response headers carrying `tag` as the ETag, or none when there is no tag (unknown row). */
export function etagHeaders(tag: string | null): Record<string, string> {
  return tag ? { ETag: tag } : {};
}
