import { useTranslation } from 'react-i18next';
import { useRegions } from '../api/hooks';

/**
 * A kabupaten/kota filter for deployments that serve more than one (JANGKAU_REGIONS); renders nothing when
 * there is only one. `value` '' means all served regions.
 */
export function RegionSelect({ id, value, onChange }: { id: string; value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const regions = useRegions().data ?? [];
  if (regions.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('region.label')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('region.all', { count: regions.length })}</option>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>{t('region.option', { name: r.name, count: r.villages })}</option>
        ))}
      </select>
    </div>
  );
}
