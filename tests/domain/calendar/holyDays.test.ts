import { describe, expect, it } from 'vitest';
import { addDays } from '../../../server/domain/calendar/dates.js';
import { holyDaysInRange, isGalungan, isKuningan } from '../../../server/domain/calendar/holyDays.js';
import { balineseDay } from '../../../server/domain/calendar/pawukon.js';

// Galungan dates as commonly published for 2024-2025, written down independently of the formula.
const PUBLISHED_GALUNGAN = ['2024-02-28', '2024-09-25', '2025-04-23', '2025-11-19'];

describe('Galungan and Kuningan', () => {
  it('recognises the published Galungan dates of 2024 and 2025 as Buda Kliwon Dungulan', () => {
    for (const date of PUBLISHED_GALUNGAN) {
      expect(isGalungan(date), date).toBe(true);
      expect(balineseDay(date)).toMatchObject({ saptawara: 'Buda', pancawara: 'Kliwon', wuku: 'Dungulan' });
    }
  });

  it('recognises Kuningan ten days after each Galungan as Saniscara Kliwon Kuningan', () => {
    for (const galungan of PUBLISHED_GALUNGAN) {
      const date = addDays(galungan, 10);
      expect(isKuningan(date), date).toBe(true);
      expect(balineseDay(date)).toMatchObject({ saptawara: 'Saniscara', pancawara: 'Kliwon', wuku: 'Kuningan' });
    }
  });

  it('lists exactly the published holy days in 2024 and in 2025, in date order', () => {
    const expected = PUBLISHED_GALUNGAN.flatMap((date) => [
      { date, name: 'Galungan' },
      { date: addDays(date, 10), name: 'Kuningan' },
    ]);
    const listed = [...holyDaysInRange('2024-01-01', '2024-12-31'), ...holyDaysInRange('2025-01-01', '2025-12-31')];
    expect(listed).toEqual(expected);
  });

  it('does not call the day before or after Galungan Galungan', () => {
    expect(isGalungan('2024-02-27')).toBe(false);
    expect(isGalungan('2024-02-29')).toBe(false);
    expect(isKuningan('2024-02-28')).toBe(false);
  });
});
