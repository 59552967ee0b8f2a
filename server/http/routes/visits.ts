import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../router.js';
import { CodedWarning, ErrorBody, errors, json, jsonBody } from '../schemas.js';
import { bboxParam, idParam, intParam, numberParam } from '../params.js';
import { codeParam, dateParam, flagParam, nearParam } from '../visitParams.js';
import { actorOf, requireRole } from '../auth.js';
import type { AppEnv } from '../env.js';
import { ACTIVITIES, VISIT_STATUSES } from '../../domain/schedule/types.js';
import { MAX_WARNINGS, type VisitCreateInput, type VisitPatch, type VisitService } from '../../services/visits.js';
import type { VersionService } from '../../services/versions.js';
import type { IdempotencyService } from '../../services/idempotency.js';
import { etagHeaders, IdempotencyKeyHeader, IfMatchHeader, idempotentResponse, ifMatchOf } from '../preconditions.js';

const Activity = z.enum(ACTIVITIES, { error: `activities must be a list of: ${ACTIVITIES.join(', ')}` });
const instant = (field: string) =>
  z.string({ error: `${field} is required: an ISO 8601 date-time with offset, e.g. 2026-12-01T09:00:00+08:00` }).max(40, `${field} is too long`)
    .openapi({ example: field === 'starts_at' ? '2026-12-01T09:00:00+08:00' : '2026-12-01T11:00:00+08:00' });
const text = (field: string, max: number) => z.string({ error: `${field} must be text` }).max(max, `${field} is longer than ${max} characters`);

const VisitFields = {
  point_id: z.number({ error: 'point_id is required: the id of the service point (see GET /api/points)' }).int('point_id must be a whole number').positive('point_id must be positive'),
  title: text('title', 200).openapi({ example: 'Pendaftaran di pasar' }),
  activities: z.array(Activity, { error: `activities must be a list of: ${ACTIVITIES.join(', ')}` }).min(1, 'activities must list at least one activity').max(ACTIVITIES.length),
  starts_at: instant('starts_at'),
  ends_at: instant('ends_at'),
  team: text('team', 80).nullable().optional(),
  capacity: z.number({ error: 'capacity must be a whole number of people' }).int('capacity must be a whole number').min(1, 'capacity must be at least 1').max(100000).nullable().optional(),
  notes: text('notes', 2000).nullable().optional(),
};

const Repeat = z
  .strictObject({
    on_market_days: z.literal(true, { error: 'repeat.on_market_days must be true: series follow the point\'s market days' }),
    until: z.string({ error: 'repeat.until is required: the last date, YYYY-MM-DD' }).max(10, 'repeat.until must be YYYY-MM-DD'),
  })
  .openapi({ example: { on_market_days: true, until: '2027-02-28' } });

export const CreateBody = z
  .strictObject({
    ...VisitFields,
    status: z.enum(['scheduled', 'draft'], { error: "status must be 'scheduled' (published) or 'draft'" }).optional(),
    repeat: Repeat.optional(),
  })
  .openapi('VisitCreate');

export const PatchBody = z
  .strictObject({
    point_id: VisitFields.point_id.optional(),
    title: VisitFields.title.optional(),
    activities: VisitFields.activities.optional(),
    starts_at: VisitFields.starts_at.optional(),
    ends_at: VisitFields.ends_at.optional(),
    team: VisitFields.team,
    capacity: VisitFields.capacity,
    notes: VisitFields.notes,
    status: z.enum(['scheduled', 'draft', 'cancelled'], { error: "status must be 'scheduled', 'draft' or 'cancelled'" }).optional(),
    repeat: Repeat.partial({ on_market_days: true }).optional(),
  })
  .openapi('VisitPatch');

export const Warning = CodedWarning.extend({ occurrence_id: z.string().optional(), other_id: z.string().optional() }).openapi('VisitWarning');

export const Visit = z
  .object({
    id: z.string().openapi({ description: 'v7 (visit), s12 (series) or s12:2024-07-04 (occurrence of series 12 on its original WITA date)' }),
    series_id: z.string().nullable(),
    point_id: z.number().int(),
    point_name: z.string().nullable(),
    position: z.tuple([z.number(), z.number()]).nullable().openapi({ description: '[lng, lat] of the point' }),
    village_code: z.string().nullable(),
    starts_at: z.string().openapi({ example: '2026-12-03T09:00:00+08:00' }),
    ends_at: z.string().openapi({ example: '2026-12-03T11:00:00+08:00' }),
    title: z.string(),
    activities: z.array(z.enum(ACTIVITIES)),
    status: z.enum(VISIT_STATUSES).openapi({ description: 'scheduled, draft (planners only) or cancelled' }),
    overridden: z.boolean().openapi({ description: 'this occurrence was changed on its own' }),
    team: z.string().nullable().optional().openapi({ description: 'planner/admin only' }),
    capacity: z.number().nullable().optional().openapi({ description: 'planner/admin only' }),
    notes: z.string().nullable().optional().openapi({ description: 'planner/admin only' }),
    distance_m: z.number().optional().openapi({ description: 'with near: metres from the place to the point' }),
  })
  .openapi('VisitOccurrence');

export const VisitRecord = Visit.extend({
  kind: z.enum(['visit', 'series', 'occurrence']),
  repeat: Repeat.optional(),
  market_days: z.record(z.string(), z.array(z.string())).optional(),
  occurrences: z.array(z.object({ id: z.string(), starts_at: z.string(), ends_at: z.string(), status: z.string(), overridden: z.boolean() })).optional()
    .openapi({ description: 'series only: every occurrence through until, cancelled ones included' }),
}).openapi('VisitRecord');

export const VisitResult = VisitRecord.extend({
  warnings: z.array(Warning).openapi({ description: `conflicts, at most ${MAX_WARNINGS} (the first ones, by occurrence)` }),
  warnings_total: z.number().int().openapi({ description: 'how many conflicts there were in all' }),
}).openapi('VisitResult');

const IdParam = z.object({
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: 's12:2026-12-03' }),
});

const stale = { 412: json(ErrorBody, 'If-Match names an older version: precondition_failed, params.current_etag') };
const denied = { 401: json(ErrorBody, 'Not logged in'), 403: json(ErrorBody, 'Not a planner or admin'), 404: json(ErrorBody, 'Unknown id') };

const list = createRoute({
  method: 'get',
  path: '/visits',
  tags: ['visits'],
  summary: 'Visit occurrences (series expanded) in a WITA date range, sorted by start; default today for 60 days, at most 400 days',
  description: 'Public. team, capacity and notes, and draft visits, only for planners and admins.',
  request: {
    query: z.object({
      from: dateParam('from'),
      to: dateParam('to'),
      point_id: idParam('point_id').optional(),
      bbox: bboxParam().optional(),
      near: nearParam(),
      max_km: numberParam('max_km', 0, 20000).optional().openapi({ description: 'with near: only points within this many km' }),
      village_code: codeParam('village_code'),
      district_code: codeParam('district_code'),
      limit: intParam('limit', 1, 2000, 500),
      include_cancelled: flagParam('include_cancelled'),
    }),
  },
  responses: {
    200: json(z.object({ visits: z.array(Visit), from: z.string(), to: z.string(), truncated: z.boolean() }), 'Occurrences sorted by start'),
    ...errors,
  },
});

const feed = createRoute({
  method: 'get',
  path: '/visits.ics',
  tags: ['visits'],
  summary: 'iCalendar (RFC 5545) feed of published visits: series as RRULE + EXDATE, TZID Asia/Makassar',
  request: { query: z.object({ point_id: idParam('point_id').optional(), village_code: codeParam('village_code'), district_code: codeParam('district_code') }) },
  responses: { 200: { content: { 'text/calendar': { schema: z.string() } }, description: 'text/calendar; charset=utf-8' }, ...errors },
});

const oneIcs = createRoute({
  method: 'get',
  path: '/visits/{id}.ics',
  tags: ['visits'],
  summary: 'One published visit, series or occurrence as an .ics file ("Tambahkan ke kalender")',
  request: { params: IdParam },
  responses: { 200: { content: { 'text/calendar': { schema: z.string() } }, description: 'text/calendar; charset=utf-8' }, ...errors, 404: json(ErrorBody, 'Unknown or unpublished') },
});

const one = createRoute({
  method: 'get',
  path: '/visits/{id}',
  tags: ['visits'],
  summary: 'One visit (v7), series with its occurrences (s12) or occurrence (s12:2026-12-03)',
  request: { params: IdParam },
  responses: {
    200: { ...json(VisitRecord, 'The visit'), headers: { ETag: { schema: { type: 'string' }, description: 'The version of this visit, series or occurrence, for If-Match' } } },
    ...errors,
    404: json(ErrorBody, 'Unknown id, or a draft for the public'),
  },
});

const create = createRoute({
  method: 'post',
  path: '/visits',
  tags: ['visits'],
  summary: "Plan a visit, or with repeat a series on the point's market days through until (planner/admin)",
  middleware: [requireRole('planner')] as const,
  request: { headers: IdempotencyKeyHeader, ...jsonBody(CreateBody) },
  responses: {
    201: json(VisitResult, 'Created; warnings list conflicts (team overlap, opening window, non-market day, closed dates)'),
    ...errors,
    ...denied,
    422: json(ErrorBody, 'idempotency_key_reused: the key was used for another body'),
  },
});

const patch = createRoute({
  method: 'patch',
  path: '/visits/{id}',
  tags: ['visits'],
  summary: 'Change a visit, a whole series, or one occurrence of a series (stored as an exception) (planner/admin)',
  middleware: [requireRole('planner')] as const,
  request: { params: IdParam, headers: IfMatchHeader, ...jsonBody(PatchBody) },
  responses: { 200: json(VisitResult, 'Changed, with warnings'), ...errors, ...denied, ...stale },
});

const remove = createRoute({
  method: 'delete',
  path: '/visits/{id}',
  tags: ['visits'],
  summary: 'Cancel a visit, a series, or one occurrence; PATCH status back to restore it (planner/admin)',
  middleware: [requireRole('planner')] as const,
  request: { params: IdParam, headers: IfMatchHeader },
  responses: { 200: json(VisitResult, 'Cancelled'), ...errors, ...denied, ...stale },
});

function canSeeDetails(c: Context<AppEnv>): boolean {
  const role = c.get('user')?.role;
  return role === 'planner' || role === 'admin';
}

function calendarResponse(c: Context<AppEnv>, body: string, filename: string) {
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `inline; filename="${filename}"`,
    'Cache-Control': 'no-cache',
  });
}

/** /api/visits: public listing and calendar feeds; planner/admin writes. */
export function visitRoutes(visits: VisitService, versions: VersionService, idempotency: IdempotencyService) {
  const withEtag = (id: string) => etagHeaders(versions.visitEtag(id));
  const router = createRouter();
  // Hono cannot put a suffix after a :param in createRoute's path, so the per-visit .ics route is a
  // plain route with a regex, registered before /visits/{id}, and documented through the registry.
  router.get('/visits/:file{[^/]+\\.ics}', (c) => {
    const id = c.req.param('file').slice(0, -'.ics'.length);
    return calendarResponse(c, visits.icsOne(id), `jangkau-${id.replace(':', '-')}.ics`);
  });
  router.openAPIRegistry.registerPath(oneIcs);
  return router
    .openapi(feed, (c) => calendarResponse(c, visits.icsFeed(c.req.valid('query')), 'jangkau-kunjungan.ics') as never)
    .openapi(list, (c) => c.json(visits.list(c.req.valid('query') as never, canSeeDetails(c)), 200))
    .openapi(one, (c) => {
      const { id } = c.req.valid('param');
      return c.json(visits.get(id, canSeeDetails(c)) as never, 200, withEtag(id));
    })
    .openapi(create, (c) => {
      const body = c.req.valid('json') as VisitCreateInput;
      const actor = actorOf(c);
      const userId = actor.id;
      const answer = idempotency.run(userId, c.req.valid('header')['idempotency-key'], { method: 'POST', path: '/api/visits', body }, () => ({ status: 201, body: visits.create(body, actor) }));
      return idempotentResponse(c, answer, (b) => versions.visitEtag((b as { id: string }).id)) as never;
    })
    .openapi(patch, (c) => {
      const { id } = c.req.valid('param');
      return c.json(visits.update(id, c.req.valid('json') as VisitPatch, actorOf(c), ifMatchOf(c)) as never, 200, withEtag(id));
    })
    .openapi(remove, (c) => {
      const { id } = c.req.valid('param');
      return c.json(visits.cancel(id, actorOf(c), ifMatchOf(c)) as never, 200, withEtag(id));
    });
}
