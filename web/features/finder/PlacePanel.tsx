import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LngLat } from '../../api/types';
import { useVillages } from '../../api/hooks';
import { setChosenPlace } from '../../shared/place';
import { useGeolocation } from './useGeolocation';
import { VillagePicker } from './VillagePicker';
import { Icon } from './icons';
import { formatDistance } from './format';

export interface PlacePanelProps {
  headingId: string;
  /** The chosen place as shown to the user, or null before one is chosen. */
  placeLabel: string | null;
  /** Called after a place is chosen, so the page can move focus to the results. */
  onChosen: () => void;
}

/**
 * "Where are you?": GPS in one tap, or a village picked by name (GPS is often off, and people think in
 * villages). Once a place is chosen the panel shrinks to one line so the list moves up the screen.
 */
export function PlacePanel({ headingId, placeLabel, onChosen }: PlacePanelProps) {
  const { t, i18n } = useTranslation('finder');
  const villages = useVillages();
  const [editing, setEditing] = useState(false);
  const onPosition = useCallback(
    (position: LngLat) => {
      setChosenPlace({ position, label: t('place.myLocation'), source: 'gps' });
      setEditing(false);
      onChosen();
    },
    [t, onChosen],
  );
  const geo = useGeolocation(onPosition);
  const compact = placeLabel !== null && !editing;

  const gpsButton = (
    <button
      type="button"
      className={compact ? 'btn btn--ghost place__gps place__gps--small' : 'btn place__gps'}
      onClick={geo.locate}
      disabled={geo.status === 'locating'}
      aria-describedby={geo.status === 'error' ? 'geo-problem' : undefined}
      // The short visible label is part of the full name (WCAG 2.5.3 label in name).
      aria-label={compact && geo.status !== 'locating' ? t('place.useMyLocation') : undefined}
    >
      <Icon name="locate" />
      {geo.status === 'locating' ? t('place.locating') : compact ? t('place.useMyLocationShort') : t('place.useMyLocation')}
    </button>
  );

  return (
    <section className={`card place${compact ? ' place--compact' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="place__heading">
        {t('place.heading')}
      </h2>
      {compact ? (
        <>
          <p className="place__current">
            <Icon name="other" className="place__current-icon" />
            <strong>{placeLabel}</strong>
          </p>
          <div className="place__actions">
            {gpsButton}
            <button type="button" className="btn btn--ghost" onClick={() => setEditing(true)}>
              {t('place.changeVillage')}
            </button>
          </div>
        </>
      ) : (
        gpsButton
      )}
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
      {!compact && (
        <>
          <p className="place__or" aria-hidden="true">
            <span>{t('place.or')}</span>
          </p>
          <VillagePicker
            villages={villages.data?.features}
            loading={villages.isPending}
            failed={villages.isError}
            autoFocus={editing}
            onPick={(v) => {
              setChosenPlace({
                position: [v.properties.interior_lng, v.properties.interior_lat],
                label: t('place.villageOption', { name: v.properties.name, district: v.properties.district_name }),
                source: 'village',
                villageCode: v.properties.code,
              });
              setEditing(false);
              onChosen();
            }}
          />
        </>
      )}
    </section>
  );
}
