import { matchesMarketDay, type MarketDayRule } from '../calendar/marketDays.js';
import { isHhmm, isOpenAt, minutesOf, witaClock, type OpeningHours } from './openingHours.js';
import { witaDate } from '../schedule/wita.js';

/** What `open_now` reads from a point (a stored Point or a public Feature's properties). */
export interface OpenNowFacts {
  status: string;
  opening_hours: OpeningHours | null | undefined;
  market_days?: unknown;
  opens?: string | null;
  closes?: string | null;
}

/**
 * Whether a place is open at `now` (WITA), or null when its hours are unknown. A place that keeps market days is
 * closed on the other days whatever its weekly hours say, and on a market day open within its market window
 * (or its weekly hours), so a market card never says "Buka sekarang" beside "Pasar berikutnya: Senin".
 */
export function isOpenNow(p: OpenNowFacts, now: Date): boolean | null {
  if (p.status === 'temporarily_closed') return false;
  if (!p.market_days) return isOpenAt(p.opening_hours, now);
  const today = witaDate(now);
  if (!matchesMarketDay(p.market_days as MarketDayRule, today)) return false;
  if (isHhmm(p.opens) && isHhmm(p.closes)) {
    const { minute } = witaClock(now);
    return minute >= minutesOf(p.opens) && minute < minutesOf(p.closes);
  }
  return isOpenAt(p.opening_hours, now);
}
