/** Number, money, distance and time formatting for the finder, in the UI language (id-ID or en-GB). */
import { formatNumber, formatPercent as percent } from '../../shared/localeText';

/** A distance in metres as text: "0 m", "850 m", "2,5 km", "12 km" (Indonesian) or "2.5 km" (English). */
export function formatDistance(distanceM: number, lang: string): string {
  if (distanceM < 1000) {
    // Tens of metres are the honest precision for a phone's position.
    const m = distanceM < 10 ? Math.round(distanceM) : Math.round(distanceM / 10) * 10;
    return `${formatNumber(m, lang)} m`;
  }
  const km = distanceM / 1000;
  const digits = km < 10 ? 1 : 0;
  return `${formatNumber(km, lang, { minDigits: digits, maxDigits: digits })} km`;
}

/** Rupiah without decimals, always in Indonesian notation ("Rp16.800"), as printed on BPJS material. */
export function formatRupiah(amountIdr: number): string {
  return `Rp${formatNumber(Math.round(amountIdr), 'id', { maxDigits: 0 })}`;
}

/** A rate such as 0.01 as "1%". */
export function formatPercent(rate: number, lang: string): string {
  return percent(rate, lang, 2);
}


/**
 * Parses an income typed on a phone: "2.000.000", "2000000", "Rp 1.500.000" or "2 juta"/"2jt".
 * Returns null for anything else (empty counts as null too).
 */
export function parseIncomeIdr(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/^rp\.?\s*/, '');
  if (!t) return null;
  const juta = /^(\d+(?:[.,]\d+)?)\s*(juta|jt)$/.exec(t);
  if (juta) return Math.round(Number(juta[1].replace(',', '.')) * 1_000_000);
  if (!/^\d{1,3}([.\s]\d{3})*$|^\d+$/.test(t)) return null;
  const n = Number(t.replace(/[.\s]/g, ''));
  return Number.isFinite(n) && n <= 1e12 ? n : null;
}
