import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../helpers/errors.js';
import {
  formatWita, parseInstant, parseInterval, toWita, witaDate, witaDatesCovered, witaInstant, witaMinuteOfDay,
} from '../../../server/domain/schedule/wita.js';

describe('WITA time', () => {
  it('parses ISO 8601 with any offset to the same instant', () => {
    const t = Date.UTC(2024, 6, 1, 1, 0, 0);
    expect(parseInstant('2024-07-01T09:00:00+08:00').getTime()).toBe(t);
    expect(parseInstant('2024-07-01T01:00:00Z').getTime()).toBe(t);
    expect(parseInstant('2024-06-30T21:00:00-04:00').getTime()).toBe(t);
    expect(parseInstant('2024-07-01T09:00+08:00').getTime()).toBe(t);
    expect(parseInstant('2024-07-01T09:00:00.250+08:00').getTime()).toBe(t + 250);
  });

  it('formats an instant as WITA wall time with +08:00', () => {
    expect(formatWita(new Date(Date.UTC(2024, 6, 1, 1, 0, 0)))).toBe('2024-07-01T09:00:00+08:00');
    expect(formatWita(new Date(Date.UTC(2024, 6, 1, 17, 30, 0)))).toBe('2024-07-02T01:30:00+08:00');
    expect(toWita('2024-07-01T01:00:00Z')).toBe('2024-07-01T09:00:00+08:00');
  });

  it('rejects a time without an offset and suggests +08:00', () => {
    expect(fieldOf(() => parseInstant('2024-07-01T09:00:00', 'ends_at'))).toBe('ends_at');
    expect(() => parseInstant('2024-07-01T09:00:00')).toThrow(/add \+08:00/);
  });

  it.each(['', 'soon', '2024-07-01', '2024-07-01 09:00:00+08:00', '2024-02-30T09:00:00+08:00', '2024-07-01T24:00:00+08:00',
    '2024-07-01T09:60:00+08:00', '2024-07-01T09:00:00+0800', '2024-07-01T09:00:00+15:00', '2024-7-1T09:00:00+08:00'])(
    'rejects %j naming the field', (bad) => {
      expect(fieldOf(() => parseInstant(bad, 'starts_at'))).toBe('starts_at');
    },
  );

  it('rejects an end that is not after the start on the ends_at field', () => {
    expect(fieldOf(() => parseInterval('2024-07-01T09:00:00+08:00', '2024-07-01T09:00:00+08:00'))).toBe('ends_at');
    expect(fieldOf(() => parseInterval('2024-07-01T09:00:00+08:00', '2024-07-01T00:59:00Z'))).toBe('ends_at');
    expect(fieldOf(() => parseInterval('nope', '2024-07-01T10:00:00+08:00'))).toBe('starts_at');
  });

  it('finds the WITA date and minute of day of an instant near midnight', () => {
    const lateUtc = new Date('2024-06-30T16:30:00Z'); // 00:30 WITA on 1 July
    expect(witaDate(lateUtc)).toBe('2024-07-01');
    expect(witaMinuteOfDay(lateUtc)).toBe(30);
    expect(witaInstant('2024-07-01', 30).toISOString()).toBe('2024-06-30T16:30:00.000Z');
  });

  it('lists the WITA dates an interval touches', () => {
    expect(witaDatesCovered(new Date('2024-07-01T20:00:00+08:00'), new Date('2024-07-02T02:00:00+08:00'))).toEqual(['2024-07-01', '2024-07-02']);
    expect(witaDatesCovered(new Date('2024-07-01T20:00:00+08:00'), new Date('2024-07-02T00:00:00+08:00'))).toEqual(['2024-07-01']);
  });
});
