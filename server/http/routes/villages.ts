import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { errors, json, ErrorBody } from '../schemas.js';
import { numberParam, regionParam } from '../params.js';
import type { VillageService } from '../../services/villages.js';
import { NotFoundError } from '../../errors.js';

const Position = z.array(z.number()).openapi({ description: '[lng, lat]' });
const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
]);

export const VillageFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.string(),
    geometry: Geometry,
    properties: z.object({
      code: z.string(),
      name: z.string(),
      district_code: z.string(),
      district_name: z.string(),
      kind: z.enum(['desa', 'kelurahan']),
      postal_code: z.string().nullable(),
      interior_lat: z.number(),
      interior_lng: z.number(),
      regency_code: z.string().openapi({ example: '51.06', description: 'the kabupaten/kota' }),
      regency_name: z.string().openapi({ example: 'Kabupaten Bangli' }),
    }),
  })
  .openapi('VillageFeature');

export const VillageCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(VillageFeature) })
  .openapi('VillageCollection');

const list = createRoute({
  method: 'get',
  path: '/villages',
  tags: ['villages'],
  summary: 'The served villages (desa/kelurahan) with boundaries and interior points (Bangli\'s 72 by default; see GET /api/regions)',
  request: {
    query: z.object({
      geometry: z
        .enum(['full', 'simplified'], { error: 'geometry must be full or simplified (boundaries simplified to ~33 m for drawing)' })
        .optional()
        .openapi({ description: 'full (default) or simplified: boundaries simplified to ~33 m, about a quarter of the bytes, for drawing a base map' }),
      region: regionParam(),
    }),
  },
  responses: { 200: json(VillageCollection, 'FeatureCollection of the villages (of ?region= when given)'), ...errors },
});

const locate = createRoute({
  method: 'get',
  path: '/villages/locate',
  tags: ['villages'],
  summary: 'The village that contains a position',
  request: { query: z.object({ lat: numberParam('lat', -90, 90), lng: numberParam('lng', -180, 180) }) },
  responses: { 200: json(VillageFeature, 'The village Feature'), ...errors, 404: json(ErrorBody, 'Outside every village') },
});

/** /api/villages and /api/villages/locate */
export function villageRoutes(villages: VillageService) {
  return createRouter()
    .openapi(list, (c) => {
      c.header('Cache-Control', 'public, max-age=3600');
      const q = c.req.valid('query');
      const simplified = q.geometry === 'simplified';
      const collection = q.region ? villages.inRegion(q.region, simplified) : simplified ? villages.simplified() : villages.all();
      return c.json(collection as z.infer<typeof VillageCollection>, 200);
    })
    .openapi(locate, (c) => {
      const { lat, lng } = c.req.valid('query');
      const v = villages.locate([lng, lat]);
      if (!v) throw new NotFoundError(`No served village contains lat ${lat}, lng ${lng}`, 'lat', 'no_village_here', { lat, lng });
      return c.json(v as z.infer<typeof VillageFeature>, 200);
    });
}
