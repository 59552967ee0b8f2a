/**
 * iCalendar feed of published visits. Series become RRULEs (one VEVENT per residue of the rule's
 * cycle), cancelled occurrences EXDATEs and overridden ones RECURRENCE-ID events, so a standard
 * parser expands the feed to exactly the scheduled occurrences expandSeries returns.
 */
import { TZDate } from '@date-fns/tz';
import ical, { escape, ICalEventRepeatingFreq, type ICalCalendar, type ICalEventData } from 'ical-generator';
import { addDays, daysBetween } from '../calendar/dates.js';
import { matchesMarketDay, ruleCycle } from '../calendar/marketDays.js';
import { mod, pawukonDay } from '../calendar/pawukon.js';
import { occurrenceOnDate, planSeries, visitToOccurrence } from './expand.js';
import { lookupPoint, type Occurrence, type PointLookup, type SeriesException, type Visit, type VisitSeries } from './types.js';
import { WITA_TZID, witaInstant } from './wita.js';

export interface IcsOptions {
  /** DTSTAMP of every event (the feed's generation time). */
  now: Date;
  /** Event DESCRIPTION; defaults to activities, team and notes on separate lines. */
  describe?: (occurrence: Occurrence) => string;
}

/** The fixed VTIMEZONE of WITA (UTC+08:00, no DST since 1963); null for any other zone. */
export function witaVtimezone(tzid: string): string | null {
  if (tzid !== WITA_TZID) return null;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${WITA_TZID}`,
    `X-LIC-LOCATION:${WITA_TZID}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:WITA',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/**
 * An .ics document with every scheduled single visit and series occurrence. Drafts and cancelled visits
 * are left out. UIDs are stable: `visit-<id>@jangkau`, `series-<id>-<k>@jangkau` (k = cycle residue index)
 * and `series-<id>-first@jangkau` for a first occurrence that is not itself a market day.
 */
export function buildIcs(
  calendarName: string,
  series: readonly VisitSeries[],
  singles: readonly Visit[],
  exceptions: readonly SeriesException[],
  pointsById: PointLookup,
  options: IcsOptions,
): string {
  const cal = ical({
    // ical-generator writes NAME and X-WR-CALNAME as given; every other text property it escapes itself.
    name: escape(icsText(calendarName), false),
    prodId: { company: 'Jangkau', product: 'jangkau', language: 'ID' },
    // No calendar-wide name: DTSTAMP and UNTIL stay in UTC; events carry TZID themselves.
    timezone: { name: null, generator: witaVtimezone },
  });
  const ctx = { cal, pointsById, options };
  for (const s of series) if (s.status === 'scheduled') addSeries(ctx, s, exceptions);
  for (const v of singles) {
    if (v.status === 'scheduled') addEvent(ctx, `visit-${v.id}@jangkau`, visitToOccurrence(v));
  }
  return cal.toString();
}

interface Ctx {
  cal: ICalCalendar;
  pointsById: PointLookup;
  options: IcsOptions;
}

function addSeries(ctx: Ctx, series: VisitSeries, exceptions: readonly SeriesException[]): void {
  const plan = planSeries(series);
  const mine = new Map<string, SeriesException>();
  for (const e of exceptions) {
    if (String(e.series_id) === String(series.id) && plan.isOccurrenceDate(e.date)) mine.set(e.date, e);
  }
  const occurrenceOn = (date: string) => occurrenceOnDate(series, plan, date, mine.get(date));

  let recurFrom = plan.firstDate;
  if (!matchesMarketDay(series.market_days, plan.firstDate)) {
    // DTSTART always counts as an instance, so an off-cycle first visit gets its own event.
    const first = occurrenceOn(plan.firstDate);
    if (first.status === 'scheduled') addEvent(ctx, `series-${series.id}-first@jangkau`, first);
    recurFrom = addDays(plan.firstDate, 1);
  }
  const { periodDays, offsets } = ruleCycle(series.market_days);
  const fromResidue = mod(pawukonDay(recurFrom), periodDays);
  offsets.forEach((r, k) => {
    const dtstartDate = addDays(recurFrom, mod(r - fromResidue, periodDays));
    if (dtstartDate > plan.until) return;
    const uid = `series-${series.id}-${k}@jangkau`;
    const originalStart = (date: string) => wita(witaInstant(date, plan.startMinute));
    const excluded: TZDate[] = [];
    const overrides: Array<[string, Occurrence]> = [];
    for (const date of mine.keys()) {
      if (date < dtstartDate || daysBetween(dtstartDate, date) % periodDays !== 0) continue; // another VEVENT's date
      const occ = occurrenceOn(date);
      if (occ.status === 'scheduled') overrides.push([date, occ]);
      else excluded.push(originalStart(date));
    }
    // The master carries the series' own fields; an override of its first date is a RECURRENCE-ID event.
    addEvent(ctx, uid, occurrenceOnDate(series, plan, dtstartDate), {
      repeating: {
        freq: ICalEventRepeatingFreq.DAILY,
        interval: periodDays,
        // UNTIL is inclusive; the last second of the last allowed WITA day, written in UTC.
        until: new Date(witaInstant(plan.until, 1440).getTime() - 1000),
        ...(excluded.length ? { exclude: excluded.sort((a, b) => a.getTime() - b.getTime()) } : {}),
      },
    });
    for (const [date, occ] of overrides.sort(([a], [b]) => (a < b ? -1 : 1))) addEvent(ctx, uid, occ, { recurrenceId: originalStart(date) });
  });
}

function addEvent(ctx: Ctx, uid: string, occ: Occurrence, extra: Partial<ICalEventData> = {}): void {
  const point = lookupPoint(ctx.pointsById, occ.point_id);
  const describe = ctx.options.describe ?? defaultDescription;
  ctx.cal.createEvent({
    id: uid,
    stamp: ctx.options.now,
    timezone: WITA_TZID,
    start: wita(new Date(occ.starts_at)),
    end: wita(new Date(occ.ends_at)),
    summary: icsText(occ.title),
    description: icsText(describe(occ)),
    ...(point
      ? {
          location: {
            title: icsText(point.name),
            ...(point.location ? { geo: { lat: point.location[1], lon: point.location[0] } } : {}),
          },
        }
      : {}),
    ...extra,
  });
}

/**
 * Text safe for an RFC 5545 TEXT value before escaping: control characters other than line breaks and tab are
 * not allowed there (§3.3.11), so they are dropped; line breaks become \n and `\ ; ,` are escaped by the
 * writer, and lines are folded at 75 octets without splitting a UTF-8 character.
 */
export function icsText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function defaultDescription(o: Occurrence): string {
  return [o.activities.join(', '), o.team, o.notes].filter((x) => x).join('\n');
}

/** ical-generator writes a plain Date in the server's zone; a TZDate makes it write WITA wall time. */
function wita(instant: Date): TZDate {
  return new TZDate(instant.getTime(), WITA_TZID);
}
