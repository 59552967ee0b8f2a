import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { ErrorBody, errors, json, PointFeature } from '../schemas.js';
import { intParam } from '../params.js';
import { requireRole } from '../auth.js';
import { RECHECK_REASONS, type RecheckService } from '../../services/recheck.js';

const Item = PointFeature.extend({
  recheck: z.object({
    reasons: z.array(z.enum(RECHECK_REASONS)),
    open_reports: z.number().int(),
    views_30d: z.number().int().openapi({ description: 'public views in the last 30 WITA days (point page and top nearest results); a bare count' }),
  }),
}).openapi('RecheckItem');

const queue = createRoute({
  method: 'get', path: '/staff/recheck', tags: ['staff'], middleware: [requireRole('staff')] as const,
  summary: '"Perlu dicek ulang": points with open reports, then checks that ran out (verified_until passed or never checked), then approximate points; most viewed first',
  request: { query: z.object({ limit: intParam('limit', 1, 500, 100), offset: intParam('offset', 0, 1_000_000, 0) }) },
  responses: {
    200: json(z.object({ type: z.literal('FeatureCollection'), features: z.array(Item), total: z.number().int() }), 'The queue, in order'),
    ...errors,
    401: json(ErrorBody, 'Not logged in'),
    403: json(ErrorBody, 'Not staff'),
  },
});

/** GET /api/staff/recheck */
export function recheckRoutes(recheck: RecheckService) {
  return createRouter().openapi(queue, (c) => c.json(recheck.queue(c.req.valid('query')) as never, 200));
}
