import { addDays, dateRange } from '../domain/calendar/dates.js';
import { calendarRange, type BalineseDay } from '../domain/calendar/pawukon.js';
import { isGalungan, isKuningan } from '../domain/calendar/holyDays.js';
import { describeRule, marketDates, parseMarketDayRule, type MarketDayRule } from '../domain/calendar/marketDays.js';
import { nextMarketDay } from '../domain/calendar/nextMarketDay.js';
import type { ClosedDate } from '../domain/schedule/conflicts.js';
import { witaDate } from '../domain/schedule/wita.js';
import type { Point } from '../domain/points/point.js';
import { NotFoundError } from '../errors.js';
import type { PointStore } from '../storage/points.js';

/** A day of `GET /api/calendar`: the Balinese weeks plus Galungan/Kuningan and the organisation's closed dates. */
export type CalendarDay = BalineseDay & { holy_day: 'Galungan' | 'Kuningan' | null; closed: string | null };

/** Default window of market-day listings, in days. */
export const DEFAULT_MARKET_DAYS_WINDOW = 60;

export { nextMarketDay };

/** Public market-day facts of a point for its Feature: the rule's names and the next market date. */
export function marketDayProperties(p: Pick<Point, 'market_days' | 'closes'>, now: Date): { market_day_names: string[] | null; next_market_day: string | null } {
  return {
    market_day_names: p.market_days ? describeRule(p.market_days as MarketDayRule) : null,
    next_market_day: nextMarketDay(p, now),
  };
}

/** The Balinese calendar and market days over date ranges. */
export class CalendarService {
  constructor(
    private readonly points: PointStore,
    private readonly closedDates: readonly ClosedDate[],
    private readonly now: () => Date,
  ) {}

  /** Every day from `from` to `to` (WITA dates, at most 400) with its Balinese weeks. */
  days(from: string, to: string): { days: CalendarDay[] } {
    const closed = new Map(this.closedDates.map((c) => [c.date, c.name]));
    return {
      days: calendarRange(from, to).map((d) => ({
        ...d,
        holy_day: isGalungan(d.date) ? 'Galungan' : isKuningan(d.date) ? 'Kuningan' : null,
        closed: closed.get(d.date) ?? null,
      })),
    };
  }

  /** Market dates of point `id` in [from, to] (default: today for 60 days); [] when it has no rule. */
  marketDays(id: number, from?: string, to?: string) {
    const p = this.points.get(id);
    if (!p || p.status === 'retired') throw new NotFoundError(`No service point with id ${id}`, 'id');
    const start = from ?? witaDate(this.now());
    const end = to ?? addDays(start, DEFAULT_MARKET_DAYS_WINDOW - 1);
    dateRange(start, end); // validates both and the 400-day cap, naming the field
    const rule = p.market_days ? parseMarketDayRule(p.market_days) : null;
    return {
      point_id: p.id,
      from: start,
      to: end,
      market_days: rule,
      names: rule ? describeRule(rule) : [],
      opens: p.opens,
      closes: p.closes,
      dates: rule ? marketDates(rule, start, end) : [],
    };
  }
}
