import type { Db } from './db.js';

/** A stored first answer to a create sent with an Idempotency-Key. */
export interface StoredAnswer {
  request_hash: string;
  status: number;
  body: string;
  created_at: string;
}

/** SQL for idempotency keys (migration 061): one row per user and key, kept 24 hours. */
export class IdempotencyStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare<[number, string], StoredAnswer>('SELECT request_hash, status, body, created_at FROM idempotency_keys WHERE user_id = ? AND key = ?'),
      put: db.prepare(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at) VALUES (@user_id, @key, @request_hash, @status, @body, @created_at)
         ON CONFLICT (user_id, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, created_at = excluded.created_at`,
      ),
      purge: db.prepare<[string]>('DELETE FROM idempotency_keys WHERE created_at < ?'),
    };
  }

  /** The answer stored for `key` of user `userId`, however old, or undefined. */
  get(userId: number, key: string): StoredAnswer | undefined {
    return this.s.get.get(userId, key);
  }

  /** Stores (or replaces an expired) answer. */
  put(userId: number, key: string, a: StoredAnswer): void {
    this.s.put.run({ user_id: userId, key, ...a });
  }

  /** Deletes every key created before `beforeIso`; returns how many. */
  purge(beforeIso: string): number {
    return this.s.purge.run(beforeIso).changes;
  }
}
