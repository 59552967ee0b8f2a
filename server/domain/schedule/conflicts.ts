/**
 * Warnings about planned occurrences: double-booked teams, visits outside a market's window, on a
 * non-market day or on a closed date. Warnings never block a save; the UI translates them by `code`.
 */
import { describeRule, matchesMarketDay } from '../calendar/marketDays.js';
import { isHhmm, minutesOf } from '../points/openingHours.js';
import { estimateLeg } from '../routing/travelTime.js';
import { lookupPoint, type Occurrence, type PointLookup, type SchedulePoint } from './types.js';
import { formatWita, witaDate, witaDatesCovered, witaMinuteOfDay } from './wita.js';

export type ConflictCode = 'team_overlap' | 'tight_transfer' | 'outside_opening_hours' | 'not_market_day' | 'closed_date';

/** One warning about a candidate occurrence; `other_id` is the occurrence it clashes with. */
export interface ConflictWarning {
  code: ConflictCode;
  /** What a translation needs: dates 'YYYY-MM-DD' and WITA times 'HH:MM', titles and place names, no ids. */
  params: Record<string, string | number>;
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
      add(() => {
        const [a, b] = [when(occ), when(other)];
        return {
          code: 'team_overlap',
          params: { team: occ.team ?? '', date: a.date, start: a.start, end: a.end, other_title: other.title, other_date: b.date, other_start: b.start, other_end: b.end },
          message: `Team ${occ.team} is booked twice: ${span(occ)} overlaps "${other.title}" ${span(other)}`,
          occurrence_id: occ.id,
          other_id: other.id,
        };
      });
    }
    // The same team's visit just before (or just after) on that day at another place, with too little time to travel
    // between them: warned when saving, not only in the day route (issue 13).
    const { before, after } = teams.neighbours(occ, (j) => j < i || j >= active.length);
    for (const [from, to] of [[before, occ], [occ, after]] as const) {
      if (!from || !to) continue;
      const transfer = tightTransfer(from === occ ? occ : pool[from as number], to === occ ? occ : pool[to as number], context.points);
      if (transfer) add(() => ({ ...transfer, occurrence_id: occ.id, other_id: (from === occ ? pool[to as number] : pool[from as number]).id }));
    }
    const start = new Date(occ.starts_at);
    const end = new Date(occ.ends_at);
    for (const date of witaDatesCovered(start, end)) {
      const name = closed.get(date);
      if (name) add(() => ({ code: 'closed_date', params: { date, name }, message: `${date} is ${name}, a closed date`, occurrence_id: occ.id }));
    }
    const point = lookupPoint(context.points, occ.point_id);
    if (!point) return;
    const date = witaDate(start);
    if (point.market_days && !matchesMarketDay(point.market_days, date)) {
      const rule = point.market_days;
      add(() => ({
        code: 'not_market_day',
        params: { date, point_name: point.name, market_days: describeRule(rule).join(' ') },
        message: `${date} is not a market day at ${point.name} (market days: ${describeRule(rule).join(' ') || 'every day'})`,
        occurrence_id: occ.id,
      }));
    }
    if (!withinWindow(point, start, end)) {
      add(() => {
        const w = when(occ);
        return {
          code: 'outside_opening_hours',
          params: { date: w.date, start: w.start, end: w.end, point_name: point.name, opens: point.opens ?? '?', closes: point.closes ?? '?' },
          message: `${span(occ)} is outside the opening hours of ${point.name} (${point.opens ?? '?'}–${point.closes ?? '?'} WITA)`,
          occurrence_id: occ.id,
        };
      });
    }
  });
  return { warnings, total };
}

/**
 * A `tight_transfer` warning when one team's visit `a` ends too soon before its visit `b` starts for the estimated
 * travel between their places (great-circle × 1.4 at 30 km/h plus 10 min a stop, as in the day route), or null.
 */
function tightTransfer(a: Occurrence, b: Occurrence, points: PointLookup): Omit<ConflictWarning, 'occurrence_id' | 'other_id'> | null {
  if (a.point_id === b.point_id) return null;
  const [pa, pb] = [lookupPoint(points, a.point_id), lookupPoint(points, b.point_id)];
  if (!pa?.location || !pb?.location) return null;
  const gapMin = (Date.parse(b.starts_at) - Date.parse(a.ends_at)) / 60_000;
  const travelMin = estimateLeg(pa.location, pb.location).durationMin;
  if (gapMin < 0 || gapMin >= travelMin) return null;
  const [wa, wb] = [when(a), when(b)];
  return {
    code: 'tight_transfer',
    params: { from_title: a.title, from_end: wa.end, to_title: b.title, to_start: wb.start, gap_min: Math.round(gapMin), travel_min: Math.round(travelMin), via: 0 },
    message: `"${a.title}" ends at ${wa.end} WITA and "${b.title}" starts at ${wb.start} WITA, leaving ${Math.round(gapMin)} min for about ${Math.round(travelMin)} min of travel between ${pa.name} and ${pb.name}`,
  };
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
    /**
     * Pool positions of the same team's occurrence ending last at or before `occ` starts, and starting first at or
     * after it ends, on the same WITA day; null when there is none, or when that neighbour fails `keep` (the true
     * neighbour is found first, so a visit in between is never skipped).
     */
    neighbours(occ: Occurrence, keep: (at: number) => boolean): { before: number | null; after: number | null } {
      const key = teamKey(occ);
      const team = key ? byTeam.get(key) : undefined;
      if (!team) return { before: null, after: null };
      const [startMs, endMs] = [Date.parse(occ.starts_at), Date.parse(occ.ends_at)];
      const day = witaDate(new Date(startMs));
      let before: Interval | null = null;
      let after: Interval | null = null;
      // A day is short: scan the team's visits that start within a day either side.
      let lo = 0;
      let hi = team.list.length;
      const from = startMs - DAY_MS;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (team.list[mid].startMs < from) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < team.list.length && team.list[k].startMs < endMs + DAY_MS; k++) {
        const o = team.list[k];
        if (pool[o.at] === occ) continue;
        if (o.endMs <= startMs && witaDate(new Date(o.endMs)) === day && (!before || o.endMs > before.endMs)) before = o;
        if (o.startMs >= endMs && witaDate(new Date(o.startMs)) === day && (!after || o.startMs < after.startMs)) after = o;
      }
      const kept = (o: Interval | null) => (o && keep(o.at) ? o.at : null);
      return { before: kept(before), after: kept(after) };
    },
  };
}

const DAY_MS = 86_400_000;

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
