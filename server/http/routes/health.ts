import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { json } from '../schemas.js';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['meta'],
  summary: 'Liveness check',
  responses: { 200: json(z.object({ status: z.literal('ok') }), 'The server is up') },
});

/** GET /api/health */
export function healthRoutes() {
  return createRouter().openapi(health, (c) => c.json({ status: 'ok' as const }, 200));
}
