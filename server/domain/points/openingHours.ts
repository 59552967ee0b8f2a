import { WEEKDAYS, type Weekday } from './vocabulary.js';

/** A time span within one day, local WITA time, 'HH:MM' 24-hour. `closes` may be '24:00'. */
export interface Span {
  opens: string;
  closes: string;
}

/** Weekly opening hours: for each weekday the spans it is open. A missing day means closed that day. */
export type OpeningHours = Partial<Record<Weekday, Span[]>>;

/** WITA (Asia/Makassar) is UTC+8 all year; Indonesia has no daylight saving time. */
export const WITA_OFFSET_MIN = 8 * 60;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** True when `s` is a valid 'HH:MM' (00:00..23:59, or 24:00 as a closing time). */
export function isHhmm(s: unknown): s is string {
  return typeof s === 'string' && HHMM.test(s);
}

/** Minutes since local midnight for 'HH:MM'. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** The WITA weekday and minute-of-day of an instant. */
export function witaClock(now: Date): { weekday: Weekday; minute: number } {
  const local = new Date(now.getTime() + WITA_OFFSET_MIN * 60_000);
  const jsDay = local.getUTCDay(); // 0 = Sunday
  return { weekday: WEEKDAYS[(jsDay + 6) % 7], minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/**
 * Whether a place with these hours is open at `now`. Returns null when the hours are unknown
 * (the UI then says so rather than guessing).
 */
export function isOpenAt(hours: OpeningHours | null | undefined, now: Date): boolean | null {
  if (!hours) return null;
  const { weekday, minute } = witaClock(now);
  return (hours[weekday] ?? []).some((s) => minute >= minutesOf(s.opens) && minute < minutesOf(s.closes));
}
