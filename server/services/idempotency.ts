import { createHash } from 'node:crypto';
import type { Db } from '../storage/db.js';
import type { IdempotencyStore } from '../storage/idempotency.js';
import { HttpError } from '../errors.js';

/** How long a key's first answer is replayed, in hours. */
export const IDEMPOTENCY_TTL_H = 24;
/** What a valid Idempotency-Key is: 1–100 visible ASCII characters (no spaces or control characters). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,100}$/;

/** An answer to send: `body` is the JSON text, byte for byte the same on a replay. */
export interface IdempotentAnswer {
  status: number;
  body: string;
  /** True when this is the stored first answer, not a new create. */
  replayed: boolean;
}

/** JSON with object keys sorted at every level, so the same body always hashes the same. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * Idempotent creates (`Idempotency-Key`, as in the IETF httpapi draft): the first answer to a key is stored in
 * the create's own transaction, and a repeat of the same request by the same user within 24 h gets that answer
 * again and creates nothing. The same key with a different request is a 422 `idempotency_key_reused`.
 */
export class IdempotencyService {
  constructor(
    private readonly db: Db,
    private readonly store: IdempotencyStore,
    private readonly now: () => Date,
  ) {}

  /**
   * Runs `create` once per (user, key): a repeat with the same method, path and body replays the first answer.
   * Without a key (or a user) it simply runs `create`. Old keys are purged as new ones are stored.
   */
  run(
    userId: number | null,
    key: string | undefined,
    request: { method: string; path: string; body: unknown },
    create: () => { status: number; body: unknown },
  ): IdempotentAnswer {
    if (key === undefined || userId === null) {
      const a = create();
      return { status: a.status, body: JSON.stringify(a.body), replayed: false };
    }
    const hash = createHash('sha256').update(`${request.method} ${request.path}\n${canonicalJson(request.body)}`).digest('hex');
    const now = this.now();
    const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_H * 3_600_000).toISOString();
    // IMMEDIATE takes the write lock first, so a duplicate from another connection waits and then replays.
    return this.db.transaction((): IdempotentAnswer => {
      const stored = this.store.get(userId, key);
      if (stored && stored.created_at >= cutoff) {
        if (stored.request_hash !== hash) {
          throw new HttpError(422, 'This Idempotency-Key was already used for a different request; send a new key for a new request.', {
            field: 'idempotency-key', code: 'idempotency_key_reused', params: {},
          });
        }
        return { status: stored.status, body: stored.body, replayed: true };
      }
      const a = create();
      const body = JSON.stringify(a.body);
      this.store.put(userId, key, { request_hash: hash, status: a.status, body, created_at: now.toISOString() });
      this.store.purge(cutoff);
      return { status: a.status, body, replayed: false };
    }).immediate();
  }
}
