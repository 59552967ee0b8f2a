import { error, warning, type CodeTable } from './types.js';

/** Point fields, imports and staff edits. */
export const POINTS_CODES = {
  possible_duplicate: warning('point_id', 'distance_m'),
  import_invalid: error('count', 'line'),
  unknown_point: error(),
} as const satisfies CodeTable;
