import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

/**
 * One structured log line per request: method, path (never the query string: it can hold a user's
 * position or search text), status and duration in milliseconds. No IP address, cookie, header or
 * body is logged. Without a logger (tests) it does nothing.
 */
export function requestLog(logger: Logger | undefined): MiddlewareHandler {
  if (!logger) return (_c, next) => next();
  return async function logRequest(c, next) {
    const t0 = performance.now();
    await next();
    logger.info({ method: c.req.method, path: c.req.path, status: c.res.status, durationMs: Math.round((performance.now() - t0) * 10) / 10 }, 'request');
  };
}
