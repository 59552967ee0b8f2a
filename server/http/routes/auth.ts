import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createRouter } from '../router.js';
import { ErrorBody, errors, json } from '../schemas.js';
import { actorOf, requireRole, SESSION_COOKIE } from '../auth.js';
import type { AuthService } from '../../services/auth.js';
import { UnauthorizedError } from '../../errors.js';
import { clientIp, requestIsHttps } from '../clientIp.js';
import { withRetryAfter } from '../retryAfter.js';

export const User = z.object({ id: z.number().int(), email: z.string(), role: z.enum(['admin', 'staff', 'planner']) }).openapi('User');

const Credentials = z.object({
  email: z.string({ error: 'email is required' }).min(3, 'email is required').max(254, 'email is too long'),
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(256, 'password is too long'),
});

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Log in; sets an HttpOnly session cookie',
  request: { body: { content: { 'application/json': { schema: Credentials } }, required: true } },
  responses: { 200: json(z.object({ user: User }), 'Logged in'), ...errors, 401: json(ErrorBody, 'Wrong email or password'), 429: json(ErrorBody, 'Too many failed attempts') },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Log out: revokes the session',
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Logged out') },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The logged-in user',
  responses: { 200: json(z.object({ user: User }), 'The user'), 401: json(ErrorBody, 'Not logged in') },
});

/** POST /api/users body (admin). */
export const NewUserBody = Credentials.extend({ role: z.enum(['admin', 'staff', 'planner'], { error: 'role must be one of: admin, staff, planner' }) });

const createUser = createRoute({
  method: 'post',
  path: '/users',
  tags: ['auth'],
  summary: 'Create a user (admin only)',
  middleware: [requireRole('admin')] as const,
  request: {
    body: {
      content: { 'application/json': { schema: NewUserBody } },
      required: true,
    },
  },
  responses: { 201: json(z.object({ user: User }), 'Created'), ...errors, 401: json(ErrorBody, 'Not logged in'), 403: json(ErrorBody, 'Not an admin'), 409: json(ErrorBody, 'Email taken') },
});

/** Login, logout, current user and user creation. */
export function authRoutes(auth: AuthService, opts: { secureCookies: boolean; trustProxy?: boolean }) {
  return createRouter()
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid('json');
      const { token, user, expiresAt } = await withRetryAfter(c, () => auth.login(email, password, clientIp(c, opts.trustProxy ?? false)));
      const secure = opts.secureCookies || requestIsHttps(c, opts.trustProxy ?? false);
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure, path: '/', expires: expiresAt });
      return c.json({ user }, 200);
    })
    .openapi(logout, (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) auth.logout(token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    })
    .openapi(me, (c) => {
      const user = c.get('user');
      if (!user) throw new UnauthorizedError('Not logged in.');
      return c.json({ user }, 200);
    })
    .openapi(createUser, async (c) => {
      const user = await auth.createUser(c.req.valid('json'), actorOf(c));
      return c.json({ user }, 201);
    });
}
