/**
 * The hand-written number and date formats (web/shared/localeText.ts) say exactly what Intl says for id-ID and
 * en-GB with the same options: the app avoids Intl only for speed, never for different output.
 */
import { describe, expect, it } from 'vitest';
import { formatCivilDate, formatNumber, formatPercent, shortMonthName, weekdayNames } from '../../web/shared/localeText.js';
import { seededRandom } from '../helpers/random.js';

const LANGS = [
  ['id', 'id-ID'],
  ['en', 'en-GB'],
] as const;

/** Numbers of every magnitude the app shows (money, metres, km, counts), plus rounding ties and tiny values. */
function sampleNumbers(): number[] {
  const rand = seededRandom(20261125);
  const out = [0, 1, 5, 10, 999, 1000, 1234.5, 16_800, 1_000_000, 1.005, 2.675, 0.25, 0.35, 2.5, 9.95, 99.995, 1e-7, 1.5e-7, 123456789.987654, 1e20];
  for (let i = 0; i < 3000; i++) {
    const magnitude = 10 ** Math.floor(rand() * 12 - 4);
    out.push(rand() * magnitude);
    // Ties at the rounding digit, where floating-point rounding and Intl's decimal rounding differ.
    out.push(Math.round(rand() * 100_000) / 1000 + 0.0005);
  }
  return out;
}

describe('formatNumber', () => {
  const digitOptions = [{}, { maxDigits: 0 }, { maxDigits: 1 }, { minDigits: 1, maxDigits: 1 }, { minDigits: 2, maxDigits: 2 }];
  for (const [lang, locale] of LANGS) {
    it(`writes every sampled number as Intl.NumberFormat('${locale}') does, for each digit option`, () => {
      for (const opts of digitOptions) {
        const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: opts.minDigits ?? 0, maximumFractionDigits: opts.maxDigits ?? 3 });
        const mismatches = sampleNumbers()
          .flatMap((n) => [n, -n])
          .filter((n) => n !== 0)
          .map((n) => [n, formatNumber(n, lang, opts), intl.format(n)])
          .filter(([, ours, theirs]) => ours !== theirs);
        expect(mismatches.slice(0, 5), JSON.stringify(opts)).toEqual([]);
      }
    });
  }

  it('groups Indonesian thousands with dots and decimals with a comma, English the other way round', () => {
    expect(formatNumber(1234567.891, 'id')).toBe('1.234.567,891');
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.891');
  });
});

describe('formatPercent', () => {
  for (const [lang, locale] of LANGS) {
    it(`writes rates as Intl's percent style in ${locale}, including rates whose ×100 is inexact in floating point`, () => {
      const rand = seededRandom(7);
      const rates = [0.0024, 0.0054, 0.007, 0.01, 0.02, 0.037, 0.07, 0.057, 0.5, 1, ...Array.from({ length: 2000 }, () => rand() / 10)];
      for (const maxDigits of [0, 1, 2]) {
        const intl = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: maxDigits });
        const mismatches = rates.map((r) => [r, formatPercent(r, lang, maxDigits), intl.format(r)]).filter(([, a, b]) => a !== b);
        expect(mismatches.slice(0, 5)).toEqual([]);
      }
    });
  }
});

describe('formatCivilDate', () => {
  const styles = {
    medium: { day: 'numeric', month: 'short', year: 'numeric' },
    long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
    month: { month: 'long', year: 'numeric' },
  } as const;
  /** Every day of 2024 (a leap year) and 2026. */
  const days = [2024, 2026].flatMap((year) => Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10)));

  for (const [lang, locale] of LANGS) {
    it(`writes every day of two years as Intl.DateTimeFormat('${locale}') does in each style`, () => {
      const all = { ...styles, weekdayShort: { weekday: lang === 'en' ? 'short' : 'long', day: 'numeric', month: 'short' } } as const;
      for (const [style, options] of Object.entries(all)) {
        const intl = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
        const mismatches = days
          .map((d) => [d, formatCivilDate(d, lang, style as keyof typeof all), intl.format(new Date(`${d}T00:00:00Z`))])
          .filter(([, a, b]) => a !== b);
        expect(mismatches.slice(0, 5), style).toEqual([]);
      }
    });

    it(`names the months and weekdays as Intl's short forms in ${locale}`, () => {
      const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
      expect(Array.from({ length: 12 }, (_, i) => shortMonthName(i + 1, lang))).toEqual(Array.from({ length: 12 }, (_, i) => month.format(new Date(Date.UTC(2026, i, 1)))));
      const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
      // 2024-01-01 was a Monday.
      expect(weekdayNames(lang)).toEqual(Array.from({ length: 7 }, (_, i) => weekday.format(new Date(Date.UTC(2024, 0, 1 + i)))));
    });
  }
});
