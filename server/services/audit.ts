import type { Db } from '../storage/db.js';
import { AuditStore, type AuditEntry } from '../storage/audit.js';

/** Who did something: a logged-in user, or the system / a CLI run (id null). */
export interface Actor {
  id: number | null;
  email: string;
  /**
   * For a logged-in user: re-reads their session and role and throws 401/403 when the session has ended, the
   * user was disabled or their role no longer allows the write. Services call it (through `reauthorize`) INSIDE
   * each write's transaction, because the role check at the request's headers can be long stale by the time a
   * slowly streamed body has arrived.
   */
  authorize?: () => void;
}

/** Re-checks the actor's session and role (see Actor.authorize); call it first inside a write transaction. */
export function reauthorize(actor: Actor | undefined | null): void {
  actor?.authorize?.();
}

/** The actor for start-up tasks and command-line tools run on the server. */
export const SYSTEM_ACTOR: Actor = { id: null, email: 'system' };

export type AuditAction =
  | 'create' | 'update' | 'retire' | 'restore' | 'verify' | 'import'
  | 'user_create' | 'user_update' | 'password_reset'
  | 'report_resolve' | 'report_dismiss'
  | 'delete';

/**
 * The audit trail. `record` joins the caller's transaction when called inside one (better-sqlite3
 * transactions are synchronous), so a change and its entry commit or roll back together.
 */
export class AuditService {
  private readonly store: AuditStore;

  constructor(db: Db, private readonly now: () => Date) {
    this.store = new AuditStore(db);
  }

  /** Appends one entry: `before` null for a creation. Returns the entry id. */
  record(actor: Actor, action: AuditAction, entity: string, entityId: number | null, before: unknown, after: unknown): number {
    return this.store.insert({
      at: this.now().toISOString(), actor_id: actor.id, actor_email: actor.email, action, entity,
      entity_id: entityId, before: before ?? null, after: after ?? null,
    });
  }

  /**
   * For the import pipeline: one entry summarising a whole import (file name, format, counts, ids),
   * written inside the import's transaction. Per-row entries are optional (see PointEditService.save).
   */
  recordImport(actor: Actor, summary: Record<string, unknown>): number {
    return this.record(actor, 'import', 'import', null, null, summary);
  }

  /** Entries newest first, optionally for one entity kind and id; `limit` 1..1000. */
  list(q: { entity?: string; entityId?: number; beforeId?: number; limit: number }): AuditEntry[] {
    return this.store.list(q);
  }
}
