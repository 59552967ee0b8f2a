import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, UserStore, type Role, type UserRecord } from '../storage/users.js';
import type { Db } from '../storage/db.js';
import { ConflictError, ForbiddenError, HttpError, NotFoundError, UnauthorizedError, ValidationError, tooManyRequests } from '../errors.js';
import { enumParams, gotParam } from '../domain/codes/values.js';
import { reauthorize, SYSTEM_ACTOR, type Actor, type AuditService } from './audit.js';
import { SlidingWindow } from './rateLimit.js';
import { assertAcceptablePassword } from '../domain/auth/password.js';
import { InvalidInputError } from '../domain/errors.js';
import { loadGuessableCheck } from './passwordStrength.js';

/** argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): about 15 ms a hash on this machine kind. */
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
/** A session lasts 12 hours: one working day in the field, then log in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export { MIN_PASSWORD_LENGTH } from '../domain/auth/password.js';
/** Failed logins allowed per email + client in the window before 429 (a success resets the count). */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
/** Failed logins allowed per client across all emails (password spraying). */
export const LOGIN_FAILURES_PER_CLIENT = 30;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** A user as the admin list shows it (never the password hash). */
export interface UserSummary extends SessionUser {
  disabled: boolean;
  created_at: string;
  updated_at: string;
}

const toSummary = (u: UserRecord): UserSummary => ({
  id: u.id, email: u.email, role: u.role, disabled: u.disabled, created_at: u.created_at, updated_at: u.updated_at,
});

/** What the rest of the app knows about the logged-in user. */
export interface SessionUser {
  id: number;
  email: string;
  role: Role;
}

const toSessionUser = (u: UserRecord): SessionUser => ({ id: u.id, email: u.email, role: u.role });

/** SHA-256 of a session token: what the database stores. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Accounts, passwords and sessions. */
export class AuthService {
  readonly users: UserStore;
  // Verifying against a real hash for unknown emails keeps the response time the same, so the
  // login form does not reveal which emails have accounts.
  private dummyHash: Promise<string> | null = null;
  private readonly failuresPerAccount: SlidingWindow;
  private readonly failuresPerClient: SlidingWindow;

  constructor(private readonly db: Db, private readonly now: () => Date, private readonly audit?: AuditService) {
    this.users = new UserStore(db);
    this.failuresPerAccount = new SlidingWindow(LOGIN_FAILURES_PER_ACCOUNT, LOGIN_WINDOW_MS, now);
    this.failuresPerClient = new SlidingWindow(LOGIN_FAILURES_PER_CLIENT, LOGIN_WINDOW_MS, now);
  }

  /** Creates a user after checking the email, the password rule (server/domain/auth/password.ts) and role. Throws 400/409 naming the field. Audited. */
  async createUser(input: { email: string; password: string; role: string }, actor: Actor = SYSTEM_ACTOR): Promise<SessionUser> {
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
      throw new ValidationError('email', 'email must be an address like nama@contoh.id', { code: 'invalid_email', params: { got: gotParam(input.email) } });
    }
    assertAcceptablePassword(input.password, email, await loadGuessableCheck());
    if (!(ROLES as readonly string[]).includes(input.role)) {
      throw new ValidationError('role', `role must be one of: ${ROLES.join(', ')}`, { code: 'enum_unknown', params: enumParams(input.role, ROLES) });
    }
    if (this.users.byEmail(email)) throw new ConflictError(`A user with email ${email} already exists`, 'email', { code: 'email_taken', params: { email } });
    const passwordHash = await hash(input.password, ARGON2);
    return this.db.transaction(() => {
      reauthorize(actor);
      if (this.users.byEmail(email)) throw new ConflictError(`A user with email ${email} already exists`, 'email', { code: 'email_taken', params: { email } });
      const id = this.users.insert(email, passwordHash, input.role as Role, this.now().toISOString());
      const created = toSummary(this.users.byId(id)!);
      this.audit?.record(actor, 'user_create', 'user', id, null, created);
      return { id, email, role: input.role as Role };
    })();
  }

  /** Every user, for the admin list. */
  listUsers(): UserSummary[] {
    return this.users.all().map(toSummary);
  }

  /**
   * Changes a user's role and/or disabled flag (admin). Disabling revokes every session at once.
   * Refuses to lock out the last active admin, or to let admins disable or demote themselves.
   */
  updateUser(actor: Actor, id: number, patch: { role?: Role; disabled?: boolean }): UserSummary {
    return this.db.transaction(() => {
      reauthorize(actor);
      const user = this.users.byId(id);
      if (!user) throw new NotFoundError(`No user with id ${id}`, 'id', 'user_not_found');
      const role = patch.role ?? user.role;
      const disabled = patch.disabled ?? user.disabled;
      if (actor.id === id && (disabled || role !== 'admin') && user.role === 'admin') {
        throw new ConflictError('You cannot disable or demote your own account; ask another admin', patch.disabled !== undefined ? 'disabled' : 'role', { code: 'own_account' });
      }
      if (user.role === 'admin' && !user.disabled && (role !== 'admin' || disabled)) {
        const activeAdmins = this.users.all().filter((u) => u.role === 'admin' && !u.disabled).length;
        if (activeAdmins <= 1) throw new ConflictError('This is the last active admin; make another admin first', 'role', { code: 'last_admin' });
      }
      const now = this.now().toISOString();
      this.users.setRole(id, role, disabled, now);
      if (disabled && !user.disabled) this.users.revokeAllSessions(id, now);
      const after = toSummary(this.users.byId(id)!);
      this.audit?.record(actor, 'user_update', 'user', id, toSummary(user), after);
      return after;
    })();
  }

  /** Sets a new password and revokes the user's sessions. Audited (without any hash). */
  async resetPassword(email: string, password: string, actor: Actor = SYSTEM_ACTOR): Promise<void> {
    const user = this.users.byEmail(email.trim().toLowerCase());
    if (!user) throw new HttpError(404, `No user with email ${email}`, { field: 'email', code: 'user_not_found' });
    assertAcceptablePassword(password, user.email, await loadGuessableCheck());
    const passwordHash = await hash(password, ARGON2);
    this.db.transaction(() => {
      reauthorize(actor);
      const now = this.now().toISOString();
      this.users.setPassword(user.id, passwordHash, now);
      this.users.revokeAllSessions(user.id, now);
      this.audit?.record(actor, 'password_reset', 'user', user.id, null, { email: user.email, sessions_revoked: true });
    })();
  }

  /**
   * Checks credentials; on success opens a session and returns its token (to put in a cookie).
   * After 5 failures for one email from one client (or 30 from one client) within 15 minutes it answers
   * 429 with `retry_after_s` without checking the password; a successful login clears the email's count.
   * The attempt is counted BEFORE the (slow, asynchronous) hash check: counting only after it let a burst
   * of simultaneous guesses all pass the "under the limit?" test before any of them was recorded.
   */
  async login(email: string, password: string, clientKey = 'unknown'): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
    const normalized = email.trim().toLowerCase();
    const accountKey = `${normalized}\n${clientKey}`;
    // Check and reserve both counters synchronously, before any await.
    const wait = Math.max(this.failuresPerAccount.retryAfterS(accountKey), this.failuresPerClient.retryAfterS(clientKey));
    if (wait > 0) {
      throw tooManyRequests(`Too many failed logins; try again in ${Math.ceil(wait / 60)} minute(s).`, wait, 'too_many_attempts');
    }
    this.failuresPerAccount.hit(accountKey);
    this.failuresPerClient.hit(clientKey);
    const user = this.users.byEmail(normalized);
    this.dummyHash ??= hash('not-a-real-password', ARGON2);
    const ok = await verify(user?.password_hash ?? (await this.dummyHash), password);
    if (!user || !ok || user.disabled) throw new UnauthorizedError('Email or password is wrong.', 'wrong_login');
    // A success is not a failure: give back the client's reserved attempt and clear the account's count.
    this.failuresPerAccount.reset(accountKey);
    this.failuresPerClient.release(clientKey);
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    this.users.insertSession(tokenHash(token), user.id, now.toISOString(), expiresAt.toISOString());
    return { token, user: toSessionUser(user), expiresAt };
  }

  /**
   * Re-checks a session for a write in progress (call inside the write's transaction): 401 when the session has
   * ended or the user is disabled, 403 when their role is no longer one of `roles` (admins always pass).
   */
  reauthorize(token: string, roles: readonly Role[]): SessionUser {
    const user = this.userForToken(token);
    if (!user) throw new UnauthorizedError('Your session has ended (logged out, expired or the account was disabled); nothing was changed. Log in again.');
    if (user.role !== 'admin' && !roles.includes(user.role)) {
      throw new ForbiddenError(`This needs the ${roles.join(' or ')} role; you are now ${user.role}. Nothing was changed.`, { code: 'role_required', params: { roles: [...roles], role: user.role } });
    }
    return user;
  }

  /** The user behind a session token, or undefined if the session is unknown, expired or revoked. */
  userForToken(token: string): SessionUser | undefined {
    const u = this.users.sessionUser(tokenHash(token), this.now().toISOString());
    return u && !u.disabled ? toSessionUser(u) : undefined;
  }

  /** Revokes one session. */
  logout(token: string): void {
    this.users.revokeSession(tokenHash(token), this.now().toISOString());
  }

  /** Creates the first admin from configuration when there are no users yet. Returns true if created. */
  async ensureFirstAdmin(email: string | null, password: string | null): Promise<boolean> {
    if (!email || !password || this.users.count() > 0) return false;
    try {
      await this.createUser({ email, password, role: 'admin' });
    } catch (err) {
      // Name the variable to fix: the start-up error is all an operator sees.
      if (err instanceof InvalidInputError && err.field === 'password') throw new Error(`JANGKAU_ADMIN_PASSWORD: ${err.message}`);
      throw err;
    }
    return true;
  }
}
