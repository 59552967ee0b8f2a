import type { CodeTable } from './types.js';

/** Visit outcomes, coverage and impact. */
export const OUTCOMES_CODES = {} as const satisfies CodeTable;
