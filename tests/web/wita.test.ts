/** Dates shown in WITA (UTC+08:00), whatever zone the phone or the test machine is in. */
import { describe, expect, it } from 'vitest';
import { formatWitaDate } from '../../web/shared/wita.js';

describe('formatWitaDate', () => {
  it('writes an instant as its WITA date: 16:30 UTC is already the next day in Bali', () => {
    expect(formatWitaDate('2026-03-01T16:30:00Z', 'id')).toBe('2 Mar 2026');
    expect(formatWitaDate('2026-03-01T15:59:59Z', 'id')).toBe('1 Mar 2026');
    expect(formatWitaDate('2026-08-17T09:00:00+08:00', 'en')).toBe('17 Aug 2026');
  });

  it('writes a civil date as that date, and returns text that is no date unchanged', () => {
    expect(formatWitaDate('2026-12-31', 'id')).toBe('31 Des 2026');
    expect(formatWitaDate('bukan tanggal', 'id')).toBe('bukan tanggal');
  });
});
