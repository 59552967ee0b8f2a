/**
 * Civil dates as 'YYYY-MM-DD' strings. A civil date is a day on the wall calendar in Bali (WITA);
 * it has no time and no zone, so all arithmetic is done on UTC midnights where no DST can interfere.
 */
import { InvalidInputError } from '../errors.js';
import { gotParam } from '../codes/values.js';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The longest range, in days inclusive, that range functions accept. */
export const MAX_RANGE_DAYS = 400;

/**
 * Validates a strict 'YYYY-MM-DD' civil date and returns it unchanged.
 * Throws InvalidInputError naming `field` for any other shape or an impossible day (2024-02-30).
 */
export function parseIsoDate(value: unknown, field = 'date'): string {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) {
    throw new InvalidInputError(field, `${field} must be a date written YYYY-MM-DD, e.g. 2025-07-06; got ${show(value)}`, {
      code: value === undefined || value === null ? 'required' : 'invalid_date',
      params: value === undefined || value === null ? {} : { got: gotParam(value) },
    });
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new InvalidInputError(field, `${field} ${value} is not a real calendar day`, { code: 'not_a_calendar_day', params: { got: value as string } });
  }
  return value as string;
}

/** Days since 1970-01-01 (the Unix epoch day number) of a valid 'YYYY-MM-DD'. */
export function epochDay(date: string): number {
  return utcMidnight(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** The 'YYYY-MM-DD' of an epoch day number (days since 1970-01-01). */
export function fromEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The civil date `n` days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  return fromEpochDay(epochDay(parseIsoDate(date)) + n);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Gregorian weekday of a civil date: 0 = Sunday … 6 = Saturday (like Date#getUTCDay). */
export function weekdayOf(date: string): number {
  return new Date(epochDay(parseIsoDate(date)) * MS_PER_DAY).getUTCDay();
}

/**
 * Validates a civil date range and returns its days (inclusive). Throws InvalidInputError on field
 * 'to' when the range is reversed or longer than `maxDays` days.
 */
export function dateRange(from: string, to: string, maxDays = MAX_RANGE_DAYS): string[] {
  parseIsoDate(from, 'from');
  parseIsoDate(to, 'to');
  const span = daysBetween(from, to) + 1;
  if (span < 1) throw new InvalidInputError('to', `to (${to}) must be on or after from (${from})`, { code: 'range_reversed', params: { from, to } });
  if (span > maxDays) {
    throw new InvalidInputError('to', `the range ${from}..${to} covers ${span} days; ask for at most ${maxDays} days`, {
      code: 'range_too_long', params: { days: span, max_days: maxDays },
    });
  }
  const start = epochDay(from);
  return Array.from({ length: span }, (_, i) => fromEpochDay(start + i));
}

/** Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not. */
function utcMidnight(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
