/**
 * Dates and times for display in WITA (Asia/Makassar, UTC+08:00, no DST), whatever zone the phone is in.
 * Civil dates are 'YYYY-MM-DD' strings; instants are ISO 8601 strings with an offset.
 */
import { formatCivilDate, formatNumber } from './localeText';
const WITA_OFFSET_MS = 8 * 3_600_000;

/** Today's civil date in Bali ('YYYY-MM-DD') at instant `now`. */
export function witaToday(now: Date = new Date()): string {
  return witaDateOf(now.toISOString());
}

/** The WITA civil date ('YYYY-MM-DD') of an ISO 8601 instant. */
export function witaDateOf(iso: string): string {
  return new Date(new Date(iso).getTime() + WITA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The WITA wall time 'HH:MM' of an ISO 8601 instant. */
export function witaHhmm(iso: string): string {
  return new Date(new Date(iso).getTime() + WITA_OFFSET_MS).toISOString().slice(11, 16);
}

/** An ISO 8601 instant for a WITA civil date and wall time 'HH:MM', e.g. 2024-07-01T09:00:00+08:00. */
export function witaIso(date: string, hhmm: string): string {
  return `${date}T${hhmm}:00+08:00`;
}

/** The civil date `n` days after `date`. */
export function addDaysIso(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * An ISO 8601 instant (or a 'YYYY-MM-DD' civil date) as its WITA date, e.g. "3 Des 2026" / "3 Dec 2026".
 * Text that is neither comes back unchanged.
 */
export function formatWitaDate(isoOrDate: string, lang: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoOrDate)) return formatCivilDate(isoOrDate, lang, 'medium');
  if (Number.isNaN(new Date(isoOrDate).getTime())) return isoOrDate;
  return formatCivilDate(witaDateOf(isoOrDate), lang, 'medium');
}

/** "Kamis, 3 Desember 2026" / "Thursday, 3 December 2026". */
export function formatLongDate(date: string, lang: string): string {
  return formatCivilDate(date, lang, 'long');
}

/** "Kamis, 3 Des" / "Thu 3 Dec". */
export function formatShortDate(date: string, lang: string): string {
  return formatCivilDate(date, lang, 'weekdayShort');
}

/** "Desember 2026" / "December 2026" for a 'YYYY-MM' month. */
export function formatMonth(month: string, lang: string): string {
  return formatCivilDate(`${month}-01`, lang, 'month');
}

/**
 * A wall time 'HH:MM' as "09.00": the one way Jangkau writes times, in both languages (issue 13), as Indonesian
 * texts and the posters do. Anything not 'HH:MM' comes back unchanged.
 */
export function formatClock(hhmm: string): string {
  return /^\d{2}:\d{2}$/.test(hhmm) ? hhmm.replace(':', '.') : hhmm;
}

/** "09.00–12.00 WITA": a visit's local time span. */
export function formatTimeSpan(startIso: string, endIso: string): string {
  return `${formatClock(witaHhmm(startIso))}–${formatClock(witaHhmm(endIso))} WITA`;
}

/**
 * What a date and/or time input holds, written out in the reader's language, e.g. "Senin, 7 Desember 2026,
 * 09.00–12.00 WITA": browsers draw native date and time inputs in their own locale (12/07/2026, 9:00 AM).
 * Empty or unfinished values are left out; null when there is nothing to say.
 */
export function writtenDateTime(parts: { date?: string; start?: string; end?: string }, lang: string): string | null {
  const date = parts.date && /^\d{4}-\d{2}-\d{2}$/.test(parts.date) ? formatLongDate(parts.date, lang) : null;
  const ok = (t?: string) => (t && /^\d{2}:\d{2}$/.test(t) ? formatClock(t) : null);
  const [start, end] = [ok(parts.start), ok(parts.end)];
  const time = start && end ? `${start}–${end} WITA` : start ? `${start} WITA` : end ? `${end} WITA` : null;
  return [date, time].filter(Boolean).join(', ') || null;
}

/** A distance in metres as "850 m" or "3,2 km" (decimal comma in Indonesian). */
export function formatDistance(distanceM: number, lang: string): string {
  if (distanceM < 1000) return `${Math.round(distanceM / 10) * 10} m`;
  return `${formatNumber(distanceM / 1000, lang, { maxDigits: distanceM < 10_000 ? 1 : 0 })} km`;
}
