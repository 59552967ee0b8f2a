import './finder.css';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChosenPlace } from '../../shared/place';
import { PlacePanel } from './PlacePanel';
import { Filters } from './Filters';
import { Results } from './Results';
import { RegistrationPanel } from './RegistrationPanel';
import { useLocatedVillage, useNearest, type FinderFilters } from './queries';
import { RegistrationAnswer } from './RegistrationAnswer';
import { useVillageNames } from '../../shared/villageNames';
import { Icon } from './icons';

// Leaflet and the village boundaries are the heaviest part of the page: load them after the list.
const ResultsMap = lazy(() => import('./ResultsMap'));

const PAGE_SIZE = 10;
const MAX_LIMIT = 50;
const NO_FILTERS: FinderFilters = { type: '', service: '' };

/** Moves focus to the registration panel (a hash link would be read as a route by the hash router). */
function showRegistration() {
  const el = document.getElementById('cara-mendaftar');
  el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el?.focus({ preventScroll: true });
}

/** After a place is chosen the picker closes; move focus to the results so keyboard and screen-reader users follow. */
function focusResults() {
  requestAnimationFrame(() => document.getElementById('finder-answer-h')?.focus({ preventScroll: true }));
}

/** The worker-facing finder: where am I, the nearest places (list first, then map), and how to register. */
export default function Page() {
  const { t } = useTranslation('finder');
  const place = useChosenPlace();
  const [filters, setFilters] = useState<FinderFilters>(NO_FILTERS);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [showMap, setShowMap] = useState(true);
  const position = place?.position ?? null;
  const nearest = useNearest(position, filters, limit);
  const located = useLocatedVillage(place?.source === 'gps' ? position : null);
  const pickedVillage = place?.source === 'village' ? place.villageCode : undefined;
  const villageCode = pickedVillage ?? located.data?.properties.code;
  const names = useVillageNames();

  const placeLabel = !place
    ? null
    : place.source === 'gps'
      ? located.data
        ? t('place.myLocationIn', { village: located.data.properties.name, district: located.data.properties.district_name })
        : t('place.myLocation')
      : place.villageCode && names.village(place.villageCode)
        ? names.villageLabel(place.villageCode)
        : place.label;
  const all = nearest.data?.features ?? [];
  // Places that register come first (they are also summed up in the answer above), then the information-only ones
  // under their own heading; the map numbers them in that same order.
  const features = [...all.filter((f) => f.properties.services.includes('registration')), ...all.filter((f) => !f.properties.services.includes('registration'))];

  return (
    <div className="finder stack">
      <header className="finder__intro">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <button type="button" className="linklike finder__jump" onClick={showRegistration}>
          {t('jumpToRegistration')}
        </button>
      </header>

      <PlacePanel headingId="finder-place-h" placeLabel={placeLabel} onChosen={focusResults} />
      {place?.source === 'gps' && located.data === null && <p className="results__note">{t('place.outsideBangli')}</p>}

      {/* For a GPS position the server locates the village itself: one request, not one before and one after locating. */}
      <RegistrationAnswer headingId="finder-answer-h" position={position} villageCode={pickedVillage} placeLabel={placeLabel} />
      {place && villageCode && names.village(villageCode) && (
        <p className="finder__village-link">
          <a href={`#/desa/${villageCode}`}>{t('answer.villagePage', { village: names.villageLabel(villageCode) })}</a>
        </p>
      )}

      {place && (
        <Filters
          value={filters}
          onChange={(f) => {
            setFilters(f);
            setLimit(PAGE_SIZE);
          }}
        />
      )}

      <Results
        headingId="finder-results-h"
        placeLabel={placeLabel}
        data={nearest.data}
        loading={nearest.isFetching}
        failed={nearest.isError}
        filters={filters}
        canShowMore={all.length === limit && limit < MAX_LIMIT}
        onRetry={() => void nearest.refetch()}
        onShowMore={() => setLimit((l) => Math.min(l + PAGE_SIZE, MAX_LIMIT))}
        onClearFilters={() => setFilters(NO_FILTERS)}
        onShowRegistration={showRegistration}
      />

      {place && features.length > 0 && (
        <section className="finder__map" aria-labelledby="finder-map-h">
          <div className="finder__map-head">
            <h2 id="finder-map-h">{t('map.heading')}</h2>
            <button type="button" className="btn btn--small btn--ghost" aria-expanded={showMap} aria-controls="finder-map-body" onClick={() => setShowMap((s) => !s)}>
              <Icon name="map" />
              {showMap ? t('map.hide') : t('map.show')}
            </button>
          </div>
          <div id="finder-map-body">
            {showMap && (
              <Suspense fallback={<p className="finder__map-loading muted">{t('map.loading')}</p>}>
                <ResultsMap features={features} you={position ? { position, label: placeLabel ?? '' } : null} />
                <p className="muted small">{t('map.note')}</p>
              </Suspense>
            )}
          </div>
        </section>
      )}

      <RegistrationPanel headingId="finder-reg-h" />
    </div>
  );
}
