import { describe, expect, it } from 'vitest';
import { addDays, dateRange } from '../../../server/domain/calendar/dates.js';
import {
  MARKET_DAY_KEYS, MARKET_DAY_NAMES, describeRule, marketDates, matchesMarketDay, nextMarketDate, parseMarketDayRule, ruleCycle,
  type MarketDayRule,
} from '../../../server/domain/calendar/marketDays.js';
import { balineseDay, calendarRange } from '../../../server/domain/calendar/pawukon.js';
import { InvalidInputError } from '../../../server/domain/errors.js';

const EXAMPLES: Record<string, MarketDayRule> = {
  pasah: { triwara: ['Pasah'] },
  kliwon: { pancawara: ['Kliwon'] },
  kajengKliwon: { triwara: ['Kajeng'], pancawara: ['Kliwon'] },
  sunday: { saptawara: ['Redite'] },
  everyDay: {},
};

/** Reference: check the rule name by name against balineseDay, without the module under test. */
function bruteForceMatch(rule: MarketDayRule, date: string): boolean {
  const day = balineseDay(date);
  return MARKET_DAY_KEYS.every((k) => !rule[k] || (rule[k] as string[]).includes(day[k]));
}

/** Deterministic PRNG (mulberry32) so a failing random rule can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return e as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError');
}

describe('parseMarketDayRule', () => {
  it('accepts each example rule unchanged', () => {
    for (const rule of Object.values(EXAMPLES)) expect(parseMarketDayRule(rule)).toEqual(rule);
  });

  it('puts names in cycle order and drops duplicates', () => {
    expect(parseMarketDayRule({ triwara: ['Kajeng', 'Pasah', 'Kajeng'] })).toEqual({ triwara: ['Pasah', 'Kajeng'] });
  });

  it('rejects an unknown key and lists the allowed keys', () => {
    const e = errorOf(() => parseMarketDayRule({ sasih: ['Kasa'] }));
    expect(e.field).toBe('market_days');
    expect(e.message).toMatch(/unknown key "sasih".*triwara, pancawara, saptawara, wuku/);
  });

  it('rejects a value that is not a list', () => {
    expect(errorOf(() => parseMarketDayRule({ triwara: 'Pasah' })).message).toMatch(/triwara must be a list/);
  });

  it('rejects an empty list', () => {
    expect(errorOf(() => parseMarketDayRule({ pancawara: [] })).message).toMatch(/pancawara is empty/);
  });

  it('rejects an unknown name and says which names are allowed', () => {
    const e = errorOf(() => parseMarketDayRule({ triwara: ['Wage'] }, 'rule'));
    expect(e.field).toBe('rule');
    expect(e.message).toMatch(/unknown name "Wage".*allowed: Pasah, Beteng, Kajeng/);
    expect(errorOf(() => parseMarketDayRule({ pancawara: ['kliwon'] })).message).toMatch(/did you mean "Kliwon"/);
  });

  it('rejects values that are not objects', () => {
    for (const bad of [null, undefined, 'Pasah', ['Pasah'], 3]) expect(errorOf(() => parseMarketDayRule(bad)).field).toBe('market_days');
  });

  it('rejects a rule that no day of the pawukon can satisfy', () => {
    // Wuku Sinta's Redite is pawukon day 0, which is Pasah, so it can never be Beteng.
    expect(errorOf(() => parseMarketDayRule({ wuku: ['Sinta'], saptawara: ['Redite'], triwara: ['Beteng'] })).message).toMatch(/never/);
  });
});

describe('market dates', () => {
  it.each(Object.entries(EXAMPLES))('lists the %s rule dates of July-September 2025 as brute force does', (_name, rule) => {
    const expected = dateRange('2025-07-01', '2025-09-30').filter((d) => bruteForceMatch(rule, d));
    expect(marketDates(rule, '2025-07-01', '2025-09-30')).toEqual(expected);
  });

  it('gives Pasah every third day including 6 July 2025', () => {
    const dates = marketDates(EXAMPLES.pasah, '2025-07-01', '2025-07-15');
    expect(dates).toContain('2025-07-06');
    expect(dates).toEqual(['2025-07-03', '2025-07-06', '2025-07-09', '2025-07-12', '2025-07-15']);
  });

  it('gives Kajeng Kliwon every 15 days and every Sunday for the Redite rule', () => {
    expect(marketDates(EXAMPLES.kajengKliwon, '2025-01-01', '2025-02-28')).toEqual(['2025-01-03', '2025-01-18', '2025-02-02', '2025-02-17']);
    expect(marketDates(EXAMPLES.sunday, '2025-07-01', '2025-07-31')).toEqual(['2025-07-06', '2025-07-13', '2025-07-20', '2025-07-27']);
    expect(marketDates(EXAMPLES.everyDay, '2025-07-01', '2025-07-03')).toEqual(['2025-07-01', '2025-07-02', '2025-07-03']);
  });

  it('rejects a range longer than 400 days or reversed on the to field', () => {
    expect(errorOf(() => marketDates(EXAMPLES.pasah, '2025-01-01', '2026-02-05')).field).toBe('to');
    expect(errorOf(() => marketDates(EXAMPLES.pasah, '2025-01-02', '2025-01-01')).field).toBe('to');
  });

  it('finds the next market date on or after a day', () => {
    expect(nextMarketDate(EXAMPLES.pasah, '2025-07-06')).toBe('2025-07-06');
    expect(nextMarketDate(EXAMPLES.pasah, '2025-07-07')).toBe('2025-07-09');
    expect(nextMarketDate(EXAMPLES.kajengKliwon, '2025-01-04')).toBe('2025-01-18');
    expect(nextMarketDate(EXAMPLES.kajengKliwon, '2025-01-04', 14)).toBeNull();
    expect(nextMarketDate({ wuku: ['Dungulan'], saptawara: ['Buda'] }, '2024-03-01')).toBe('2024-09-25');
  });

  it('matches a single date by every constraint at once', () => {
    expect(matchesMarketDay(EXAMPLES.kajengKliwon, '2025-07-02')).toBe(true);
    expect(matchesMarketDay(EXAMPLES.kajengKliwon, '2025-07-17')).toBe(true);
    expect(matchesMarketDay(EXAMPLES.kajengKliwon, '2025-07-07')).toBe(false);
  });
});

describe('ruleCycle', () => {
  it('gives an interval of 3 for a single triwara, 15 for Kajeng Kliwon and 1 for every day', () => {
    expect(ruleCycle(EXAMPLES.pasah)).toEqual({ periodDays: 3, offsets: [0] });
    expect(ruleCycle(EXAMPLES.kajengKliwon)).toEqual({ periodDays: 15, offsets: [8] });
    expect(ruleCycle(EXAMPLES.everyDay)).toEqual({ periodDays: 1, offsets: [0] });
    expect(ruleCycle({ triwara: ['Pasah', 'Beteng'] })).toEqual({ periodDays: 3, offsets: [0, 1] });
    expect(ruleCycle({ saptawara: ['Redite'], pancawara: ['Umanis'] }).periodDays).toBe(35);
    expect(ruleCycle({ wuku: ['Sinta'] })).toEqual({ periodDays: 210, offsets: [0, 1, 2, 3, 4, 5, 6] });
  });

  it('agrees with brute force over 420 days for 300 random rules', () => {
    const random = prng(20250706);
    const days = calendarRange('2024-06-01', addDays('2024-06-01', 419), 420);
    let tested = 0;
    while (tested < 300) {
      const rule: MarketDayRule = {};
      for (const key of MARKET_DAY_KEYS) {
        if (random() < (key === 'wuku' ? 0.2 : 0.5)) {
          const names = MARKET_DAY_NAMES[key].filter(() => random() < 0.4);
          if (names.length) (rule as Record<string, string[]>)[key] = names;
        }
      }
      const { periodDays, offsets } = ruleCycle(rule);
      const expectedPeriod = MARKET_DAY_KEYS.filter((k) => rule[k]).map((k) => ({ triwara: 3, pancawara: 5, saptawara: 7, wuku: 210 })[k])
        .reduce((p, n) => (p * n) / gcd(p, n), 1);
      expect(periodDays, JSON.stringify(rule)).toBe(expectedPeriod);
      for (const day of days) {
        expect(offsets.includes(day.pawukon_day % periodDays), `${JSON.stringify(rule)} ${day.date}`).toBe(bruteForceMatch(rule, day.date));
      }
      tested++;
    }
  });
});

describe('describeRule', () => {
  it('lists the names of a rule key by key', () => {
    expect(describeRule(EXAMPLES.pasah)).toEqual(['Pasah']);
    expect(describeRule({ pancawara: ['Kliwon'], triwara: ['Kajeng'] })).toEqual(['Kajeng', 'Kliwon']);
    expect(describeRule(EXAMPLES.everyDay)).toEqual([]);
  });
});

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
