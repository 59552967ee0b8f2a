import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { CodedWarning, ErrorBody, errors, json } from '../schemas.js';
import { ACTIVITIES } from '../../domain/schedule/types.js';
import { numberParam } from '../params.js';
import { dateParam } from '../visitParams.js';
import { requireRole } from '../auth.js';
import { ValidationError } from '../../errors.js';
import type { PlanService } from '../../services/plans.js';

const LngLat = z.tuple([z.number(), z.number()]).openapi({ description: '[lng, lat]' });

/** One stop of the day, in visiting order. */
export const DayPlanStop = z
  .object({
    order: z.number().int(),
    visit_id: z.string(),
    series_id: z.string().nullable(),
    point_id: z.number().int(),
    point_name: z.string().nullable(),
    position: LngLat,
    title: z.string(),
    activities: z.array(z.enum(ACTIVITIES)),
    status: z.enum(['scheduled', 'cancelled', 'draft']),
    window: z.object({ start: z.string(), end: z.string() }).openapi({ description: 'the booked time (WITA, +08:00)' }),
    fixed: z.boolean().openapi({ description: "the order had to respect this visit's time" }),
  })
  .openapi('DayPlanStop');

/** One leg; from_id is 'start' for the leg from the start position. Metres and minutes. */
export const DayPlanLeg = z
  .object({ from_id: z.string(), to_id: z.string(), distance_m: z.number(), road_distance_m: z.number(), duration_min: z.number() })
  .openapi('DayPlanLeg');

export const DayPlan = z
  .object({
    date: z.string(),
    team: z.string(),
    start: LngLat.nullable(),
    times: z.enum(['fixed', 'flexible']),
    stops: z.array(DayPlanStop),
    legs: z.array(DayPlanLeg),
    totals: z.object({ visits: z.number(), distance_m: z.number(), road_distance_m: z.number(), duration_min: z.number() }),
    model: z
      .object({
        distance: z.string(), circuity: z.number(), road_distance: z.string(), speed_kmh: z.number(),
        stop_overhead_min: z.number(), duration: z.string(), note: z.string(),
      })
      .openapi({ description: 'the travel assumptions' }),
    warnings: z.array(CodedWarning.extend({
      occurrence_id: z.string().optional(),
      other_id: z.string().optional(),
      from_id: z.string().optional().openapi({ description: 'tight_transfer: the visit the team leaves' }),
      to_id: z.string().optional().openapi({ description: 'tight_transfer: the visit it travels to' }),
    })),
  })
  .openapi('DayPlan');

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
    200: json(DayPlan, 'The day plan'),
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
    return c.json(plans.planDay({ date: q.date!, team: q.team, start, times: q.times ?? 'fixed' }), 200);
  });
}
