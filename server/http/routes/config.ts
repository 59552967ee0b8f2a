import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { json } from '../schemas.js';
import type { AppConfig } from '../../config.js';

export const ClientConfig = z.object({ tile_url: z.string().nullable(), tile_attribution: z.string().nullable() }).openapi('ClientConfig');

const route = createRoute({
  method: 'get',
  path: '/config',
  tags: ['meta'],
  summary: 'Settings the web app needs (optional tile layer)',
  responses: { 200: json(ClientConfig, 'Client settings') },
});

/** GET /api/config: the deployment's public settings. */
export function configRoutes(config: AppConfig) {
  return createRouter().openapi(route, (c) => c.json({ tile_url: config.tileUrl, tile_attribution: config.tileAttribution }, 200));
}
