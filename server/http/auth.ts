import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AuthService } from '../services/auth.js';
import type { Role } from '../storage/users.js';
import { ForbiddenError, HttpError, UnauthorizedError } from '../errors.js';
import type { AppEnv } from './env.js';

export const SESSION_COOKIE = 'jangkau_session';

/** Reads the session cookie, if any, and sets `c.var.user`. Never rejects: routes decide. */
export function sessionMiddleware(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async function loadSession(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 128) {
      const user = auth.userForToken(token);
      if (user) c.set('user', user);
    }
    await next();
  };
}

/**
 * Allows the request only for a logged-in user with one of `roles` (admin is always allowed).
 * Anonymous → 401, wrong role → 403, both as JSON.
 */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async function checkRole(c, next) {
    const user = c.get('user');
    if (!user) throw new UnauthorizedError();
    if (user.role !== 'admin' && !roles.includes(user.role)) {
      throw new ForbiddenError(`This needs the ${roles.join(' or ')} role; you are ${user.role}.`, { code: 'role_required', params: { roles: [...roles], role: user.role } });
    }
    await next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request protection for cookie-authenticated writes. hono/csrf only inspects form-like
 * content types, so a cross-site JSON POST would slip through; here every unsafe request must
 * (1) come from our own origin per Origin / Sec-Fetch-Site, and (2) not be a form encoding a browser
 * can send cross-site without a preflight. Requests without cookies (e.g. curl with no session) are
 * not cross-site attacks and pass to the route, which then answers 401 if it needs a login.
 */
export function csrfGuard(): MiddlewareHandler<AppEnv> {
  return async function rejectCrossSite(c, next) {
    if (UNSAFE.has(c.req.method) && c.req.header('cookie')) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const selfOrigin = new URL(c.req.url).origin;
      const host = c.req.header('host');
      const sameOrigin =
        origin === undefined ? site === undefined || site === 'same-origin' || site === 'none'
        : origin === selfOrigin || (host !== undefined && new URL(origin).host === host);
      if (!sameOrigin || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
        throw new ForbiddenError('Cross-site request refused: send writes from the Jangkau page itself.', { code: 'cross_site' });
      }
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (/^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/.test(type)) {
        throw new HttpError(415, 'Send JSON (Content-Type: application/json), CSV (text/csv) or GeoJSON.', {
          field: 'content-type', code: 'unsupported_media_type', params: { allowed: ['application/json', 'text/csv', 'application/geo+json'] },
        });
      }
    }
    await next();
  };
}
