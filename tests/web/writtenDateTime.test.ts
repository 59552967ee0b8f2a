/**
 * Issue 13: next to every date or time input the chosen value is written out in the reader's language, and times
 * are written one way everywhere (09.00). Oracle: Intl's own long date for the day, and the digits typed.
 */
import { describe, expect, it } from 'vitest';
import { formatClock, formatTimeSpan, writtenDateTime } from '../../web/shared/wita';

const intlLong = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

describe('writtenDateTime', () => {
  it('writes a date and a time span as "Senin, 7 Desember 2026, 09.00–12.00 WITA"', () => {
    expect(writtenDateTime({ date: '2026-12-07', start: '09:00', end: '12:00' }, 'id')).toBe('Senin, 7 Desember 2026, 09.00–12.00 WITA');
  });

  it('agrees with Intl on the weekday and month names for every day of 2026, in both languages', () => {
    for (let d = new Date('2026-01-01T00:00:00Z'); d.getUTCFullYear() === 2026; d = new Date(d.getTime() + 86_400_000)) {
      const date = d.toISOString().slice(0, 10);
      expect(writtenDateTime({ date }, 'id')).toBe(intlLong(date, 'id-ID'));
      expect(writtenDateTime({ date }, 'en')).toBe(intlLong(date, 'en-GB').replace(/^(\w+) /, '$1, '));
    }
  });

  it('leaves out what is empty or half typed, and says nothing when nothing is chosen', () => {
    expect(writtenDateTime({ date: '2026-12-07', start: '', end: '' }, 'id')).toBe('Senin, 7 Desember 2026');
    expect(writtenDateTime({ start: '07:30' }, 'id')).toBe('07.30 WITA');
    expect(writtenDateTime({ date: '2026-1', start: '9:' }, 'id')).toBeNull();
    expect(writtenDateTime({}, 'en')).toBeNull();
  });
});

describe('times are written one way', () => {
  it('writes HH:MM as HH.MM in both languages, also in a visit time span', () => {
    expect(formatClock('09:00')).toBe('09.00');
    expect(formatClock('23:59')).toBe('23.59');
    expect(formatTimeSpan('2026-12-07T01:00:00Z', '2026-12-07T04:30:00Z')).toBe('09.00–12.30 WITA');
  });
});
