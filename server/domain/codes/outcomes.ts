import { error, type CodeTable } from './types.js';

/** Visit outcomes, coverage and impact. */
export const OUTCOMES_CODES = {
  registrations_exceed_attendees: error('registrations', 'attendees'),
  respondents_exceed_attendees: error('respondents', 'attendees'),
  feedback_score_unknown: error('got'),
  visit_not_started: error('starts_at'),
  visit_not_scheduled: error('status'),
  visit_is_series: error(),
  outcome_not_found: error(),
} as const satisfies CodeTable;
