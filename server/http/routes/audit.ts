import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { errors, ErrorBody, json } from '../schemas.js';
import { idParam, intParam } from '../params.js';
import { requireRole } from '../auth.js';
import type { AuditService } from '../../services/audit.js';

export const AUDIT_ENTITIES = ['point', 'user', 'report', 'import', 'visit_outcome', 'quiz_question', 'event_interest'] as const;

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ description: 'ISO 8601 UTC' }),
    actor_id: z.number().int().nullable(),
    actor_email: z.string().openapi({ description: "the acting user's email ('system' or 'cli:…' for server-side tools)" }),
    action: z.string(),
    entity: z.string(),
    entity_id: z.number().int().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

const list = createRoute({
  method: 'get', path: '/audit', tags: ['admin'], middleware: [requireRole('admin')] as const,
  summary: 'The audit trail, newest first (admin). Page with before_id = the last id seen',
  request: {
    query: z.object({
      entity: z.enum(AUDIT_ENTITIES, { error: `entity must be one of ${AUDIT_ENTITIES.join(', ')}` }).optional(),
      entity_id: idParam('entity_id').optional(),
      before_id: idParam('before_id').optional(),
      limit: intParam('limit', 1, 1000, 100),
    }),
  },
  responses: { 200: json(z.object({ entries: z.array(AuditEntry) }), 'Entries'), ...errors, 401: json(ErrorBody, 'Not logged in'), 403: json(ErrorBody, 'Not an admin') },
});

/** GET /api/audit. */
export function auditRoutes(audit: AuditService) {
  return createRouter().openapi(list, (c) => {
    const q = c.req.valid('query');
    return c.json({ entries: audit.list({ entity: q.entity, entityId: q.entity_id, beforeId: q.before_id, limit: q.limit }) }, 200);
  });
}
