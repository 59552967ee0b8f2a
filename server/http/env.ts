import type { SessionUser } from '../services/auth.js';
import type { Role } from '../storage/users.js';

/** Hono context variables set by middleware. */
export type AppEnv = {
  Variables: {
    /** The logged-in user, when the request carries a live session cookie. */
    user?: SessionUser;
    /** Re-checks the request's session against `roles` now (set with `user`). */
    recheckSession?: (roles: readonly Role[]) => void;
    /** Set by requireRole: re-checks the session and the roles that route requires. */
    authorize?: () => void;
  };
};
