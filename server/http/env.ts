import type { SessionUser } from '../services/auth.js';

/** Hono context variables set by middleware. */
export type AppEnv = {
  Variables: {
    /** The logged-in user, when the request carries a live session cookie. */
    user?: SessionUser;
  };
};
