/**
 * Instants and WITA wall-clock time. WITA (Asia/Makassar) is UTC+08:00 all year, with no DST, so a
 * fixed offset is exact. Visits are written as ISO 8601 strings with an explicit offset.
 */
import { InvalidInputError } from '../errors.js';
import { addDays, epochDay, fromEpochDay, parseIsoDate } from '../calendar/dates.js';
import { gotParam } from '../codes/values.js';

/** The IANA zone of Bali. */
export const WITA_TZID = 'Asia/Makassar';
/** WITA offset from UTC in minutes. */
export const WITA_OFFSET_MIN = 480;

const MS_PER_MIN = 60_000;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 date-time that carries an offset ('Z' or ±HH:MM), e.g. 2024-07-01T09:00:00+08:00.
 * Throws InvalidInputError naming `field` for any other text, a missing offset or an impossible time.
 */
export function parseInstant(value: unknown, field = 'starts_at'): Date {
  const m = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (!m) {
    const noOffset = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value);
    throw new InvalidInputError(
      field,
      noOffset
        ? `${field} ${value} has no UTC offset; add +08:00 for WITA, e.g. ${value}+08:00`
        : `${field} must be an ISO 8601 date-time with offset, e.g. 2024-07-01T09:00:00+08:00; got ${JSON.stringify(value) ?? String(value)}`,
      value === undefined || value === null
        ? { code: 'required' }
        : { code: noOffset ? 'datetime_without_offset' : 'invalid_datetime', params: { got: gotParam(value) } },
    );
  }
  const [, y, mo, d, hh, mi, ss = '00', frac = '', zone] = m;
  parseIsoDate(`${y}-${mo}-${d}`, field);
  const offsetMin = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59 || Math.abs(offsetMin) > 14 * 60 || Number(zone.slice(4, 6)) > 59) {
    throw new InvalidInputError(field, `${field} ${value} is not a real time of day or offset`, { code: 'invalid_datetime', params: { got: value as string } });
  }
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  const wall = epochDay(`${y}-${mo}-${d}`) * 1440 + Number(hh) * 60 + Number(mi);
  return new Date((wall - offsetMin) * MS_PER_MIN + Number(ss) * 1000 + ms);
}

/** An instant as WITA wall time for people, 'YYYY-MM-DD HH:MM' (no seconds, no offset). */
export function witaWall(instant: Date): string {
  const s = formatWita(instant);
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** Formats an instant as WITA wall time with its offset, e.g. 2024-07-01T09:00:00+08:00 (whole seconds). */
export function formatWita(instant: Date): string {
  const local = new Date(instant.getTime() + WITA_OFFSET_MIN * MS_PER_MIN).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

/** Re-writes any ISO 8601 date-time with offset in WITA, e.g. 2024-07-01T01:00:00Z → 2024-07-01T09:00:00+08:00. */
export function toWita(value: string, field = 'starts_at'): string {
  return formatWita(parseInstant(value, field));
}

/** The WITA civil date 'YYYY-MM-DD' of an instant. */
export function witaDate(instant: Date): string {
  return fromEpochDay(Math.floor(witaMinutes(instant) / 1440));
}

/** Minutes since WITA midnight (0..1439) of an instant. */
export function witaMinuteOfDay(instant: Date): number {
  return ((witaMinutes(instant) % 1440) + 1440) % 1440;
}

/** The instant of a WITA civil date plus `minuteOfDay` minutes past local midnight (may exceed 1440). */
export function witaInstant(date: string, minuteOfDay: number): Date {
  return new Date((epochDay(date) * 1440 + minuteOfDay - WITA_OFFSET_MIN) * MS_PER_MIN);
}

/** Every WITA civil date an interval [start, end) touches, ascending. */
export function witaDatesCovered(start: Date, end: Date): string[] {
  const last = witaDate(new Date(Math.max(start.getTime(), end.getTime() - 1)));
  const out = [witaDate(start)];
  while (out[out.length - 1] < last) out.push(addDays(out[out.length - 1], 1));
  return out;
}

/**
 * Parses a visit's start and end. Throws InvalidInputError on 'starts_at' / 'ends_at' for bad text and on
 * 'ends_at' when the end is not after the start.
 */
export function parseInterval(startsAt: unknown, endsAt: unknown): { start: Date; end: Date } {
  const start = parseInstant(startsAt, 'starts_at');
  const end = parseInstant(endsAt, 'ends_at');
  if (end.getTime() <= start.getTime()) {
    throw new InvalidInputError('ends_at', `ends_at (${endsAt}) must be after starts_at (${startsAt})`, {
      code: 'ends_before_start', params: { starts_at: witaWall(start), ends_at: witaWall(end) },
    });
  }
  return { start, end };
}

function witaMinutes(instant: Date): number {
  return Math.floor(instant.getTime() / MS_PER_MIN) + WITA_OFFSET_MIN;
}
