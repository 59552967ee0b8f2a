import { error, type CodeTable } from './types.js';

/** Registration options, posters and point verification (issue 10). */
export const REGISTRATION_CODES = {
  /** GET /api/options?village_code=…: a well-formed code that is not one of Bangli's villages. */
  unknown_village: error('got'),
} as const satisfies CodeTable;
