import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../router.js';
import { ErrorBody, errors, json } from '../schemas.js';
import type { AppEnv } from '../env.js';
import type { PosterService, RenderedPoster } from '../../services/posters/index.js';
import { publicOrigin } from '../publicOrigin.js';
import { clientIp } from '../clientIp.js';
import { withRetryAfter } from '../retryAfter.js';

const pdf = { 200: { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'A4 PDF, Indonesian' } };

const visitPoster = createRoute({
  method: 'get',
  path: '/visits/{id}/poster.pdf',
  tags: ['visits'],
  summary: 'A printable A4 poster (PDF, Indonesian) of one published visit: date in WITA and the Balinese day, place, what to bring, cost, QR code to #/acara/{id}',
  request: { params: z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: 's12:2026-12-07' }) }) },
  responses: { ...pdf, ...errors, 404: json(ErrorBody, 'Unknown, draft or cancelled visit, or a whole series'), 429: json(ErrorBody, 'Too many new posters from one client (Retry-After)') },
});

const villagePoster = createRoute({
  method: 'get',
  path: '/villages/{code}/poster.pdf',
  tags: ['villages'],
  summary: "A printable A4 poster (PDF, Indonesian) of a village: its next public visits or the online channels, what to bring, cost, QR code to #/desa/{code}",
  request: {
    params: z.object({
      code: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'code must be a Kemendagri village code like 51.06.02.2004')
        .openapi({ param: { name: 'code', in: 'path' }, example: '51.06.02.2004' }),
    }),
  },
  responses: { ...pdf, ...errors, 404: json(ErrorBody, 'No village with this code'), 429: json(ErrorBody, 'Too many new posters from one client (Retry-After)') },
});

function send(c: Context<AppEnv>, p: RenderedPoster, filename: string, sharedCache: boolean) {
  const etag = `"${p.etag}"`;
  // Only public, scheduled visits get here, so a shared cache may keep the poster a few minutes, but only when its
  // QR address comes from JANGKAU_PUBLIC_URL: one built from the request's Host must never be served to others.
  const headers = { 'Cache-Control': sharedCache ? 'public, max-age=300' : 'private, max-age=300', ETag: etag, Vary: 'Host' };
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
  return c.body(new Uint8Array(p.pdf), 200, { ...headers, 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${filename}"` });
}

/** GET /api/visits/{id}/poster.pdf and /api/villages/{code}/poster.pdf. */
export function posterRoutes(posters: PosterService, opts: { publicUrl: string | null; trustProxy: boolean }) {
  const origin = (c: Context<AppEnv>) => publicOrigin(opts.publicUrl, c.req.url, c.req.header('Host'));
  const client = (c: Context<AppEnv>) => clientIp(c, opts.trustProxy);
  return createRouter()
    .openapi(visitPoster, async (c) => {
      const { id } = c.req.valid('param');
      return send(c, await withRetryAfter(c, () => posters.visit(id, origin(c), client(c))), `poster-${id.replace(':', '-')}.pdf`, opts.publicUrl !== null) as never;
    })
    .openapi(villagePoster, async (c) => {
      const { code } = c.req.valid('param');
      return send(c, await withRetryAfter(c, () => posters.village(code, origin(c), client(c))), `poster-desa-${code}.pdf`, opts.publicUrl !== null) as never;
    });
}
