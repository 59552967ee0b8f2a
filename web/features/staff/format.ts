/** Display helpers for the staff pages. Times are shown in WITA (Asia/Makassar). */

/** A date like "25 Nov 2026" in the UI language, in WITA. */
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeZone: 'Asia/Makassar' }).format(d);
}

/** A date and time like "25 Nov 2026 10.00 WITA". */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Makassar' }).format(d);
  return `${s} WITA`;
}
