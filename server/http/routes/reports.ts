import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { errors, ErrorBody, json } from '../schemas.js';
import { idParam, intParam } from '../params.js';
import { actorOf, requireRole } from '../auth.js';
import { clientIp } from '../clientIp.js';
import { REPORT_REASONS, REPORT_STATUSES } from '../../storage/reports.js';
import { REPORT_COMMENT_MAX, type ReportService } from '../../services/reports.js';
import { withRetryAfter } from '../retryAfter.js';

export const Report = z
  .object({
    id: z.number().int(), point_id: z.number().int(), point_name: z.string(), point_status: z.string(),
    reason: z.enum(REPORT_REASONS), comment: z.string().nullable(), status: z.enum(REPORT_STATUSES), created_at: z.string(),
    handled_at: z.string().nullable(), handled_by: z.number().int().nullable(), handled_by_email: z.string().nullable(), handled_note: z.string().nullable(),
  })
  .openapi('PointReport');

const staffErrors = { ...errors, 401: json(ErrorBody, 'Not logged in'), 403: json(ErrorBody, 'Not staff'), 404: json(ErrorBody, 'Unknown report'), 409: json(ErrorBody, 'Already handled') };

/** POST /api/points/:id/reports body ("Info salah?"). */
export const NewReportBody = z.strictObject({
  reason: z.enum(REPORT_REASONS, { error: `reason must be one of ${REPORT_REASONS.join(', ')}` }),
  comment: z.string({ error: 'comment must be text' }).max(REPORT_COMMENT_MAX, `comment must be at most ${REPORT_COMMENT_MAX} characters`).nullable().optional(),
});

const file = createRoute({
  method: 'post', path: '/points/{id}/reports', tags: ['reports'],
  summary: '"Info salah?": report a problem with a point. Public, no personal data; 5 per 10 minutes per client',
  request: {
    params: z.object({ id: idParam() }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: NewReportBody,
        },
      },
    },
  },
  responses: {
    201: json(z.object({ report: z.object({ id: z.number().int(), point_id: z.number().int(), reason: z.string(), status: z.string() }) }), 'Filed'),
    ...errors, 404: json(ErrorBody, 'Unknown or retired point'), 429: json(ErrorBody, 'Too many reports from this client; see Retry-After'),
  },
});

const queue = createRoute({
  method: 'get', path: '/reports', tags: ['reports'], middleware: [requireRole('staff')] as const,
  summary: 'The report queue, newest first (staff)',
  request: {
    query: z.object({
      status: z.enum([...REPORT_STATUSES, 'all'], { error: `status must be one of ${[...REPORT_STATUSES, 'all'].join(', ')}` }).default('open'),
      limit: intParam('limit', 1, 1000, 200),
    }),
  },
  responses: { 200: json(z.object({ reports: z.array(Report) }), 'Reports'), ...staffErrors },
});

const handleRoute = (outcome: 'resolve' | 'dismiss') =>
  createRoute({
    method: 'post', path: `/reports/{id}/${outcome}`, tags: ['reports'], middleware: [requireRole('staff')] as const,
    summary: outcome === 'resolve' ? 'Mark a report resolved (the point was fixed); audited' : 'Dismiss a report (nothing wrong); audited',
    request: {
      params: z.object({ id: idParam() }),
      body: {
        required: false,
        content: { 'application/json': { schema: z.strictObject({ note: z.string({ error: 'note must be text' }).max(500, 'note must be at most 500 characters').optional() }) } },
      },
    },
    responses: { 200: json(z.object({ report: Report }), 'Handled'), ...staffErrors },
  });


/** Public problem reports and the staff queue. */
export function reportRoutes(reports: ReportService, opts: { trustProxy: boolean }) {
  return createRouter()
    .openapi(file, (c) => {
      const body = c.req.valid('json');
      const r = withRetryAfter(c, () => reports.file(c.req.valid('param').id, body, clientIp(c, opts.trustProxy)));
      // Echo only what the reporter needs: the queue details are for staff.
      return c.json({ report: { id: r.id, point_id: r.point_id, reason: r.reason, status: r.status } }, 201);
    })
    .openapi(queue, (c) => {
      const q = c.req.valid('query');
      return c.json({ reports: reports.list(q.status === 'all' ? undefined : q.status, q.limit) }, 200);
    })
    .openapi(handleRoute('resolve'), (c) => c.json({ report: reports.handle(actorOf(c), c.req.valid('param').id, 'resolved', c.req.valid('json')?.note ?? null) }, 200))
    .openapi(handleRoute('dismiss'), (c) => c.json({ report: reports.handle(actorOf(c), c.req.valid('param').id, 'dismissed', c.req.valid('json')?.note ?? null) }, 200));
}
