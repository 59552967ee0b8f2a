import type { CodeTable } from './types.js';

/** Registration options, posters and point verification (issue 10). */
export const REGISTRATION_CODES = {} as const satisfies CodeTable;
