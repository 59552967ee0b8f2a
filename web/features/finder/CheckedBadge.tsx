import { useTranslation } from 'react-i18next';
import type { PointProps } from '../../api/types';
import { formatWitaDate } from '../../shared/wita';
import { Icon } from './icons';

/**
 * "Dicek di lokasi dengan GPS, 3 Des 2026": when a point was last checked and how, and no more than that. A phone
 * call confirms the place, not the pin; a check older than verified_until shows as "terakhir dicek" without the tick.
 */
export function CheckedBadge({ p, now = new Date() }: { p: PointProps; now?: Date }) {
  const { t, i18n } = useTranslation('finder');
  if (!p.verified_at) return null;
  const date = formatWitaDate(p.verified_at, i18n.language);
  const expired = p.verified_until ? new Date(p.verified_until).getTime() < now.getTime() : false;
  if (expired) return <span className="badge">{t('card.checkedLast', { date })}</span>;
  const method = p.verification?.method ?? 'unknown';
  return (
    <span className="badge badge--good">
      <Icon name="check" className="badge__icon" />
      {t(`card.checked.${method}`, { date })}
    </span>
  );
}
