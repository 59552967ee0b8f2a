import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { LngLat } from '../../api/types';
import { useVillages } from '../../api/hooks';
import { setChosenPlace } from '../../shared/place';
import { useGeolocation } from './useGeolocation';
import { VillagePicker } from './VillagePicker';
import { Icon } from './icons';
import { formatDistance } from './format';

/** "Where are you?": GPS in one tap, or a village picked by name (GPS is often off, and people think in villages). */
export function PlacePanel({ headingId }: { headingId: string }) {
  const { t, i18n } = useTranslation('finder');
  const villages = useVillages();
  const onPosition = useCallback(
    (position: LngLat) => setChosenPlace({ position, label: t('place.myLocation'), source: 'gps' }),
    [t],
  );
  const geo = useGeolocation(onPosition);

  return (
    <section className="card place" aria-labelledby={headingId}>
      <h2 id={headingId} className="place__heading">
        {t('place.heading')}
      </h2>
      <button type="button" className="btn place__gps" onClick={geo.locate} disabled={geo.status === 'locating'} aria-describedby={geo.status === 'error' ? 'geo-problem' : undefined}>
        <Icon name="locate" />
        {geo.status === 'locating' ? t('place.locating') : t('place.useMyLocation')}
      </button>
      <div aria-live="polite" className="place__geo-status">
        {geo.status === 'error' && geo.problem && (
          <p id="geo-problem" className="place__problem">
            <Icon name="alert" className="inline-icon" />
            {t(`place.geo.${geo.problem}`)}
          </p>
        )}
        {geo.status === 'done' && geo.accuracyM !== undefined && geo.accuracyM > 200 && (
          <p className="muted small">{t('place.accuracy', { distance: formatDistance(geo.accuracyM, i18n.language) })}</p>
        )}
      </div>
      <p className="place__or" aria-hidden="true">
        <span>{t('place.or')}</span>
      </p>
      <VillagePicker
        villages={villages.data?.features}
        loading={villages.isPending}
        failed={villages.isError}
        onPick={(v) =>
          setChosenPlace({
            position: [v.properties.interior_lng, v.properties.interior_lat],
            label: t('place.villageOption', { name: v.properties.name, district: v.properties.district_name }),
            source: 'village',
            villageCode: v.properties.code,
          })
        }
      />
    </section>
  );
}
