import type { Db } from './db.js';

/** The identity of a stored point, as import matching needs it. */
export interface PointKey {
  id: number;
  external_id: string | null;
}

/**
 * Transactions and key lookups for bulk imports. Point rows themselves are written through PointStore
 * (so its change counter moves and the nearest index rebuilds); this class owns the transaction that
 * makes an import all or nothing.
 */
export class ImportWriter {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      byExternalId: db.prepare<[string], PointKey>('SELECT id, external_id FROM points WHERE external_id = ?'),
      byId: db.prepare<[number], PointKey>('SELECT id, external_id FROM points WHERE id = ?'),
    };
  }

  /** The point with this external id, or undefined. */
  keyByExternalId(externalId: string): PointKey | undefined {
    return this.stmts.byExternalId.get(externalId);
  }

  /** The point with this id, or undefined. */
  keyById(id: number): PointKey | undefined {
    return this.stmts.byId.get(id);
  }

  /**
   * Opens the import's IMMEDIATE transaction (the write lock is taken now, so no other writer can slip
   * in between rows). When it stays open across `await`s (a streamed file) this is only safe on a
   * connection nothing else uses meanwhile — the import CLI's own — because every statement on the
   * connection joins it. Refuses to nest.
   */
  begin(): void {
    if (this.db.inTransaction) throw new Error('An import transaction cannot start inside another transaction on this connection.');
    this.db.exec('BEGIN IMMEDIATE');
  }

  /** Commits the transaction opened by begin(). */
  commit(): void {
    this.db.exec('COMMIT');
  }

  /** Rolls back the transaction opened by begin(), if it is still open. */
  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}
