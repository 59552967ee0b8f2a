import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { json } from '../schemas.js';
import type { VillageService } from '../../services/villages.js';

export const Region = z.object({
  code: z.string().openapi({ example: '51.06' }),
  name: z.string().openapi({ example: 'Kabupaten Bangli' }),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).openapi({ description: '[minLng, minLat, maxLng, maxLat] of the kabupaten boundary' }),
  districts: z.number().int().openapi({ description: 'kecamatan' }),
  villages: z.number().int().openapi({ description: 'desa/kelurahan' }),
});

export const Regions = z.object({ regions: z.array(Region) }).openapi('Regions');

const list = createRoute({
  method: 'get',
  path: '/regions',
  tags: ['villages'],
  summary: 'The kabupaten/kota this deployment serves (JANGKAU_REGIONS), with bounding box and counts',
  responses: { 200: json(Regions, 'Served kabupaten/kota in code order') },
});

/** GET /api/regions */
export function regionRoutes(villages: VillageService) {
  const body = { regions: villages.regions.map(({ code, name, bbox, districts, villages: n }) => ({ code, name, bbox, districts, villages: n })) };
  return createRouter().openapi(list, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(body, 200);
  });
}
