import type { MiddlewareHandler } from 'hono';
import { compress as honoCompress } from 'hono/compress';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

const VARY_HAS_ACCEPT_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/i;
/** hono/compress's default minimum body size (bytes) for compressing. */
const THRESHOLD_BYTES = 1024;

/**
 * Response compression (gzip/deflate) with the same rules and headers as hono/compress, but cheap when
 * nothing is compressed. hono/compress adds `Vary: Accept-Encoding` through `c.header()`, which after
 * the handler rebuilds the whole Response around a ReadableStream of its body; @hono/node-server then
 * loses its fast path for string bodies (measured: about a third of the time of a GET
 * /api/points/nearest from a client that sends no Accept-Encoding). Here the header is added in
 * place; only a response that will really be compressed goes through hono/compress.
 */
export function compress(): MiddlewareHandler {
  const full = honoCompress();
  return async function compressResponse(c, next) {
    const accepted = c.req.header('Accept-Encoding');
    // A client that accepts gzip or deflate: exactly hono/compress, which streams the body through CompressionStream.
    if (accepted !== undefined && /gzip|deflate|\*/i.test(accepted)) {
      let strongEtag: string | null = null;
      await full(c, async () => {
        await next();
        strongEtag = c.res.headers.get('ETag');
      });
      // hono/compress weakens ETags (W/"…"), and If-Match only compares strong ones. Ours name the stored
      // row's version (server/domain/concurrency/etag.ts), not the bytes, so they stay true when gzipped.
      if (strongEtag && !(strongEtag as string).startsWith('W/') && c.res.headers.get('ETag') !== strongEtag) c.res.headers.set('ETag', strongEtag);
      return;
    }
    await next();
    const res = c.res;
    const headers = res.headers;
    const contentLength = headers.get('Content-Length');
    const type = headers.get('Content-Type');
    const cacheControl = headers.get('Cache-Control');
    if (
      res.status === 206 || headers.has('Content-Encoding') || headers.has('Transfer-Encoding') || c.req.method === 'HEAD' ||
      (contentLength && Number(contentLength) < THRESHOLD_BYTES) || !type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      (cacheControl && NO_TRANSFORM.test(cacheControl))
    ) return;
    const vary = headers.get('Vary');
    if (vary === '*' || (vary && VARY_HAS_ACCEPT_ENCODING.test(vary))) return;
    const value = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
    try {
      headers.set('Vary', value);
    } catch {
      c.header('Vary', value); // immutable headers (a fetched Response): let hono copy the response
    }
  };
}
