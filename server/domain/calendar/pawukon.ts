/**
 * The Balinese pawukon: a 210-day cycle of concurrent weeks. Formula from Reingold & Dershowitz,
 * "Calendrical Calculations" (bali-epoch = R.D. -1721279); see data/bali_pawukon_reference.json.
 */
import { dateRange, epochDay, parseIsoDate } from './dates.js';

/** The 3-day week, in cycle order. */
export const TRIWARA = ['Pasah', 'Beteng', 'Kajeng'] as const;
/** The 5-day week, in cycle order (day 0 of the pawukon is Paing). */
export const PANCAWARA = ['Umanis', 'Paing', 'Pon', 'Wage', 'Kliwon'] as const;
/** The 7-day week, Redite = Sunday. */
export const SAPTAWARA = ['Redite', 'Soma', 'Anggara', 'Buda', 'Wraspati', 'Sukra', 'Saniscara'] as const;
/** The 30 seven-day wuku of the pawukon, in order. */
export const WUKU = [
  'Sinta', 'Landep', 'Ukir', 'Kulantir', 'Tolu', 'Gumbreg', 'Wariga', 'Warigadean', 'Julungwangi', 'Sungsang',
  'Dungulan', 'Kuningan', 'Langkir', 'Medangsia', 'Pujut', 'Pahang', 'Krulut', 'Merakih', 'Tambir', 'Medangkungan',
  'Matal', 'Uye', 'Menail', 'Prangbakat', 'Bala', 'Ugu', 'Wayang', 'Klawu', 'Dukut', 'Watugunung',
] as const;

export type Triwara = (typeof TRIWARA)[number];
export type Pancawara = (typeof PANCAWARA)[number];
export type Saptawara = (typeof SAPTAWARA)[number];
export type Wuku = (typeof WUKU)[number];

/** Length of the pawukon cycle in days. */
export const PAWUKON_DAYS = 210;

/** One civil date in the pawukon; the API shape of `GET /api/calendar`. */
export interface BalineseDay {
  date: string;
  pawukon_day: number;
  saptawara: Saptawara;
  triwara: Triwara;
  pancawara: Pancawara;
  wuku: Wuku;
  kajeng_kliwon: boolean;
}

const BALI_EPOCH_RD = -1721279;
/** R.D. (fixed day, 0001-01-01 = 1) of 1970-01-01. */
const RD_OF_UNIX_EPOCH = 719163;

/** Day of the 210-day pawukon cycle (0..209) of a 'YYYY-MM-DD' civil date. */
export function pawukonDay(date: string): number {
  const rd = epochDay(parseIsoDate(date)) + RD_OF_UNIX_EPOCH;
  return mod(rd - BALI_EPOCH_RD, PAWUKON_DAYS);
}

/** The week names of a pawukon day number (0..209). */
export function namesOfPawukonDay(p: number): Omit<BalineseDay, 'date' | 'pawukon_day'> {
  const triwara = TRIWARA[p % 3];
  const pancawara = PANCAWARA[(p + 1) % 5];
  return {
    saptawara: SAPTAWARA[p % 7],
    triwara,
    pancawara,
    wuku: WUKU[Math.floor(p / 7)],
    kajeng_kliwon: triwara === 'Kajeng' && pancawara === 'Kliwon',
  };
}

/** The Balinese weeks of a 'YYYY-MM-DD' civil date. Throws InvalidInputError on a bad date. */
export function balineseDay(date: string): BalineseDay {
  const p = pawukonDay(date);
  return { date, pawukon_day: p, ...namesOfPawukonDay(p) };
}

/** balineseDay for every date from `from` to `to` inclusive; at most `maxDays` days (InvalidInputError on 'to'). */
export function calendarRange(from: string, to: string, maxDays?: number): BalineseDay[] {
  return dateRange(from, to, maxDays).map(balineseDay);
}

/** Mathematical modulo: the result has the sign of `m`. */
export function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
