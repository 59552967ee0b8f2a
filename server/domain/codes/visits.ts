import { error, warning, type CodeTable } from './types.js';

/**
 * Visits, series, conflicts and day routes. Warnings name visits by title, date and WITA time ('09:00'),
 * never by internal id, so the web can say them whole.
 */
export const VISITS_CODES = {
  closed_date: warning('date', 'name'),
  not_market_day: warning('date', 'point_name', 'market_days'),
  outside_opening_hours: warning('date', 'start', 'end', 'point_name', 'opens', 'closes'),
  team_overlap: warning('team', 'date', 'start', 'end', 'other_title', 'other_date', 'other_start', 'other_end'),
  /** gap_min is negative when the two visits overlap. */
  tight_transfer: warning('from_title', 'from_end', 'to_title', 'to_start', 'gap_min', 'travel_min', 'via'),
  unknown_point: warning('title', 'date', 'start'),
  visit_not_found: error(),
  occurrence_not_found: error('date'),
  invalid_visit_id: error('got'),
  visit_too_long: error('max_hours', 'starts_at', 'ends_at'),
  no_market_days: error('point_name'),
  until_before_first: error('until', 'first'),
  series_too_long: error('max_days', 'first', 'until', 'last'),
  single_to_series: error(),
  occurrence_cannot_move: error(),
  repeat_on_occurrence: error(),
  occurrence_status: error(),
  start_incomplete: error(),
  stop_id_reserved: error(),
  stop_id_twice: error('got'),
} as const satisfies CodeTable;
