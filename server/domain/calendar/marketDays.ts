/**
 * Market-day rules: which pawukon days a market (pasar) opens. A rule is an object of constraints
 * that must ALL hold; within one list any value matches. `{}` means every day.
 *   {"triwara":["Pasah"]}                        every third day
 *   {"triwara":["Kajeng"],"pancawara":["Kliwon"]} Kajeng Kliwon, every 15 days
 *   {"saptawara":["Redite"]}                      every Sunday
 */
import { InvalidInputError } from '../errors.js';
import { enumParams } from '../codes/values.js';
import { addDays, dateRange } from './dates.js';
import {
  PANCAWARA, SAPTAWARA, TRIWARA, WUKU, namesOfPawukonDay, pawukonDay,
  type Pancawara, type Saptawara, type Triwara, type Wuku,
} from './pawukon.js';

/** A market-day rule; absent keys are unconstrained. Lists are non-empty and in cycle order. */
export interface MarketDayRule {
  triwara?: Triwara[];
  pancawara?: Pancawara[];
  saptawara?: Saptawara[];
  wuku?: Wuku[];
}

export type MarketDayKey = keyof MarketDayRule;

/** The keys a rule may constrain, in the order names are described. */
export const MARKET_DAY_KEYS: readonly MarketDayKey[] = ['triwara', 'pancawara', 'saptawara', 'wuku'];

/** Names allowed for each key, in cycle order. */
export const MARKET_DAY_NAMES: Readonly<Record<MarketDayKey, readonly string[]>> = {
  triwara: TRIWARA, pancawara: PANCAWARA, saptawara: SAPTAWARA, wuku: WUKU,
};

/** Cycle length in days of each key (wuku repeats only with the whole 210-day pawukon). */
export const CYCLE_DAYS: Readonly<Record<MarketDayKey, number>> = { triwara: 3, pancawara: 5, saptawara: 7, wuku: 210 };

/**
 * Validates an untrusted value (e.g. parsed JSON) as a market-day rule and returns a normalised copy
 * (duplicates removed, names in cycle order). Throws InvalidInputError on `field` for anything else,
 * including a rule that no day of the 210-day cycle can satisfy.
 */
export function parseMarketDayRule(value: unknown, field = 'market_days'): MarketDayRule {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError(field, `${field} must be an object such as {"triwara":["Pasah"]}; got ${JSON.stringify(value) ?? String(value)}`, { code: 'market_days_invalid' });
  }
  const rule: MarketDayRule = {};
  for (const [key, list] of Object.entries(value)) {
    if (!(MARKET_DAY_KEYS as readonly string[]).includes(key)) {
      throw new InvalidInputError(field, `${field} has unknown key "${key}"; allowed keys are ${MARKET_DAY_KEYS.join(', ')}`, { code: 'enum_unknown', params: enumParams(key, MARKET_DAY_KEYS) });
    }
    const allowed = MARKET_DAY_NAMES[key as MarketDayKey];
    if (!Array.isArray(list)) {
      throw new InvalidInputError(field, `${field}.${key} must be a list of names, e.g. ["${allowed[0]}"]`, { code: 'invalid_type', params: { expected: 'array' } });
    }
    if (list.length === 0) {
      throw new InvalidInputError(field, `${field}.${key} is empty; leave the key out to allow every ${key}, or list at least one of ${allowed.join(', ')}`, {
        code: 'list_too_short', params: { min: 1, got: 0 },
      });
    }
    for (const name of list) {
      if (typeof name !== 'string' || !allowed.includes(name)) {
        const hint = allowed.find((a) => typeof name === 'string' && a.toLowerCase() === name.trim().toLowerCase());
        throw new InvalidInputError(
          field,
          `${field}.${key} has unknown name ${JSON.stringify(name)}` +
            (hint ? ` (did you mean "${hint}"?)` : '') +
            `; allowed: ${allowed.join(', ')}`,
          { code: 'enum_unknown', params: { ...enumParams(name, allowed), suggestion: hint ?? enumParams(name, allowed).suggestion } },
        );
      }
    }
    (rule as Record<string, string[]>)[key] = allowed.filter((a) => list.includes(a));
  }
  if (ruleCycle(rule).offsets.length === 0) {
    throw new InvalidInputError(field, `${field} ${JSON.stringify(rule)} can never happen: no day of the 210-day pawukon has all of ${describeRule(rule).join(', ')}`, {
      code: 'market_days_never', params: { days: describeRule(rule).join(', ') },
    });
  }
  return rule;
}

/** True when the 'YYYY-MM-DD' civil date is a market day under `rule`. */
export function matchesMarketDay(rule: MarketDayRule, date: string): boolean {
  return matchesPawukonDay(rule, pawukonDay(date));
}

/** True when pawukon day `p` (0..209) satisfies every constraint of `rule`. */
export function matchesPawukonDay(rule: MarketDayRule, p: number): boolean {
  const names = namesOfPawukonDay(p);
  return MARKET_DAY_KEYS.every((key) => {
    const list = rule[key] as readonly string[] | undefined;
    return list === undefined || list.includes(names[key]);
  });
}

/** Market dates from `from` to `to` inclusive, ascending; the range is capped at `maxDays` days (InvalidInputError on 'to'). */
export function marketDates(rule: MarketDayRule, from: string, to: string, maxDays?: number): string[] {
  return dateRange(from, to, maxDays).filter((date) => matchesMarketDay(rule, date));
}

/** The first market date on or after `fromDate`, looking at most `horizonDays` days ahead; null when none. */
export function nextMarketDate(rule: MarketDayRule, fromDate: string, horizonDays = 210): string | null {
  const p0 = pawukonDay(fromDate);
  for (let i = 0; i < horizonDays; i++) {
    if (matchesPawukonDay(rule, (p0 + i) % 210)) return addDays(fromDate, i);
  }
  return null;
}

/**
 * The rule as a fixed-interval recurrence: `periodDays` is the lcm of the constrained cycles (1 for {}),
 * and the rule matches a date exactly when (pawukon_day mod periodDays) is in `offsets` (ascending).
 */
export function ruleCycle(rule: MarketDayRule): { periodDays: number; offsets: number[] } {
  const periodDays = MARKET_DAY_KEYS.filter((k) => rule[k] !== undefined).reduce((p, k) => lcm(p, CYCLE_DAYS[k]), 1);
  // Every cycle length divides 210, so a match depends only on pawukon_day mod periodDays.
  const offsets: number[] = [];
  for (let r = 0; r < periodDays; r++) if (matchesPawukonDay(rule, r)) offsets.push(r);
  return { periodDays, offsets };
}

/** The names a rule lists, key by key (triwara, pancawara, saptawara, wuku), e.g. ['Kajeng', 'Kliwon']; [] for every day. */
export function describeRule(rule: MarketDayRule): string[] {
  return MARKET_DAY_KEYS.flatMap((k) => (rule[k] as string[] | undefined) ?? []);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
