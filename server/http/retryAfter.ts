import type { Context } from 'hono';
import { HttpError } from '../errors.js';

/**
 * Runs `fn` (sync or async); a 429 it throws gets its Retry-After header (seconds) set on the way to the single
 * onError, so rate-limited clients know when to try again.
 */
export function withRetryAfter<T>(c: Context, fn: () => T): T {
  const mark = (e: unknown): never => {
    if (e instanceof HttpError && e.status === 429) c.header('Retry-After', String(e.params?.retry_after_s ?? e.extra?.retry_after_s ?? 60));
    throw e;
  };
  try {
    const r = fn();
    return (r instanceof Promise ? r.catch(mark) : r) as T;
  } catch (e) {
    return mark(e);
  }
}
