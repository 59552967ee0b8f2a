import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { errors, ErrorBody, json, PointCollection, PointFeature } from '../schemas.js';
import { bboxParam, cursorParam, encodeCursor, enumListParam, idParam, intParam, numberParam } from '../params.js';
import { POINT_TYPES, SERVICES } from '../../domain/points/vocabulary.js';
import type { FinderService } from '../../services/finder.js';
import { NotFoundError } from '../../errors.js';
import type { VersionService } from '../../services/versions.js';
import { etagHeaders } from '../preconditions.js';
import type { PointViewCounter } from '../../services/pointViews.js';

/** How many of the nearest results count as "viewed" for the re-check queue: the ones a phone shows first. */
const VIEWED_NEAREST = 3;

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

/** Points per page of GET /api/points?bbox=: the default and the most a client may ask for. */
export const BBOX_PAGE_DEFAULT = 1000;
export const BBOX_PAGE_MAX = 5000;

const inBox = createRoute({
  method: 'get',
  path: '/points',
  tags: ['points'],
  summary: 'Active service points inside a bounding box, by id, in pages',
  description:
    `At most \`limit\` points (default ${BBOX_PAGE_DEFAULT}, at most ${BBOX_PAGE_MAX}) in id order. When more remain, the answer has a ` +
    '`Link: </api/points?…&cursor=…>; rel="next"` header (the same query with an opaque cursor). Following the links visits ' +
    'every point in the box once: pages continue after the last id seen, so points added or retired meanwhile never repeat one.',
  request: {
    query: z.object({
      bbox: bboxParam(),
      type: enumListParam('type', POINT_TYPES),
      limit: intParam('limit', 1, BBOX_PAGE_MAX, BBOX_PAGE_DEFAULT),
      cursor: cursorParam(),
    }),
  },
  responses: {
    200: {
      ...json(PointCollection, 'FeatureCollection of one page'),
      headers: z.object({ Link: z.string().optional().openapi({ description: '<url>; rel="next" while more points remain' }) }),
    },
    ...errors,
  },
});

const one = createRoute({
  method: 'get',
  path: '/points/{id}',
  tags: ['points'],
  summary: 'One service point',
  request: { params: z.object({ id: idParam() }) },
  responses: {
    200: { ...json(PointFeature, 'The point'), headers: { ETag: { schema: { type: 'string' }, description: 'The version of the point, for If-Match on staff writes' } } },
    ...errors,
    404: json(ErrorBody, 'Unknown or retired point'),
  },
});

/** Public read routes for service points. */
export function pointRoutes(finder: FinderService, versions: VersionService, views?: PointViewCounter) {
  return createRouter()
    .openapi(nearest, (c) => {
      const q = c.req.valid('query');
      // The same body as c.json(finder.nearest(…)), serialised from per-point cached JSON (the API's hottest route).
      const body = finder.nearestJson([q.lng, q.lat], {
        limit: q.limit, types: q.type, service: q.service, maxKm: q.max_km,
        onHits: views && ((ids) => views.record(ids.slice(0, VIEWED_NEAREST))),
      });
      const res = c.body(body, 200, { 'Content-Type': 'application/json' });
      return res as unknown as ReturnType<typeof c.json<ReturnType<FinderService['nearest']>, 200>>;
    })
    .openapi(inBox, (c) => {
      const q = c.req.valid('query');
      const page = finder.inBbox(q.bbox, q.type, { limit: q.limit, afterId: q.cursor });
      if (page.nextAfterId !== null) {
        // Root-relative, keeping every other parameter as the client sent it.
        const next = new URL(c.req.url);
        next.searchParams.set('cursor', encodeCursor(page.nextAfterId));
        c.header('Link', `<${next.pathname}${next.search}>; rel="next"`);
      }
      return c.json(page.collection, 200);
    })
    .openapi(one, (c) => {
      const { id } = c.req.valid('param');
      const f = finder.get(id);
      if (!f) throw new NotFoundError(`No service point with id ${id}`, 'id');
      views?.record([id]);
      return c.json(f, 200, etagHeaders(versions.pointEtag(id)));
    });
}
