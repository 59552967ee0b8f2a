import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { errors, GeoJsonCollection, GeoJsonFeature, json, ErrorBody } from '../schemas.js';
import { numberParam, regionParam } from '../params.js';
import type { VillageService } from '../../services/villages.js';
import { NotFoundError } from '../../errors.js';

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
  responses: { 200: json(GeoJsonCollection, 'FeatureCollection; properties code, name, district_code, district_name, interior_lat, interior_lng, regency_code, regency_name'), ...errors },
});

const locate = createRoute({
  method: 'get',
  path: '/villages/locate',
  tags: ['villages'],
  summary: 'The village that contains a position',
  request: { query: z.object({ lat: numberParam('lat', -90, 90), lng: numberParam('lng', -180, 180) }) },
  responses: { 200: json(GeoJsonFeature, 'The village Feature'), ...errors, 404: json(ErrorBody, 'Outside every village') },
});

/** /api/villages and /api/villages/locate */
export function villageRoutes(villages: VillageService) {
  return createRouter()
    .openapi(list, (c) => {
      c.header('Cache-Control', 'public, max-age=3600');
      const q = c.req.valid('query');
      const simplified = q.geometry === 'simplified';
      const collection = q.region ? villages.inRegion(q.region, simplified) : simplified ? villages.simplified() : villages.all();
      return c.json(collection as unknown as Record<string, unknown>, 200);
    })
    .openapi(locate, (c) => {
      const { lat, lng } = c.req.valid('query');
      const v = villages.locate([lng, lat]);
      if (!v) throw new NotFoundError(`No served village contains lat ${lat}, lng ${lng}`, 'lat', 'no_village_here', { lat, lng });
      return c.json(v as unknown as Record<string, unknown>, 200);
    });
}
