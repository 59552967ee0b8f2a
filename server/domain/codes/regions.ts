import type { CodeTable } from './types.js';

/** Regions and boundary-file imports (issue 12). */
export const REGIONS_CODES = {} as const satisfies CodeTable;
