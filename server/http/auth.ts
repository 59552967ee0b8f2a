import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../services/audit.js';
import { getCookie } from 'hono/cookie';
import type { AuthService, SessionUser } from '../services/auth.js';
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
      if (user) {
        c.set('user', user);
        c.set('recheckSession', (roles) => auth.reauthorize(token, roles));
      }
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
      throw new ForbiddenError(`This needs the ${roles.join(' or ')} role; you are ${user.role}.`);
    }
    const recheck = c.get('recheckSession');
    if (recheck) c.set('authorize', () => recheck(roles));
    await next();
  };
}

/** The host[:port] of an Origin header value, or undefined when it is not a http(s) origin. */
function parsedOriginHost(origin: string): string | undefined {
  if (!/^https?:\/\/[^/?#\s]+$/i.test(origin)) return undefined;
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * The logged-in user as the actor of a write, carrying `authorize` so the service re-checks the session and role
 * inside its transaction. Only for routes behind requireRole.
 */
export function actorOf(c: Context<AppEnv>): SessionUser & Actor {
  const user = c.get('user');
  if (!user) throw new UnauthorizedError();
  return { ...user, authorize: c.get('authorize') };
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
      let originHost: string | undefined;
      if (origin !== undefined) {
        // 'null' (sandboxed frames, file: pages), '' and other unparseable values are refused, never thrown on.
        originHost = parsedOriginHost(origin);
        if (originHost === undefined) {
          throw new HttpError(403, `Origin ${JSON.stringify(origin.slice(0, 100))} is not a valid origin; send writes from the Jangkau page itself.`, { field: 'origin', code: 'origin_invalid' });
        }
      }
      const selfOrigin = new URL(c.req.url).origin;
      const host = c.req.header('host');
      const sameOrigin =
        origin === undefined ? site === undefined || site === 'same-origin' || site === 'none'
        : origin === selfOrigin || (host !== undefined && originHost === host.toLowerCase());
      if (!sameOrigin || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
        throw new HttpError(403, 'Cross-site request refused: send writes from the Jangkau page itself.', { field: 'origin', code: 'forbidden' });
      }
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (/^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/.test(type)) {
        throw new HttpError(415, 'Send JSON (Content-Type: application/json), CSV (text/csv) or GeoJSON.', { field: 'content-type', code: 'unsupported_media_type' });
      }
    }
    await next();
  };
}
