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
  return findConflictsCapped(candidates, existing, context, Infinity).warnings;
}

/**
 * findConflicts, keeping only the first `max` warnings (in the same order) and counting all of them in `total`:
 * the messages of warnings past `max` are never built, so thousands of conflicts cost little.
 */
export function findConflictsCapped(
  candidates: readonly Occurrence[],
  existing: readonly Occurrence[],
  context: ConflictContext,
  max: number,
): { warnings: ConflictWarning[]; total: number } {
  let total = 0;
  const add = (make: () => ConflictWarning) => {
    if (total++ < max) warnings.push(make());
  };
  const active = candidates.filter((o) => o.status !== 'cancelled');
  const replaced = new Set(active.map((o) => o.id));
  const others = existing.filter((o) => o.status !== 'cancelled' && !replaced.has(o.id));
  const closed = new Map((context.closedDates ?? []).map((c) => [c.date, c.name]));
  const warnings: ConflictWarning[] = [];
  // Candidates first, then the others: a candidate is compared with the candidates before it and every other,
  // in this order, through an index by team and start instead of every pair.
  const pool = [...active, ...others];
  const teams = teamIndex(pool);

  active.forEach((occ, i) => {
    for (const j of teams.overlapping(occ, (j) => j < i || j >= active.length)) {
      const other = pool[j];
      add(() => ({
        code: 'team_overlap',
        message: `Team ${occ.team} is booked twice: ${span(occ)} overlaps "${other.title}" ${span(other)}`,
        occurrence_id: occ.id,
        other_id: other.id,
      }));
    }
    const start = new Date(occ.starts_at);
    const end = new Date(occ.ends_at);
    for (const date of witaDatesCovered(start, end)) {
      const name = closed.get(date);
      if (name) add(() => ({ code: 'closed_date', message: `${date} is ${name}, a closed date`, occurrence_id: occ.id }));
    }
    const point = lookupPoint(context.points, occ.point_id);
    if (!point) return;
    const date = witaDate(start);
    if (point.market_days && !matchesMarketDay(point.market_days, date)) {
      const rule = point.market_days;
      add(() => ({
        code: 'not_market_day',
        message: `${date} is not a market day at ${point.name} (market days: ${describeRule(rule).join(' ') || 'every day'})`,
        occurrence_id: occ.id,
      }));
    }
    if (!withinWindow(point, start, end)) {
      add(() => ({
        code: 'outside_opening_hours',
        message: `${span(occ)} is outside the opening hours of ${point.name} (${point.opens ?? '?'}–${point.closes ?? '?'} WITA)`,
        occurrence_id: occ.id,
      }));
    }
  });
  return { warnings, total };
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

/** The team a visit books, compared case- and space-insensitively; null when it names none. */
export function teamKeyOf(team: string | null | undefined): string | null {
  return team?.trim().toLowerCase() || null;
}

function teamKey(o: Occurrence): string | null {
  return teamKeyOf(o.team);
}

interface Interval {
  startMs: number;
  endMs: number;
  /** Position in the pool. */
  at: number;
}

/**
 * Occurrences grouped by team and sorted by start, with each team's longest occurrence: the ones overlapping
 * [start, end) are found by binary search for start − longest, then a scan up to end — O(log n + hits) per
 * query instead of a pass over every occurrence, so a long series among many others stays fast.
 */
function teamIndex(pool: readonly Occurrence[]) {
  const byTeam = new Map<string, { list: Interval[]; longestMs: number }>();
  pool.forEach((o, at) => {
    const key = teamKey(o);
    if (!key) return;
    const startMs = Date.parse(o.starts_at);
    const endMs = Date.parse(o.ends_at);
    let team = byTeam.get(key);
    if (!team) byTeam.set(key, (team = { list: [], longestMs: 0 }));
    team.list.push({ startMs, endMs, at });
    team.longestMs = Math.max(team.longestMs, endMs - startMs);
  });
  for (const team of byTeam.values()) team.list.sort((a, b) => a.startMs - b.startMs || a.at - b.at);
  return {
    /** Pool positions (ascending) of occurrences of `occ`'s team that overlap it and pass `keep`. */
    overlapping(occ: Occurrence, keep: (at: number) => boolean): number[] {
      const key = teamKey(occ);
      const team = key ? byTeam.get(key) : undefined;
      if (!team) return [];
      const startMs = Date.parse(occ.starts_at);
      const endMs = Date.parse(occ.ends_at);
      // Anything starting at or before start − longest has ended by `start`.
      const from = startMs - team.longestMs;
      let lo = 0;
      let hi = team.list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (team.list[mid].startMs <= from) lo = mid + 1;
        else hi = mid;
      }
      const hits: number[] = [];
      for (let k = lo; k < team.list.length && team.list[k].startMs < endMs; k++) {
        const other = team.list[k];
        if (other.endMs > startMs && keep(other.at)) hits.push(other.at);
      }
      return hits.sort((a, b) => a - b);
    },
  };
}

/** '2024-07-01 09:00–13:00 WITA' (the end date is added when it differs). */
function span(o: Occurrence): string {
  const s = formatWita(new Date(o.starts_at));
  const e = formatWita(new Date(o.ends_at));
  const endText = e.slice(0, 10) === s.slice(0, 10) ? e.slice(11, 16) : `${e.slice(0, 10)} ${e.slice(11, 16)}`;
  return `${s.slice(0, 10)} ${s.slice(11, 16)}–${endText} WITA`;
}
