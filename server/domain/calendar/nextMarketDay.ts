import { addDays } from './dates.js';
import { nextMarketDate, type MarketDayRule } from './marketDays.js';
import { isHhmm, minutesOf, witaClock } from '../points/openingHours.js';
import { witaDate } from '../schedule/wita.js';

/**
 * The next market date (YYYY-MM-DD, WITA) of a place at `now`: today while the market is still open (or its
 * closing time is unknown), otherwise the next market date after today. Null for places without a rule.
 * Pure, so the phone recomputes it offline from cached points.
 */
export function nextMarketDay(p: { market_days?: unknown; closes?: string | null }, now: Date): string | null {
  if (!p.market_days) return null;
  const today = witaDate(now);
  const closedForToday = isHhmm(p.closes) && p.closes !== '24:00' && witaClock(now).minute >= minutesOf(p.closes);
  return nextMarketDate(p.market_days as MarketDayRule, closedForToday ? addDays(today, 1) : today);
}
