import { useTranslation } from 'react-i18next';
import { writtenDateTime } from './wita';

/**
 * A line under date and time inputs that writes their value out in the reader's language ("Senin, 7 Desember 2026,
 * 09.00–12.00 WITA"), because the browser draws the inputs themselves in its own locale. Give it an `id` and point
 * the inputs' aria-describedby at it, so a screen reader hears the same words.
 */
export function WrittenDateTime({ id, date, start, end }: { id: string; date?: string; start?: string; end?: string }) {
  const { i18n } = useTranslation();
  const text = writtenDateTime({ date, start, end }, i18n.language);
  return (
    <p id={id} className="written-date" aria-live="polite">
      {text ?? ''}
    </p>
  );
}
