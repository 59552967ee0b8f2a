import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { errors, json } from '../schemas.js';
import { intParam, numberParam } from '../params.js';
import { codeParam } from '../visitParams.js';
import type { OptionsService } from '../../services/options.js';
import { WAIT_PENALTY_M_PER_DAY } from '../../domain/registration/rank.js';

const Option = z
  .object({
    kind: z.enum(['visit', 'point', 'online']),
    visit_id: z.string().optional().openapi({ description: 'visit: occurrence id (v7, s3:2026-12-07)' }),
    point_id: z.number().int().optional(),
    name: z.string().optional().openapi({ description: "visit, point: the venue's name" }),
    distance_m: z.number().optional().openapi({ description: 'visit, point: great-circle metres from `from`' }),
    starts_at: z.string().optional().openapi({ description: 'visit: ISO 8601 with +08:00' }),
    ends_at: z.string().optional(),
    activities: z.array(z.string()).optional().openapi({ description: 'visit: always includes pendaftaran' }),
    services: z.array(z.string()).optional().openapi({ description: 'point: always includes registration' }),
    open_now: z.boolean().nullable().optional().openapi({ description: 'point: null when its hours are unknown' }),
    village_code: z.string().nullable().optional().openapi({ description: "visit, point: the venue's village" }),
    position: z.tuple([z.number(), z.number()]).optional().openapi({ description: 'visit, point: [lng, lat]' }),
    channel: z.string().optional().openapi({ description: 'online: jmo, web' }),
    url: z.string().optional(),
    requirements: z.array(z.string()).optional().openapi({ description: 'online: what to have ready, in Indonesian' }),
    requirement_ids: z.array(z.string()).optional().openapi({ description: 'online: nik, email, phone' }),
  })
  .openapi('RegistrationOption');

const OptionsResponse = z
  .object({
    from: z.object({ lat: z.number(), lng: z.number(), village_code: z.string().nullable() }),
    options: z.array(Option),
  })
  .openapi('RegistrationOptions');

const options = createRoute({
  method: 'get',
  path: '/options',
  tags: ['points'],
  summary: 'Where can I register? Registration visits and points near a position, best first, then the online channels',
  description:
    'Visits: scheduled, public, not ended, starting within `days`, with activity pendaftaran, within `max_km`. Points: active, ' +
    'offering registration, within `max_km`. Both are ordered by effective cost = distance_m + ' +
    `${WAIT_PENALTY_M_PER_DAY} m per day until the visit starts (0 for points and for visits under way); ties go to what is usable now, ` +
    'then the nearer place. At most `limit` visits and points; the official online channels follow, always.',
  request: {
    query: z.object({
      lat: numberParam('lat', -90, 90),
      lng: numberParam('lng', -180, 180),
      village_code: codeParam('village_code').openapi({ description: "the asker's village; located from lat/lng when absent" }),
      limit: intParam('limit', 1, 50, 10),
      days: intParam('days', 0, 365, 60),
      max_km: numberParam('max_km', 0, 100).optional().openapi({ description: 'km, default 25' }),
    }),
  },
  responses: { 200: json(OptionsResponse, 'The options, best first; online channels last'), ...errors },
});

/** Default search radius, km: Bangli is about 40 km end to end. */
export const DEFAULT_OPTIONS_MAX_KM = 25;

/** GET /api/options */
export function optionRoutes(service: OptionsService) {
  return createRouter().openapi(options, (c) => {
    const q = c.req.valid('query');
    return c.json(service.options({ ...q, max_km: q.max_km ?? DEFAULT_OPTIONS_MAX_KM }), 200);
  });
}
