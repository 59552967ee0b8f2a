/**
 * Warnings about planned occurrences: double-booked teams, visits outside a market's window, on a
 * non-market day or on a closed date. Warnings never block a save; the UI translates them by `code`.
 */
import { describeRule, matchesMarketDay } from '../calendar/marketDays.js';
import { isHhmm, minutesOf } from '../points/openingHours.js';
import { lookupPoint, type Occurrence, type PointLookup, type SchedulePoint } from './types.js';
import { formatWita, witaDate, witaDatesCovered, witaMinuteOfDay } from './wita.js';

export type ConflictCode = 'team_overlap' | 'outside_opening_hours' | 'not_market_day' | 'closed_date';

/** One warning about a candidate occurrence; `other_id` is the occurrence it clashes with. */
export interface ConflictWarning {
  code: ConflictCode;
  /** What a translation needs: dates 'YYYY-MM-DD' and WITA times 'HH:MM', titles and place names, no ids. */
  params: Record<string, string>;
  message: string;
  occurrence_id?: string;
  other_id?: string;
}

/** A date the organisation does not work, e.g. { date: '2025-03-29', name: 'Nyepi' }. */
export interface ClosedDate {
  date: string;
  name: string;
}

export interface ConflictContext {
  points: PointLookup;
  closedDates?: readonly ClosedDate[];
}

/**
 * Checks `candidates` against each other and against `existing`. Cancelled occurrences are ignored, and
 * an existing occurrence with the same id as a candidate is taken to be replaced by it.
 */
export function findConflicts(
  candidates: readonly Occurrence[],
  existing: readonly Occurrence[],
  context: ConflictContext,
): ConflictWarning[] {
  const active = candidates.filter((o) => o.status !== 'cancelled');
  const replaced = new Set(active.map((o) => o.id));
  const others = existing.filter((o) => o.status !== 'cancelled' && !replaced.has(o.id));
  const closed = new Map((context.closedDates ?? []).map((c) => [c.date, c.name]));
  const warnings: ConflictWarning[] = [];

  active.forEach((occ, i) => {
    for (const other of [...active.slice(0, i), ...others]) {
      if (sameTeam(occ, other) && overlaps(occ, other)) {
        const [a, b] = [when(occ), when(other)];
        warnings.push({
          code: 'team_overlap',
          params: { team: occ.team ?? '', date: a.date, start: a.start, end: a.end, other_title: other.title, other_date: b.date, other_start: b.start, other_end: b.end },
          message: `Team ${occ.team} is booked twice: ${span(occ)} overlaps "${other.title}" ${span(other)}`,
          occurrence_id: occ.id,
          other_id: other.id,
        });
      }
    }
    const start = new Date(occ.starts_at);
    const end = new Date(occ.ends_at);
    for (const date of witaDatesCovered(start, end)) {
      const name = closed.get(date);
      if (name) warnings.push({ code: 'closed_date', params: { date, name }, message: `${date} is ${name}, a closed date`, occurrence_id: occ.id });
    }
    const point = lookupPoint(context.points, occ.point_id);
    if (!point) return;
    const date = witaDate(start);
    if (point.market_days && !matchesMarketDay(point.market_days, date)) {
      const days = describeRule(point.market_days).join(' ') || 'every day';
      warnings.push({
        code: 'not_market_day',
        params: { date, point_name: point.name, market_days: describeRule(point.market_days).join(' ') },
        message: `${date} is not a market day at ${point.name} (market days: ${days})`,
        occurrence_id: occ.id,
      });
    }
    if (!withinWindow(point, start, end)) {
      const w = when(occ);
      warnings.push({
        code: 'outside_opening_hours',
        params: { date: w.date, start: w.start, end: w.end, point_name: point.name, opens: point.opens ?? '?', closes: point.closes ?? '?' },
        message: `${span(occ)} is outside the opening hours of ${point.name} (${point.opens ?? '?'}–${point.closes ?? '?'} WITA)`,
        occurrence_id: occ.id,
      });
    }
  });
  return warnings;
}

/** True when the visit [start, end) fits the point's 'HH:MM' WITA window; unknown bounds are not checked. */
export function withinWindow(point: Pick<SchedulePoint, 'opens' | 'closes'>, start: Date, end: Date): boolean {
  const opens = isHhmm(point.opens) ? minutesOf(point.opens) : null;
  const closes = isHhmm(point.closes) ? minutesOf(point.closes) : null;
  const s = witaMinuteOfDay(start);
  const e = s + (end.getTime() - start.getTime()) / 60_000;
  if (opens === null && closes === null) return true;
  if (opens === null) return e <= closes!;
  if (closes === null) return s >= opens;
  if (closes > opens) return s >= opens && e <= closes;
  // A night market closes after midnight: the window runs from `opens` to `closes` the next day.
  return (s >= opens && e <= closes + 1440) || e <= closes;
}

function sameTeam(a: Occurrence, b: Occurrence): boolean {
  const ta = a.team?.trim().toLowerCase();
  return !!ta && ta === b.team?.trim().toLowerCase();
}

function overlaps(a: Occurrence, b: Occurrence): boolean {
  return Date.parse(a.starts_at) < Date.parse(b.ends_at) && Date.parse(b.starts_at) < Date.parse(a.ends_at);
}

/** The WITA date and 'HH:MM' start and end of an occurrence, for warning params. */
function when(o: Occurrence): { date: string; start: string; end: string } {
  const s = formatWita(new Date(o.starts_at));
  const e = formatWita(new Date(o.ends_at));
  return { date: s.slice(0, 10), start: s.slice(11, 16), end: e.slice(11, 16) };
}

/** '2024-07-01 09:00–13:00 WITA' (the end date is added when it differs). */
function span(o: Occurrence): string {
  const s = formatWita(new Date(o.starts_at));
  const e = formatWita(new Date(o.ends_at));
  const endText = e.slice(0, 10) === s.slice(0, 10) ? e.slice(11, 16) : `${e.slice(0, 10)} ${e.slice(11, 16)}`;
  return `${s.slice(0, 10)} ${s.slice(11, 16)}–${endText} WITA`;
}
