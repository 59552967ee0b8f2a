import type { Db } from './db.js';

/** Reads a value from the meta table, or undefined. */
export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key);
  return row?.value;
}

/** Writes a value to the meta table. */
export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
