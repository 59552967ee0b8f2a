import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { json } from '../schemas.js';

const registration = createRoute({
  method: 'get',
  path: '/info/registration',
  tags: ['info'],
  summary: "BPU membership facts for the 'Cara mendaftar' panel: programmes, contribution rules with sources, what to bring, official channels",
  responses: { 200: json(z.object({ rules: z.record(z.string(), z.unknown()), guide: z.record(z.string(), z.unknown()) }), 'Facts with their sources') },
});

/** GET /api/info/registration — served from data files, not hard-coded prose. */
export function infoRoutes(info: { rules: Record<string, unknown>; guide: Record<string, unknown> }) {
  return createRouter().openapi(registration, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(info, 200);
  });
}
