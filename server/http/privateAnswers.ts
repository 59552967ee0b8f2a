import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from './auth.js';
import type { AppEnv } from './env.js';

/**
 * Marks every answer to a request with a session as `Cache-Control: private, no-store` and `Vary: Cookie`:
 * a planner's /api/visits (team, notes, drafts) or a staff read must never be kept by a shared cache or by
 * the service worker (web/build/pwa.ts refuses such answers), where it would outlive the logout. Anonymous
 * answers are left alone: the offline finder relies on caching them, and they carry nothing private.
 */
export function privateWhenSignedIn(): MiddlewareHandler<AppEnv> {
  return async function markPrivate(c, next) {
    await next();
    if (getCookie(c, SESSION_COOKIE) === undefined && !c.get('user')) return;
    c.header('Cache-Control', 'private, no-store');
    c.header('Vary', 'Cookie', { append: true });
  };
}
