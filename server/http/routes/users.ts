import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { errors, ErrorBody, json } from '../schemas.js';
import { idParam } from '../params.js';
import { actorOf, requireRole } from '../auth.js';
import type { AuthService } from '../../services/auth.js';
import { ROLES } from '../../storage/users.js';
import { ValidationError } from '../../errors.js';

const UserSummary = z
  .object({ id: z.number().int(), email: z.string(), role: z.enum(ROLES as ['admin', 'staff', 'planner']), disabled: z.boolean(), created_at: z.string(), updated_at: z.string() })
  .openapi('UserSummary');

const adminErrors = { ...errors, 401: json(ErrorBody, 'Not logged in'), 403: json(ErrorBody, 'Not an admin'), 404: json(ErrorBody, 'Unknown user'), 409: json(ErrorBody, 'Would lock out the last admin or yourself') };

const list = createRoute({
  method: 'get', path: '/users', tags: ['auth'], middleware: [requireRole('admin')] as const,
  summary: 'Every user (admin)',
  responses: { 200: json(z.object({ users: z.array(UserSummary) }), 'Users'), ...adminErrors },
});

const update = createRoute({
  method: 'patch', path: '/users/{id}', tags: ['auth'], middleware: [requireRole('admin')] as const,
  summary: "Change a user's role or disable them (admin); disabling revokes their sessions",
  request: {
    params: z.object({ id: idParam() }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            role: z.enum(ROLES as ['admin', 'staff', 'planner'], { error: `role must be one of ${ROLES.join(', ')}` }).optional(),
            disabled: z.boolean({ error: 'disabled must be true or false' }).optional(),
          }),
        },
      },
    },
  },
  responses: { 200: json(z.object({ user: UserSummary }), 'Updated'), ...adminErrors },
});

/** Admin user management (creation stays in routes/auth.ts as POST /api/users). */
export function userRoutes(auth: AuthService) {
  return createRouter()
    .openapi(list, (c) => c.json({ users: auth.listUsers() }, 200))
    .openapi(update, (c) => {
      const patch = c.req.valid('json');
      if (patch.role === undefined && patch.disabled === undefined) throw new ValidationError('body', 'Send role and/or disabled, e.g. {"disabled":true}');
      return c.json({ user: auth.updateUser(actorOf(c), c.req.valid('param').id, patch) }, 200);
    });
}
