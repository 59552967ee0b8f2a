/**
 * When an event accepts check-ins, quiz answers and feedback: only for scheduled visits, from 2 h before the
 * visit starts until 24 h after it ends (both ends included). Participants arrive early and some answer the
 * post-test on the way home; a day later the event is over and late answers would blur what it achieved.
 */

/** How early the event page opens, in ms before the visit starts (2 h). */
export const EVENT_OPENS_BEFORE_MS = 2 * 60 * 60 * 1000;
/** How long the event page stays open, in ms after the visit ends (24 h). */
export const EVENT_CLOSES_AFTER_MS = 24 * 60 * 60 * 1000;

export interface EventVisit {
  status: string;
  /** ISO 8601 with offset. */
  starts_at: string;
  ends_at: string;
}

export type EventWindow =
  | { open: true; opens_at: string; closes_at: string }
  | { open: false; reason: 'event_not_scheduled' | 'event_not_open_yet' | 'event_window_closed'; opens_at: string; closes_at: string };

/** Whether `visit` accepts participation at `now`, and the window (ISO 8601 UTC) it accepts it in. */
export function eventWindow(visit: EventVisit, now: Date): EventWindow {
  const opens = Date.parse(visit.starts_at) - EVENT_OPENS_BEFORE_MS;
  const closes = Date.parse(visit.ends_at) + EVENT_CLOSES_AFTER_MS;
  const span = { opens_at: new Date(opens).toISOString(), closes_at: new Date(closes).toISOString() };
  if (visit.status !== 'scheduled') return { open: false, reason: 'event_not_scheduled', ...span };
  const t = now.getTime();
  if (t < opens) return { open: false, reason: 'event_not_open_yet', ...span };
  if (t > closes) return { open: false, reason: 'event_window_closed', ...span };
  return { open: true, ...span };
}
