import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { CodedWarning, errors, ErrorBody, json, PointCollection, PointFeature, jsonBody } from '../schemas.js';
import { idParam, intParam } from '../params.js';
import { actorOf, requireRole } from '../auth.js';
import type { PointEditService } from '../../services/points.js';
import { ACCURACIES, POINT_TYPES, SERVICES } from '../../domain/points/vocabulary.js';
import { EDITABLE_STATUSES, NAME_MAX, NAME_MIN } from '../../domain/points/validate.js';
import { STAFF_FILTERS } from '../../storage/staffPoints.js';
import { AuditEntry } from './audit.js';
import type { VersionService } from '../../services/versions.js';
import type { IdempotencyService } from '../../services/idempotency.js';
import { etagHeaders, IdempotencyKeyHeader, IfMatchHeader, idempotentResponse, ifMatchOf } from '../preconditions.js';
import { STAFF_VERIFY_METHODS } from '../../services/pointVerify.js';

/**
 * Documents the write body. Each field is typed `unknown` for zod so the domain validator
 * (server/domain/points/validate.ts) answers with its field-by-field messages, shared with the import.
 */
const doc = (o: Record<string, unknown>) => z.unknown().openapi(o);
const PointWrite = z
  .object({
    name: doc({ type: 'string', minLength: NAME_MIN, maxLength: NAME_MAX }),
    type: doc({ type: 'string', enum: [...POINT_TYPES] }),
    lat: doc({ type: 'number', minimum: -90, maximum: 90, description: 'inside the service region' }),
    lng: doc({ type: 'number', minimum: -180, maximum: 180 }),
    services: doc({ type: 'array', items: { type: 'string', enum: [...SERVICES] } }),
    opening_hours: doc({ type: ['object', 'null'], description: '{"mon":[{"opens":"08:00","closes":"15:00"}],…}; a missing day is closed; null = unknown' }),
    phone: doc({ type: ['string', 'null'], description: 'Indonesian number, e.g. (0366) 91234 or 0812-3456-7890; stored as +62…' }),
    whatsapp: doc({ type: ['string', 'null'], description: 'Indonesian mobile number (+628… or 08…)' }),
    address: doc({ type: ['string', 'null'], maxLength: 300 }),
    accuracy: doc({ type: 'string', enum: [...ACCURACIES] }),
    location_note: doc({ type: ['string', 'null'], maxLength: 500, description: 'why the position is approximate' }),
    status: doc({ type: 'string', enum: [...EDITABLE_STATUSES], description: 'retire with DELETE' }),
    external_id: doc({ type: ['string', 'null'], maxLength: 100 }),
    notes: doc({ type: ['string', 'null'], maxLength: 2000 }),
    market_days: doc({ type: ['object', 'null'], description: 'market-day rule, e.g. {"triwara":["Pasah"]}' }),
    opens: doc({ type: ['string', 'null'], description: "'HH:MM' WITA market window start" }),
    closes: doc({ type: ['string', 'null'], description: "'HH:MM' WITA market window end" }),
  })
  .partial()
  .catchall(z.unknown())
  .openapi('PointWrite', { example: { name: 'Balai Banjar Contoh', type: 'community_hall', lat: -8.45, lng: 115.35 } });

const coord = (field: string, min: number, max: number) =>
  z.number({ error: `${field} must be a number between ${min} and ${max}` }).min(min, `${field} must be at least ${min}`).max(max, `${field} must be at most ${max}`).optional();
export const VerifyBody = z
  .strictObject({
    method: z.enum(STAFF_VERIFY_METHODS, { error: `method must be one of ${STAFF_VERIFY_METHODS.join(', ')}` }),
    lat: coord('lat', -90, 90),
    lng: coord('lng', -180, 180),
    accuracy_m: z.number({ error: 'accuracy_m must be the GPS fix radius in metres' }).min(0, 'accuracy_m must be at least 0').max(100000, 'accuracy_m must be at most 100000').optional(),
  })
  .openapi('VerifyPoint', { example: { method: 'gps', lat: -8.4512, lng: 115.3541, accuracy_m: 12 } });

export const DuplicateWarning = CodedWarning.extend({
  code: z.literal('possible_duplicate'),
  params: z.object({ point_id: z.number().int(), name: z.string(), distance_m: z.number() }),
  point_id: z.number().int(),
  distance_m: z.number(),
});
export const Written = PointFeature.extend({ warnings: z.array(DuplicateWarning) }).openapi('WrittenPointFeature');

const authErrors = {
  ...errors,
  401: json(ErrorBody, 'Not logged in'),
  403: json(ErrorBody, 'Not staff, or a cross-site request'),
  404: json(ErrorBody, 'Unknown point'),
  409: json(ErrorBody, 'Conflicts with the current state (retired, external_id taken…)'),
};
const writeErrors = { ...authErrors, 412: json(ErrorBody, 'If-Match names an older version: precondition_failed, params.current_etag') };
const etagHeader = { ETag: { schema: { type: 'string' as const }, description: 'The version of the point, for If-Match' } };
const idPath = { params: z.object({ id: idParam() }) };

const create = createRoute({
  method: 'post', path: '/points', tags: ['staff'], middleware: [requireRole('staff')] as const,
  summary: 'Create a service point (staff). village_code is derived; a same-type point within 50 m gives a warning',
  request: { headers: IdempotencyKeyHeader, ...jsonBody(PointWrite) },
  responses: { 201: json(Written, 'Created, with warnings'), ...authErrors, 422: json(ErrorBody, 'idempotency_key_reused: the key was used for another body') },
});
const update = createRoute({
  method: 'patch', path: '/points/{id}', tags: ['staff'], middleware: [requireRole('staff')] as const,
  summary: 'Change some fields of a point (staff)',
  request: { ...idPath, headers: IfMatchHeader, ...jsonBody(PointWrite) },
  responses: { 200: json(Written, 'Updated, with warnings'), ...writeErrors },
});
const retire = createRoute({
  method: 'delete', path: '/points/{id}', tags: ['staff'], middleware: [requireRole('staff')] as const,
  summary: 'Retire a point: hidden from the public, kept with its history, restorable',
  request: { ...idPath, headers: IfMatchHeader },
  responses: { 200: json(Written, 'Retired'), ...writeErrors },
});
const restore = createRoute({
  method: 'post', path: '/points/{id}/restore', tags: ['staff'], middleware: [requireRole('staff')] as const,
  summary: 'Restore a retired point (as active)',
  request: { ...idPath, headers: IfMatchHeader },
  responses: { 200: json(Written, 'Restored'), ...writeErrors },
});
const verify = createRoute({
  method: 'post', path: '/points/{id}/verify', tags: ['staff'], middleware: [requireRole('staff')] as const,
  summary: 'Record a check: gps (lat, lng, accuracy_m ≤ 50) or pin_on_tiles (lat, lng; needs TILE_URL) move the pin and make it exact; office_confirmed renews verified_until only',
  description: 'Sets verification {method, at, by, accuracy_m}, verified_at and verified_until (12 months later). 422 naming accuracy_m for a fix over 50 m, method for pin_on_tiles without street tiles.',
  request: {
    ...idPath,
    headers: IfMatchHeader,
    ...jsonBody(VerifyBody),
  },
  responses: { 200: json(Written, 'Verified'), ...writeErrors, 422: json(ErrorBody, 'The check proves too little (accuracy_m over 50, no street map, a field the method does not take)') },
});
const history = createRoute({
  method: 'get', path: '/points/{id}/history', tags: ['staff'], middleware: [requireRole('staff')] as const,
  summary: "A point's audit entries, newest first (staff)",
  request: idPath,
  responses: { 200: json(z.object({ entries: z.array(AuditEntry) }), 'History'), ...authErrors },
});
const staffList = createRoute({
  method: 'get', path: '/staff/points', tags: ['staff'], middleware: [requireRole('staff')] as const,
  summary: 'Points for the staff workspace, retired included; stale = not verified for 6 months',
  request: {
    query: z.object({
      filter: z.enum(STAFF_FILTERS, { error: `filter must be one of ${STAFF_FILTERS.join(', ')}` }).default('all'),
      q: z.string({ error: 'q must be given once' }).max(100, 'q must be at most 100 characters').optional(),
      limit: intParam('limit', 1, 1000, 200),
      offset: intParam('offset', 0, 1_000_000, 0),
    }),
  },
  responses: { 200: json(PointCollection.extend({ total: z.number().int() }), 'Matching points (with stale) and the total'), ...authErrors },
});
const staffOne = createRoute({
  method: 'get', path: '/staff/points/{id}', tags: ['staff'], middleware: [requireRole('staff')] as const,
  summary: 'One point as staff see it, retired included',
  request: idPath,
  responses: { 200: { ...json(PointFeature, 'The point'), headers: etagHeader }, ...authErrors },
});

/** Staff edits of service points, their history and the workspace list. */
export function pointEditRoutes(edits: PointEditService, versions: VersionService, idempotency: IdempotencyService) {
  // Every write answers with the point's new ETag, so a form can keep editing without reading it again.
  const withEtag = (id: number) => etagHeaders(versions.pointEtag(id));
  return createRouter()
    .openapi(create, (c) => {
      const body = c.req.valid('json');
      const user = actorOf(c);
      const answer = idempotency.run(user.id, c.req.valid('header')['idempotency-key'], { method: 'POST', path: '/api/points', body }, () => ({ status: 201, body: edits.create(user, body) }));
      return idempotentResponse(c, answer, (b) => versions.pointEtag((b as { id: number }).id)) as never;
    })
    .openapi(update, (c) => {
      const { id } = c.req.valid('param');
      return c.json(edits.update(actorOf(c), id, c.req.valid('json'), ifMatchOf(c)), 200, withEtag(id));
    })
    .openapi(retire, (c) => {
      const { id } = c.req.valid('param');
      return c.json(edits.retire(actorOf(c), id, ifMatchOf(c)), 200, withEtag(id));
    })
    .openapi(restore, (c) => {
      const { id } = c.req.valid('param');
      return c.json(edits.restore(actorOf(c), id, ifMatchOf(c)), 200, withEtag(id));
    })
    .openapi(verify, (c) => {
      const { id } = c.req.valid('param');
      return c.json(edits.verify(actorOf(c), id, c.req.valid('json'), ifMatchOf(c)), 200, withEtag(id));
    })
    .openapi(history, (c) => c.json({ entries: edits.history(c.req.valid('param').id) }, 200))
    .openapi(staffList, (c) => c.json(edits.staffList(c.req.valid('query')), 200))
    .openapi(staffOne, (c) => {
      const { id } = c.req.valid('param');
      return c.json(edits.getForStaff(id), 200, withEtag(id));
    });
}
