import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { ErrorBody, errors, json } from '../schemas.js';
import { numberParam } from '../params.js';
import { dateParam } from '../visitParams.js';
import { requireRole } from '../auth.js';
import { ValidationError } from '../../errors.js';
import type { PlanService } from '../../services/plans.js';

const day = createRoute({
  method: 'get',
  path: '/plans/day',
  tags: ['plans'],
  summary: "A team's visits on one WITA date in a feasible order, with estimated legs on hill roads (planner/admin)",
  description:
    'times=fixed (default) keeps booked times and orders by start; times=flexible ignores them and orders by nearest ' +
    'neighbour + 2-opt/Or-opt from the start. `model` states the travel assumptions (circuity, speed, overhead).',
  middleware: [requireRole('planner')] as const,
  request: {
    query: z.object({
      date: dateParam('date', true),
      team: z.string({ error: 'team is required: the team name used on visits, e.g. Tim A' }).trim().min(1, 'team must not be empty').max(80, 'team is longer than 80 characters'),
      start_lat: numberParam('start_lat', -90, 90).optional(),
      start_lng: numberParam('start_lng', -180, 180).optional(),
      times: z.enum(['fixed', 'flexible'], { error: "times must be 'fixed' or 'flexible'" }).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({
        date: z.string(),
        team: z.string(),
        start: z.tuple([z.number(), z.number()]).nullable(),
        times: z.string(),
        stops: z.array(z.record(z.string(), z.unknown())).openapi({ description: 'order, visit_id, series_id, point_id, point_name, position [lng,lat], title, activities, status, window {start,end}, fixed' }),
        legs: z.array(z.object({ from_id: z.string(), to_id: z.string(), distance_m: z.number(), road_distance_m: z.number(), duration_min: z.number() })),
        totals: z.object({ visits: z.number(), distance_m: z.number(), road_distance_m: z.number(), duration_min: z.number() }),
        model: z.record(z.string(), z.unknown()).openapi({ description: 'distance, circuity, speed_kmh, stop_overhead_min, …' }),
        warnings: z.array(z.record(z.string(), z.unknown())),
      }),
      'The day plan',
    ),
    ...errors,
    401: json(ErrorBody, 'Not logged in'),
    403: json(ErrorBody, 'Not a planner or admin'),
  },
});

/** GET /api/plans/day (planner/admin). */
export function planRoutes(plans: PlanService) {
  return createRouter().openapi(day, (c) => {
    const q = c.req.valid('query');
    if ((q.start_lat === undefined) !== (q.start_lng === undefined)) {
      throw new ValidationError(q.start_lat === undefined ? 'start_lat' : 'start_lng', 'Give both start_lat and start_lng, or neither', { code: 'start_incomplete' });
    }
    const start = q.start_lat !== undefined ? ([q.start_lng!, q.start_lat] as [number, number]) : undefined;
    return c.json(plans.planDay({ date: q.date!, team: q.team, start, times: q.times ?? 'fixed' }) as never, 200);
  });
}
