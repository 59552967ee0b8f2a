import type { Db } from './db.js';

/**
 * A value that changes whenever anything in the database may have changed: rows written through this
 * connection (total_changes) or committed by another one (data_version). Coarse on purpose — any write
 * invalidates — so caches keyed on it are never stale; they are recomputed only after writes.
 */
export function databaseChangeStamp(db: Db): () => string {
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  const version = db.prepare<[], number>('PRAGMA data_version').pluck();
  return () => `${changes.get()}:${version.get()}`;
}
