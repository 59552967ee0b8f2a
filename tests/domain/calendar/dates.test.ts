import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../helpers/errors.js';
import { addDays, dateRange, daysBetween, parseIsoDate, weekdayOf } from '../../../server/domain/calendar/dates.js';
import { calendarRange } from '../../../server/domain/calendar/pawukon.js';

describe('parseIsoDate', () => {
  it('accepts a real YYYY-MM-DD day including 29 February of a leap year', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2000-02-29')).toBe('2000-02-29');
  });

  it.each([
    '2024-02-30', '2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00',
    '2024-2-3', '24-02-03', '2024-02-03T00:00:00', ' 2024-02-03', '2024/02/03', '', 'tomorrow',
  ])('rejects %j with an error naming the field', (bad) => {
    expect(fieldOf(() => parseIsoDate(bad, 'from'))).toBe('from');
  });

  it('rejects values that are not strings', () => {
    for (const bad of [null, undefined, 20240203, new Date(0), {}]) expect(fieldOf(() => parseIsoDate(bad, 'date'))).toBe('date');
  });

  it('says how to write the date in its message', () => {
    expect(() => parseIsoDate('2024-2-3', 'from')).toThrow(/YYYY-MM-DD/);
    expect(() => parseIsoDate('2024-02-30', 'from')).toThrow(/2024-02-30 is not a real calendar day/);
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-07-01', 210)).toBe('2025-01-27');
  });

  it('counts days between two dates', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
  });

  it('gives the weekday with 0 for Sunday', () => {
    expect(weekdayOf('2025-07-06')).toBe(0);
    expect(weekdayOf('2024-02-28')).toBe(3);
  });
});

describe('ranges', () => {
  it('lists every day of a range inclusively', () => {
    expect(dateRange('2024-02-27', '2024-03-01')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(dateRange('2024-02-27', '2024-02-27')).toEqual(['2024-02-27']);
  });

  it('rejects a reversed range on the to field', () => {
    expect(fieldOf(() => calendarRange('2024-03-01', '2024-02-28'))).toBe('to');
  });

  it('accepts 400 days and rejects 401 days on the to field', () => {
    expect(calendarRange('2024-01-01', addDays('2024-01-01', 399))).toHaveLength(400);
    expect(fieldOf(() => calendarRange('2024-01-01', addDays('2024-01-01', 400)))).toBe('to');
  });

  it('names the from field when the start of a range is malformed', () => {
    expect(fieldOf(() => calendarRange('2024-1-01', '2024-02-28'))).toBe('from');
  });
});
