import { error, type CodeTable } from './types.js';

/** Codes any route may answer with: generic input, auth, state and transport problems. */
export const COMMON_CODES = {
  invalid: error(),
  bad_request: error(),
  not_found: error(),
  unauthorized: error(),
  forbidden: error(),
  conflict: error(),
  internal: error(),
  rate_limited: error('retry_after_s'),
  too_many_attempts: error('retry_after_s'),
  payload_too_large: error('max_bytes'),
  unsupported_media_type: error('allowed'),
  precondition_failed: error('current_etag'),
  idempotency_key_reused: error(),
} as const satisfies CodeTable;
