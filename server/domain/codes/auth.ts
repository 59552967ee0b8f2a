import type { CodeTable } from './types.js';

/** Accounts, passwords, sessions, origins, body limits and other hardening (issue 9). */
export const AUTH_CODES = {} as const satisfies CodeTable;
