import { createRoute, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { createRouter } from '../router.js';
import { json } from '../schemas.js';
import type { PackService } from '../../services/packs.js';

export const Pack = z.object({
  code: z.string().openapi({ example: '51.06' }),
  name: z.string().openapi({ example: 'Kabupaten Bangli' }),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).openapi({ description: '[minLng, minLat, maxLng, maxLat] of the kabupaten' }),
  hash: z.string().openapi({ description: 'content hash (16 hex); changes whenever the pack content changes' }),
  url: z.string().openapi({ example: '/packs/51.06.0123456789abcdef.json' }),
  bytes: z.number().int().openapi({ description: 'uncompressed size' }),
});

const list = createRoute({
  method: 'get',
  path: '/packs',
  tags: ['villages'],
  summary: 'The current offline pack of each served kabupaten/kota',
  description:
    'Each pack at `url` is immutable (cached for a year): simplified village boundaries, active points and the public ' +
    'visits of the next 60 days (no drafts, no team or notes). Ask here for the current hash; old ones answer 404.',
  responses: { 200: json(z.object({ packs: z.array(Pack) }).openapi('Packs'), 'One pack per served kabupaten/kota') },
});

/** GET /api/packs */
export function packListRoutes(packs: PackService) {
  return createRouter().openapi(list, (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json({ packs: packs.list() }, 200);
  });
}

/** GET /packs/{code}.{hash}.json: static-like, immutable; mounted outside /api so a CDN can serve it as a file. */
export function packFileRoutes(packs: PackService) {
  return new Hono().get('/packs/:name', (c) => {
    const body = packs.body(c.req.param('name'));
    return c.body(body, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Access-Control-Allow-Origin': '*',
    });
  });
}
