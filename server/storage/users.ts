import type { Db } from './db.js';

export type Role = 'admin' | 'staff' | 'planner';
export const ROLES: readonly Role[] = ['admin', 'staff', 'planner'];

export interface UserRecord {
  id: number;
  email: string;
  password_hash: string;
  role: Role;
  disabled: boolean;
  created_at: string;
  updated_at: string;
}

interface Row extends Omit<UserRecord, 'disabled'> {
  disabled: number;
}

const fromRow = (r: Row): UserRecord => ({ ...r, disabled: r.disabled === 1 });

/** SQL for users and their sessions. */
export class UserStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      byEmail: db.prepare<[string], Row>('SELECT * FROM users WHERE email = ?'),
      byId: db.prepare<[number], Row>('SELECT * FROM users WHERE id = ?'),
      all: db.prepare<[], Row>('SELECT * FROM users ORDER BY id'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users'),
      insert: db.prepare('INSERT INTO users (email, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
      setPassword: db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?'),
      setRole: db.prepare('UPDATE users SET role = ?, disabled = ?, updated_at = ? WHERE id = ?'),
      insertSession: db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      session: db.prepare<[string, string], Row & { token_hash: string }>(
        `SELECT u.*, s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?`,
      ),
      revoke: db.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL'),
      revokeAllFor: db.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL'),
    };
  }

  byEmail(email: string): UserRecord | undefined {
    const r = this.s.byEmail.get(email);
    return r && fromRow(r);
  }

  byId(id: number): UserRecord | undefined {
    const r = this.s.byId.get(id);
    return r && fromRow(r);
  }

  all(): UserRecord[] {
    return this.s.all.all().map(fromRow);
  }

  count(): number {
    return this.s.count.get()!.n;
  }

  /** Inserts a user; returns the id. Throws SQLITE_CONSTRAINT_UNIQUE on a taken email. */
  insert(email: string, passwordHash: string, role: Role, now: string): number {
    return Number(this.s.insert.run(email, passwordHash, role, now, now).lastInsertRowid);
  }

  setPassword(id: number, passwordHash: string, now: string): void {
    this.s.setPassword.run(passwordHash, now, id);
  }

  setRole(id: number, role: Role, disabled: boolean, now: string): void {
    this.s.setRole.run(role, disabled ? 1 : 0, now, id);
  }

  insertSession(tokenHash: string, userId: number, now: string, expiresAt: string): void {
    this.s.insertSession.run(tokenHash, userId, now, expiresAt);
  }

  /** The user owning a live (unrevoked, unexpired) session, or undefined. */
  sessionUser(tokenHash: string, now: string): UserRecord | undefined {
    const r = this.s.session.get(tokenHash, now);
    return r && fromRow(r);
  }

  revokeSession(tokenHash: string, now: string): void {
    this.s.revoke.run(now, tokenHash);
  }

  revokeAllSessions(userId: number, now: string): void {
    this.s.revokeAllFor.run(now, userId);
  }
}
