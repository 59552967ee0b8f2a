import type { Db } from './db.js';

/** One audit entry as stored; before/after are parsed JSON. */
export interface AuditEntry {
  id: number;
  at: string;
  actor_id: number | null;
  actor_email: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before: unknown;
  after: unknown;
}

interface Row extends Omit<AuditEntry, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

const fromRow = (r: Row): AuditEntry => ({
  ...r,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
});

/** SQL for the audit trail. Append-only: there is no update or delete. */
export class AuditStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO audit_log (at, actor_id, actor_email, action, entity, entity_id, before, after)
         VALUES (@at, @actor_id, @actor_email, @action, @entity, @entity_id, @before, @after)`,
      ),
      list: db.prepare<{ entity: string | null; entity_id: number | null; before_id: number | null; limit: number }, Row>(
        `SELECT * FROM audit_log
         WHERE (@entity IS NULL OR entity = @entity) AND (@entity_id IS NULL OR entity_id = @entity_id)
           AND (@before_id IS NULL OR id < @before_id)
         ORDER BY id DESC LIMIT @limit`,
      ),
    };
  }

  /** Appends an entry; returns its id. */
  insert(e: Omit<AuditEntry, 'id'>): number {
    const info = this.s.insert.run({
      ...e,
      before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
    });
    return Number(info.lastInsertRowid);
  }

  /** Newest first, optionally for one entity kind / one record, older than `beforeId`. */
  list(q: { entity?: string; entityId?: number; beforeId?: number; limit: number }): AuditEntry[] {
    return this.s.list
      .all({ entity: q.entity ?? null, entity_id: q.entityId ?? null, before_id: q.beforeId ?? null, limit: q.limit })
      .map(fromRow);
  }
}
