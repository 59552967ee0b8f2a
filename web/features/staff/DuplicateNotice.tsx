import { useTranslation } from 'react-i18next';
import { CodeMessage } from '../../shared/CodeMessage';
import { staffHref } from './nav';
import type { DuplicateWarning } from './types';

/** "Maybe a duplicate" notice after a save: the nearby point(s) of the same type, named, with links to check them. */
export function DuplicateNotice({ warnings }: { warnings: DuplicateWarning[] }) {
  const { t } = useTranslation('staff');
  return (
    <div className="notice notice--warn" role="status">
      <strong>{t('dup.title')}</strong>
      <ul>
        {warnings.map((w) => (
          <li key={w.point_id}>
            <a href={staffHref('edit', { id: w.point_id })}>
              <CodeMessage code={w.code} params={{ ...w.params, distance_m: Math.round(w.params.distance_m) }} message={w.message} />
            </a>
          </li>
        ))}
      </ul>
      <p className="small">{t('dup.help')}</p>
    </div>
  );
}
