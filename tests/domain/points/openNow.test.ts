import { describe, expect, it } from 'vitest';
import { isOpenNow } from '../../../server/domain/points/openNow.js';
import { nextMarketDay } from '../../../server/domain/calendar/nextMarketDay.js';

/** An instant at a WITA wall time. */
const wita = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

// Pasar Penelokan opens on Pasah; the facts file reports a busy market on Sunday 2025-07-06, which is Pasah, so
// the next Pasah days are 9 and 12 July (the triwara repeats every 3 days).
const everyDay = { opens: '05:00', closes: '10:00' };
const penelokan = {
  status: 'active',
  market_days: { triwara: ['Pasah'] },
  opens: '05:00',
  closes: '10:00',
  opening_hours: { mon: [everyDay], tue: [everyDay], wed: [everyDay], thu: [everyDay], fri: [everyDay], sat: [everyDay], sun: [everyDay] },
};

describe('open now for a market that keeps market days', () => {
  it('is open inside its window on a market day', () => {
    expect(isOpenNow(penelokan, wita('2025-07-06', '06:00'))).toBe(true);
  });

  it('is closed on the day after a market day even when its weekly hours say open, and names the next market day', () => {
    expect(isOpenNow(penelokan, wita('2025-07-07', '06:00'))).toBe(false);
    expect(nextMarketDay(penelokan, wita('2025-07-07', '06:00'))).toBe('2025-07-09');
  });

  it('is closed after its window on a market day, and the next market day is three days later', () => {
    expect(isOpenNow(penelokan, wita('2025-07-06', '10:00'))).toBe(false);
    expect(nextMarketDay(penelokan, wita('2025-07-06', '10:00'))).toBe('2025-07-09');
  });

  it('names today as the next market day before the market opens', () => {
    expect(isOpenNow(penelokan, wita('2025-07-06', '04:30'))).toBe(false);
    expect(nextMarketDay(penelokan, wita('2025-07-06', '04:30'))).toBe('2025-07-06');
  });

  it('keeps weekly hours alone for places without market days, and unknown hours unknown', () => {
    expect(isOpenNow({ ...penelokan, market_days: null }, wita('2025-07-07', '06:00'))).toBe(true);
    expect(isOpenNow({ status: 'active', opening_hours: null }, wita('2025-07-07', '06:00'))).toBeNull();
    expect(isOpenNow({ ...penelokan, status: 'temporarily_closed' }, wita('2025-07-06', '06:00'))).toBe(false);
  });
});
