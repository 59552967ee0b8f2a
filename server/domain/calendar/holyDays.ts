/** Galungan and Kuningan, the pawukon holy days that fall every 210 days. */
import { dateRange } from './dates.js';
import { pawukonDay } from './pawukon.js';

/** Pawukon day of Galungan: Buda Kliwon Dungulan. */
export const GALUNGAN_PAWUKON_DAY = 73;
/** Pawukon day of Kuningan: Saniscara Kliwon Kuningan, ten days after Galungan. */
export const KUNINGAN_PAWUKON_DAY = 83;

export type HolyDayName = 'Galungan' | 'Kuningan';

/** A holy day on a civil date. */
export interface HolyDay {
  date: string;
  name: HolyDayName;
}

/** True when the 'YYYY-MM-DD' civil date is Galungan. */
export function isGalungan(date: string): boolean {
  return pawukonDay(date) === GALUNGAN_PAWUKON_DAY;
}

/** True when the 'YYYY-MM-DD' civil date is Kuningan. */
export function isKuningan(date: string): boolean {
  return pawukonDay(date) === KUNINGAN_PAWUKON_DAY;
}

/** Galungan and Kuningan dates from `from` to `to` inclusive, in date order; range capped at `maxDays`. */
export function holyDaysInRange(from: string, to: string, maxDays?: number): HolyDay[] {
  const out: HolyDay[] = [];
  for (const date of dateRange(from, to, maxDays)) {
    const p = pawukonDay(date);
    if (p === GALUNGAN_PAWUKON_DAY) out.push({ date, name: 'Galungan' });
    else if (p === KUNINGAN_PAWUKON_DAY) out.push({ date, name: 'Kuningan' });
  }
  return out;
}
