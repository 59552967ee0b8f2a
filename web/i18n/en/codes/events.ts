/** Texts for the server's events codes (server/domain/codes/events.ts), keyed by code; {{param}} placeholders use only the code's params. */
export default {
  event_not_scheduled: 'This visit is not scheduled (status: {{status}}), so it cannot be joined.',
  event_not_open_yet: 'The event is not open yet. This page opens 2 hours before it starts.',
  event_window_closed: 'The event has closed (24 hours after it ended). Thank you!',
  invalid_participant: 'The participant code on this device is damaged. Reload the page.',
  unknown_question: 'Question "{{question}}" is unknown. Reload the page.',
  unknown_choice: 'Answer "{{choice}}" does not exist for question {{question}}.',
  consent_required: 'Tick the consent box first so that we may contact you.',
  event_full: 'This event is full ({{max}} participants).',
  too_many_answers: 'Too many answers (at most {{max}}).',
  invalid_question: 'The question is incomplete: it needs a right answer and a "Tidak tahu" choice.',
} as Record<string, string>;
