import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, UserStore, type Role, type UserRecord } from '../storage/users.js';
import type { Db } from '../storage/db.js';
import { ConflictError, HttpError, UnauthorizedError, ValidationError } from '../errors.js';

/** argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): about 15 ms a hash on this machine kind. */
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
/** A session lasts 12 hours: one working day in the field, then log in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 10;

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

  constructor(db: Db, private readonly now: () => Date) {
    this.users = new UserStore(db);
  }

  /** Creates a user after checking the email, password length and role. Throws 400/409 naming the field. */
  async createUser(input: { email: string; password: string; role: string }): Promise<SessionUser> {
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
      throw new ValidationError('email', 'email must be an address like nama@contoh.id');
    }
    if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > 256) {
      throw new ValidationError('password', `password must be ${MIN_PASSWORD_LENGTH} to 256 characters`);
    }
    if (!(ROLES as readonly string[]).includes(input.role)) {
      throw new ValidationError('role', `role must be one of: ${ROLES.join(', ')}`);
    }
    if (this.users.byEmail(email)) throw new ConflictError(`A user with email ${email} already exists`, 'email');
    const passwordHash = await hash(input.password, ARGON2);
    const id = this.users.insert(email, passwordHash, input.role as Role, this.now().toISOString());
    return { id, email, role: input.role as Role };
  }

  /** Sets a new password and revokes the user's sessions. */
  async resetPassword(email: string, password: string): Promise<void> {
    const user = this.users.byEmail(email.trim().toLowerCase());
    if (!user) throw new HttpError(404, `No user with email ${email}`, { field: 'email' });
    if (password.length < MIN_PASSWORD_LENGTH || password.length > 256) {
      throw new ValidationError('password', `password must be ${MIN_PASSWORD_LENGTH} to 256 characters`);
    }
    const now = this.now().toISOString();
    this.users.setPassword(user.id, await hash(password, ARGON2), now);
    this.users.revokeAllSessions(user.id, now);
  }

  /** Checks credentials; on success opens a session and returns its token (to put in a cookie). */
  async login(email: string, password: string): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
    const user = this.users.byEmail(email.trim().toLowerCase());
    this.dummyHash ??= hash('not-a-real-password', ARGON2);
    const ok = await verify(user?.password_hash ?? (await this.dummyHash), password);
    if (!user || !ok || user.disabled) throw new UnauthorizedError('Email or password is wrong.');
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    this.users.insertSession(tokenHash(token), user.id, now.toISOString(), expiresAt.toISOString());
    return { token, user: toSessionUser(user), expiresAt };
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
    await this.createUser({ email, password, role: 'admin' });
    return true;
  }
}
