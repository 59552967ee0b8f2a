import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from '../errors.js';
import type { AppEnv } from './env.js';

/** Largest body of a JSON route, in bytes (1 MiB): a point, a visit or an outcome is a few KB at most. */
export const JSON_MAX_BYTES = 1024 * 1024;
/** Deepest nesting of arrays/objects a JSON body may have. Real bodies nest 3–6 levels (GeoJSON polygons). */
export const JSON_MAX_DEPTH = 64;

/** The 413 every body limit answers: JSON naming `body` and the limit. */
export function payloadTooLarge(maxBytes: number, hint = ''): HttpError {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MiB` : `${maxBytes} bytes`;
  return new HttpError(413, `The request body is larger than ${size}.${hint}`, { field: 'body', code: 'payload_too_large', params: { max_bytes: maxBytes } });
}

/**
 * Limits a request body to `maxBytes` before anything buffers it: a Content-Length over the limit is refused
 * at once, a streamed (chunked) body is counted as it arrives and refused as soon as it passes the limit, so a
 * 300 MB body costs at most `maxBytes` of memory.
 */
export function limitBody(maxBytes: number, hint = ''): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw payloadTooLarge(maxBytes, hint);
    },
  });
}

/**
 * The nesting depth of JSON text: the largest number of `[`/`{` open at once, outside strings. Linear and
 * iterative, so it cannot overflow the stack on the inputs that make recursive code (JSON.stringify, schema
 * walkers) overflow it. Stops counting past `stopAt`.
 */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) depth--;
  }
  return max;
}

/**
 * Every API body except the import's (which has its own, larger limit after the login check): at most
 * JSON_MAX_BYTES, and nested at most JSON_MAX_DEPTH levels, checked before any route parses it.
 */
export function bodyGuard(opts: { skip: (path: string) => boolean }): MiddlewareHandler<AppEnv> {
  const limit = limitBody(JSON_MAX_BYTES);
  return async function guardBody(c, next) {
    if (!c.req.raw.body || opts.skip(c.req.path)) return next();
    return limit(c, async () => {
      await rejectDeepJson(c.req.text.bind(c.req));
      await next();
    });
  };
}

/**
 * A tighter limit for one route, behind bodyGuard: the guard has already read (and capped) the body, so this
 * checks the cached text instead of wrapping the stream a second time (a second stream reader would fail).
 */
export function limitGuardedBody(maxBytes: number, hint = ''): MiddlewareHandler<AppEnv> {
  return async function limitGuarded(c, next) {
    if (!c.req.raw.body) return next();
    const declared = Number(c.req.header('Content-Length') ?? NaN);
    if (declared > maxBytes || Buffer.byteLength(await c.req.text(), 'utf8') > maxBytes) throw payloadTooLarge(maxBytes, hint);
    await next();
  };
}

/** 400 naming `body` when the text nests deeper than JSON_MAX_DEPTH. The text stays cached for the route. */
export async function rejectDeepJson(readText: () => Promise<string>): Promise<void> {
  const depth = jsonDepth(await readText(), JSON_MAX_DEPTH);
  if (depth > JSON_MAX_DEPTH) {
    throw new HttpError(400, `The JSON body is nested more than ${JSON_MAX_DEPTH} levels deep.`, { field: 'body', code: 'body_too_deep', params: { max_depth: JSON_MAX_DEPTH } });
  }
}
