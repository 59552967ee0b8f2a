/** Display helpers for the staff pages. Times are shown in WITA (Asia/Makassar). */
import { formatWitaDate, witaHhmm } from '../../shared/wita';

/** A date like "25 Nov 2026" in the UI language, in WITA. */
export function formatDate(iso: string | null | undefined, lang: string): string {
  return iso ? formatWitaDate(iso, lang) : '';
}

/**
 * A date and 24-hour time like "25 Nov 2026, 10:00 WITA". The time is written HH:MM in both languages, as
 * everywhere else in the app (id-ID Intl would write 10.00).
 */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(iso, lang)}, ${witaHhmm(iso)} WITA`;
}
