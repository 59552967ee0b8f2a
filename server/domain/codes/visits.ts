import { error, warning, type CodeTable } from './types.js';

/** Visits, series, conflicts and day routes. */
export const VISITS_CODES = {
  closed_date: warning(),
  not_market_day: warning(),
  outside_opening_hours: warning(),
  team_overlap: warning(),
  tight_transfer: warning(),
  custom: error(),
} as const satisfies CodeTable;
