import { error, type CodeTable } from './types.js';

/** Accounts, passwords, sessions, origins, body limits and other hardening (issue 9). */
export const AUTH_CODES = {
  origin_invalid: error(),
  body_too_deep: error('max_depth'),
  nik_not_allowed: error(),
  password_length: error('min', 'max'),
  password_repeated: error(),
  password_contains_email: error(),
  password_too_common: error(),
} as const satisfies CodeTable;
