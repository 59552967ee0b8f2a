/** Defaults for a market-day visit: 09:00–12:00 WITA, clipped to the market's opening window. */
import type { Activity } from '../../api/types';

export const DEFAULT_ACTIVITIES: Activity[] = ['sosialisasi', 'pendaftaran', 'cetak_kartu'];
const DEFAULT_START = '09:00';
const DEFAULT_END = '12:00';

/** 'HH:MM' → minutes after midnight; null for anything else. */
function minutes(hhmm: string | null | undefined): number | null {
  const m = hhmm ? /^(\d{2}):(\d{2})$/.exec(hhmm) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function hhmm(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/**
 * The visit window inside a market's opens/closes (WITA): 09:00–12:00 when it fits, else the overlap
 * with the market's hours, else the market's whole window (early markets close before nine).
 */
export function defaultWindow(opens: string | null | undefined, closes: string | null | undefined): { start: string; end: string } {
  const o = minutes(opens);
  const c = minutes(closes);
  if (o === null || c === null || c <= o) return { start: DEFAULT_START, end: DEFAULT_END };
  const start = Math.max(o, minutes(DEFAULT_START)!);
  const end = Math.min(c, minutes(DEFAULT_END)!);
  if (end - start >= 60) return { start: hhmm(start), end: hhmm(end) };
  return { start: hhmm(o), end: hhmm(c) };
}
