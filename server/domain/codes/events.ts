import { error, type CodeTable } from './types.js';

/** Event companion: check-ins, quizzes, interest and feedback (issue 11). */
export const EVENTS_CODES = {
  /** The visit is a draft or cancelled: no participation. */
  event_not_scheduled: error('status'),
  /** Earlier than 2 h before the visit starts. */
  event_not_open_yet: error('opens_at'),
  /** Later than 24 h after the visit ended. */
  event_window_closed: error('closes_at'),
  invalid_participant: error(),
  unknown_question: error('question'),
  unknown_choice: error('question', 'choice', 'allowed'),
  consent_required: error(),
  // unknown_village (a village code that is not in Bangli) is the registration table's, shared with sign-ups.
  /** The event already has the most participants (or interest records) one visit may collect. */
  event_full: error('max'),
  too_many_answers: error('max'),
  /** A quiz question must keep a "Tidak tahu" choice and a right answer among its choices. */
  invalid_question: error(),
} as const satisfies CodeTable;
