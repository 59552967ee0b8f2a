/** Texts for the server's outcomes codes (server/domain/codes/outcomes.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  registrations_exceed_attendees: 'New registrations ({{registrations}}) cannot exceed attendees ({{attendees}}). Correct one of the two.',
  respondents_exceed_attendees: 'Respondents ({{respondents}}) cannot exceed attendees ({{attendees}}).',
  feedback_score_unknown: 'Feedback scores are 1 to 5 only (got {{got}}).',
  visit_not_started: 'This visit starts at {{starts_at, day}} WITA. Record its outcome once it has started.',
  visit_not_scheduled: 'Only a scheduled visit that took place can have an outcome.',
  visit_is_series: 'This is a whole series. Record the outcome for one visit date.',
  outcome_not_found: 'No outcome has been recorded for this visit yet.',
} as Record<string, string>;
