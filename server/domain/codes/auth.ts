import { error, type CodeTable } from './types.js';

/** Accounts, passwords, sessions, origins, body limits and other hardening (issue 9). */
export const AUTH_CODES = {
  origin_invalid: error(),
  body_too_deep: error('max_depth'),
  nik_not_allowed: error(),
} as const satisfies CodeTable;
