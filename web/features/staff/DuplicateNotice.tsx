import { useTranslation } from 'react-i18next';
import { useStaffPoint } from './api';
import { staffHref } from './nav';
import type { DuplicateWarning } from './types';

/** One nearby point of the same type, named (fetched) so staff can tell at a glance whether it is the same place. */
function DuplicateItem({ w }: { w: DuplicateWarning }) {
  const { t } = useTranslation('staff');
  const other = useStaffPoint(w.point_id);
  const name = other.data?.data.properties.name ?? t('dup.pointN', { id: w.point_id });
  return (
    <li>
      <a href={staffHref('edit', { id: w.point_id })}>{name}</a> — {t('dup.distance', { m: Math.round(w.distance_m) })}
    </li>
  );
}

/** "Maybe a duplicate" notice after a save: the nearby point(s) of the same type, with links to check them. */
export function DuplicateNotice({ warnings }: { warnings: DuplicateWarning[] }) {
  const { t } = useTranslation('staff');
  return (
    <div className="notice notice--warn" role="status">
      <strong>{t('dup.title')}</strong>
      <ul>
        {warnings.map((w) => (
          <DuplicateItem key={w.point_id} w={w} />
        ))}
      </ul>
      <p className="small">{t('dup.help')}</p>
    </div>
  );
}
