import { useTranslation } from 'react-i18next';
import { POINT_TYPES, SERVICES } from '../../../server/domain/points/vocabulary';
import type { FinderFilters } from './queries';

/** Type and service filters as two labelled selects (native selects are the most reliable on cheap phones). */
export function Filters({ value, onChange }: { value: FinderFilters; onChange: (f: FinderFilters) => void }) {
  const { t } = useTranslation('finder');
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t('filters.heading')}</legend>
      <div className="field">
        <label htmlFor="finder-type">{t('filters.type')}</label>
        <select id="finder-type" value={value.type} onChange={(e) => onChange({ ...value, type: e.target.value as FinderFilters['type'] })}>
          <option value="">{t('filters.anyType')}</option>
          {POINT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`vocab:types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="finder-service">{t('filters.service')}</label>
        <select id="finder-service" value={value.service} onChange={(e) => onChange({ ...value, service: e.target.value as FinderFilters['service'] })}>
          <option value="">{t('filters.anyService')}</option>
          {SERVICES.map((s) => (
            <option key={s} value={s}>
              {t(`vocab:services.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
