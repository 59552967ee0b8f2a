/** Turns series (plus their exceptions) and single visits into concrete occurrences. */
import { InvalidInputError } from '../errors.js';
import { dateRange, parseIsoDate } from '../calendar/dates.js';
import { matchesMarketDay } from '../calendar/marketDays.js';
import type { EntityId, Occurrence, OccurrenceChanges, SeriesException, Visit, VisitSeries } from './types.js';
import { formatWita, parseInstant, parseInterval, witaDate, witaInstant, witaWall } from './wita.js';

export interface ExpandOptions {
  /** Also return cancelled occurrences (status 'cancelled'); default false. */
  includeCancelled?: boolean;
  /** Longest window accepted, in days; default 400. */
  maxDays?: number;
}

/** The validated recurrence of a series: its first WITA date, last allowed date and wall-clock times. */
export interface SeriesPlan {
  firstDate: string;
  until: string;
  /** Start time in minutes after WITA midnight (fractional when the start has seconds). */
  startMinute: number;
  durationMs: number;
  /** True when `date` (YYYY-MM-DD) is an original occurrence date of the series. */
  isOccurrenceDate(date: string): boolean;
}

/** Validates a series' times and `repeat.until` (InvalidInputError) and describes its recurrence. */
export function planSeries(series: VisitSeries): SeriesPlan {
  const { start, end } = parseInterval(series.starts_at, series.ends_at);
  const firstDate = witaDate(start);
  const until = parseIsoDate(series.repeat?.until, 'repeat.until');
  if (until < firstDate) {
    throw new InvalidInputError('repeat.until', `repeat.until (${until}) must be on or after the first visit date ${firstDate}`, {
      code: 'until_before_first', params: { until, first: firstDate },
    });
  }
  return {
    firstDate,
    until,
    startMinute: (start.getTime() - witaInstant(firstDate, 0).getTime()) / 60_000,
    durationMs: end.getTime() - start.getTime(),
    isOccurrenceDate: (date) =>
      date === firstDate || (date > firstDate && date <= until && matchesMarketDay(series.market_days, date)),
  };
}

/** Occurrence id of a series occurrence: `${seriesId}:${YYYY-MM-DD}` (original WITA date). */
export function occurrenceId(seriesId: EntityId, date: string): string {
  return `${seriesId}:${date}`;
}

/**
 * Occurrences of `series` whose (possibly overridden) WITA start date lies in [from, to], sorted by start.
 * Exceptions of other series are ignored, as are exceptions on dates the series does not visit.
 */
export function expandSeries(
  series: VisitSeries,
  exceptions: readonly SeriesException[],
  from: string,
  to: string,
  options: ExpandOptions = {},
): Occurrence[] {
  const window = dateRange(from, to, options.maxDays);
  const plan = planSeries(series);
  const byDate = new Map<string, SeriesException>();
  for (const e of exceptions) if (String(e.series_id) === String(series.id)) byDate.set(e.date, e);

  const dates = new Set(window.filter(plan.isOccurrenceDate));
  // An override may move an occurrence into the window from a date outside it.
  for (const e of byDate.values()) if (e.kind === 'override' && plan.isOccurrenceDate(e.date)) dates.add(e.date);

  const out: Occurrence[] = [];
  for (const date of dates) {
    const occ = occurrenceOnDate(series, plan, date, byDate.get(date));
    const day = occ.starts_at.slice(0, 10);
    if (day < from || day > to) continue;
    if (occ.status === 'cancelled' && !options.includeCancelled) continue;
    out.push(occ);
  }
  return out.sort(compareOccurrences);
}

/** A single visit as an occurrence (validates its times with InvalidInputError). */
export function visitToOccurrence(visit: Visit): Occurrence {
  const { start, end } = parseInterval(visit.starts_at, visit.ends_at);
  return {
    id: String(visit.id),
    series_id: null,
    point_id: String(visit.point_id),
    starts_at: formatWita(start),
    ends_at: formatWita(end),
    title: visit.title,
    activities: [...visit.activities],
    status: visit.status,
    team: visit.team ?? null,
    capacity: visit.capacity ?? null,
    notes: visit.notes ?? null,
    overridden: false,
  };
}

/** Orders occurrences by start instant, then id. */
export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return Date.parse(a.starts_at) - Date.parse(b.starts_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The occurrence of `series` on its original WITA `date`, with `exception` applied (status 'cancelled' when cancelled). */
export function occurrenceOnDate(series: VisitSeries, plan: SeriesPlan, date: string, exception?: SeriesException): Occurrence {
  const start = witaInstant(date, plan.startMinute);
  const base = visitToOccurrence({
    ...series,
    starts_at: formatWita(start),
    ends_at: formatWita(new Date(start.getTime() + plan.durationMs)),
  });
  const occ: Occurrence = { ...base, id: occurrenceId(series.id, date), series_id: String(series.id) };
  if (exception?.kind === 'cancelled') return { ...occ, status: 'cancelled' };
  if (exception?.kind === 'override') Object.assign(occ, applyChanges(occ, exception.changes), { overridden: true });
  if (series.status === 'cancelled') occ.status = 'cancelled';
  return occ;
}

function applyChanges(occ: Occurrence, changes: OccurrenceChanges): Partial<Occurrence> {
  const durationMs = Date.parse(occ.ends_at) - Date.parse(occ.starts_at);
  const start = changes.starts_at !== undefined ? parseInstant(changes.starts_at, 'starts_at') : new Date(occ.starts_at);
  // Moving only the start keeps the visit's length.
  const end = changes.ends_at !== undefined ? parseInstant(changes.ends_at, 'ends_at') : new Date(start.getTime() + durationMs);
  if (end.getTime() <= start.getTime()) {
    throw new InvalidInputError('ends_at', `ends_at (${formatWita(end)}) must be after starts_at (${formatWita(start)})`, {
      code: 'ends_before_start', params: { starts_at: witaWall(start), ends_at: witaWall(end) },
    });
  }
  const { starts_at: _s, ends_at: _e, activities, ...rest } = changes;
  return {
    ...stripUndefined(rest),
    starts_at: formatWita(start),
    ends_at: formatWita(end),
    ...(activities ? { activities: [...activities] } : {}),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
