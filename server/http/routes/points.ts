import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { errors, ErrorBody, json, PointCollection, PointFeature } from '../schemas.js';
import { bboxParam, enumListParam, idParam, intParam, numberParam } from '../params.js';
import { POINT_TYPES, SERVICES } from '../../domain/points/vocabulary.js';
import type { FinderService } from '../../services/finder.js';
import { NotFoundError } from '../../errors.js';

const nearest = createRoute({
  method: 'get',
  path: '/points/nearest',
  tags: ['points'],
  summary: 'The nearest active service points, sorted by great-circle distance (distance_m)',
  request: {
    query: z.object({
      lat: numberParam('lat', -90, 90),
      lng: numberParam('lng', -180, 180),
      limit: intParam('limit', 1, 100, 10),
      type: enumListParam('type', POINT_TYPES),
      service: enumListParam('service', SERVICES),
      max_km: numberParam('max_km', 0, 20000).optional(),
    }),
  },
  responses: { 200: json(PointCollection, 'FeatureCollection sorted by distance_m'), ...errors },
});

const inBox = createRoute({
  method: 'get',
  path: '/points',
  tags: ['points'],
  summary: 'Active service points inside a bounding box',
  request: { query: z.object({ bbox: bboxParam(), type: enumListParam('type', POINT_TYPES) }) },
  responses: { 200: json(PointCollection, 'FeatureCollection'), ...errors },
});

const one = createRoute({
  method: 'get',
  path: '/points/{id}',
  tags: ['points'],
  summary: 'One service point',
  request: { params: z.object({ id: idParam() }) },
  responses: { 200: json(PointFeature, 'The point'), ...errors, 404: json(ErrorBody, 'Unknown or retired point') },
});

/** Public read routes for service points. */
export function pointRoutes(finder: FinderService) {
  return createRouter()
    .openapi(nearest, (c) => {
      const q = c.req.valid('query');
      // The same body as c.json(finder.nearest(…)), serialised from per-point cached JSON (the API's hottest route).
      const body = finder.nearestJson([q.lng, q.lat], { limit: q.limit, types: q.type, service: q.service, maxKm: q.max_km });
      const res = c.body(body, 200, { 'Content-Type': 'application/json' });
      return res as unknown as ReturnType<typeof c.json<ReturnType<FinderService['nearest']>, 200>>;
    })
    .openapi(inBox, (c) => {
      const q = c.req.valid('query');
      return c.json(finder.inBbox(q.bbox, q.type), 200);
    })
    .openapi(one, (c) => {
      const { id } = c.req.valid('param');
      const f = finder.get(id);
      if (!f) throw new NotFoundError(`No service point with id ${id}`, 'id', 'point_not_found');
      return c.json(f, 200);
    });
}
