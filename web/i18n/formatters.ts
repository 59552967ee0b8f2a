import type { i18n as I18n } from 'i18next';
import { formatClock, formatWitaDate } from '../shared/wita';

/**
 * `{{date, day}}` in a code text: a server param 'YYYY-MM-DD' (or 'YYYY-MM-DD HH:MM', a WITA wall time) written as
 * the reader's date, "7 Des 2026" / "7 Dec 2026", keeping the time. Anything else is shown as sent.
 */
export function formatDayParam(value: unknown, lng: string | undefined): string {
  const s = String(value ?? '');
  const m = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/.exec(s);
  if (!m) return s;
  const date = formatWitaDate(m[1], lng ?? 'id');
  return m[2] ? `${date} ${formatClock(m[2])}` : date;
}

/** zod's names of JSON value kinds (the `expected` param of invalid_type), in words. */
const KINDS: Record<string, Record<string, string>> = {
  id: { string: 'teks', number: 'angka', int: 'bilangan bulat', boolean: 'ya atau tidak', object: 'objek', array: 'daftar', date: 'tanggal' },
  en: { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list', date: 'a date' },
};

/** `{{expected, kind}}`: a JSON value kind in the reader's words ("teks", "angka"); an unknown kind as sent. */
export function formatKindParam(value: unknown, lng: string | undefined): string {
  const s = String(value ?? '');
  return KINDS[lng === 'en' ? 'en' : 'id'][s] ?? s;
}

/** Registers the formatters the code texts use (web/i18n/{id,en}/codes). Safe to call twice. */
export function addFormatters(i18n: I18n): void {
  i18n.services.formatter?.add('day', (value, lng) => formatDayParam(value, lng));
  i18n.services.formatter?.add('kind', (value, lng) => formatKindParam(value, lng));
}
