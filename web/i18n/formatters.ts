import type { i18n as I18n } from 'i18next';
import { formatWitaDate } from '../shared/wita';

/**
 * `{{date, day}}` in a code text: a server param 'YYYY-MM-DD' (or 'YYYY-MM-DD HH:MM', a WITA wall time) written as
 * the reader's date, "7 Des 2026" / "7 Dec 2026", keeping the time. Anything else is shown as sent.
 */
export function formatDayParam(value: unknown, lng: string | undefined): string {
  const s = String(value ?? '');
  const m = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/.exec(s);
  if (!m) return s;
  const date = formatWitaDate(m[1], lng ?? 'id');
  return m[2] ? `${date} ${m[2]}` : date;
}

/** Registers the formatters the code texts use (web/i18n/{id,en}/codes). Safe to call twice. */
export function addFormatters(i18n: I18n): void {
  i18n.services.formatter?.add('day', (value, lng) => formatDayParam(value, lng));
}
