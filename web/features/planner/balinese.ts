/**
 * The Balinese calendar on the phone: the pure server/domain/calendar module labels a month without a request.
 */
import {
  balineseDay, isGalungan, isKuningan, marketDates, matchesMarketDay, nextMarketDate, describeRule, parseMarketDayRule,
  type BalineseDay, type MarketDayRule,
} from '../../../server/domain/calendar/index';
import { addDaysIso } from '../../shared/wita';

export type { BalineseDay, MarketDayRule };
export { balineseDay, describeRule, matchesMarketDay, nextMarketDate };

/** What a calendar cell shows about one civil date. */
export interface DayInfo extends BalineseDay {
  holyDay: 'Galungan' | 'Kuningan' | null;
  /** First day (Redite) of a wuku: the cell names the wuku. */
  wukuStarts: boolean;
}

/** Balinese labels of a 'YYYY-MM-DD' date. */
export function dayInfo(date: string): DayInfo {
  const b = balineseDay(date);
  return { ...b, holyDay: isGalungan(date) ? 'Galungan' : isKuningan(date) ? 'Kuningan' : null, wukuStarts: b.pawukon_day % 7 === 0 };
}

/** The 6×7 (or 5×7) Monday-first grid of dates covering 'YYYY-MM'; days outside the month are included. */
export function monthGrid(month: string): string[][] {
  const first = `${month}-01`;
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const start = addDaysIso(first, -weekday);
  const weeks: string[][] = [];
  for (let w = 0; w < 6; w++) {
    const week = Array.from({ length: 7 }, (_, i) => addDaysIso(start, w * 7 + i));
    if (w > 0 && !week[0].startsWith(month)) break;
    weeks.push(week);
  }
  return weeks;
}

/** A point's market-day rule, or null when it has none or it is malformed. */
export function ruleOf(marketDays: unknown): MarketDayRule | null {
  if (marketDays === null || marketDays === undefined) return null;
  try {
    return parseMarketDayRule(marketDays);
  } catch {
    return null;
  }
}

/** The next `count` market dates on or after `from` (within a year). */
export function nextMarketDates(rule: MarketDayRule, from: string, count: number): string[] {
  const out: string[] = [];
  let d = from;
  while (out.length < count) {
    const next = nextMarketDate(rule, d);
    if (!next || next > addDaysIso(from, 366)) break;
    out.push(next);
    d = addDaysIso(next, 1);
  }
  return out;
}

/** The month 'YYYY-MM' `n` months after `month`. */
export function addMonths(month: string, n: number): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
}

/** Market dates from `from` to `to` inclusive (at most 400 days). */
export function marketDatesBetween(rule: MarketDayRule, from: string, to: string): string[] {
  return marketDates(rule, from, to);
}
