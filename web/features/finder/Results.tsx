import { useTranslation } from 'react-i18next';
import type { PointCollection } from '../../api/types';
import { PointCard } from './PointCard';
import type { FinderFilters } from './queries';
import { Icon } from './icons';

export interface ResultsProps {
  headingId: string;
  placeLabel: string | null;
  data: PointCollection | undefined;
  loading: boolean;
  failed: boolean;
  filters: FinderFilters;
  canShowMore: boolean;
  onRetry: () => void;
  onShowMore: () => void;
  onClearFilters: () => void;
  onShowRegistration: () => void;
}

/** The nearest list, with a live region that announces how many places were found. */
export function Results(props: ResultsProps) {
  const { t } = useTranslation('finder');
  const { data, placeLabel, loading, failed, filters } = props;
  const features = data?.features ?? [];
  const registers = features.filter((f) => f.properties.services.includes('registration'));
  const infoOnly = features.filter((f) => !f.properties.services.includes('registration'));
  const filtered = filters.type !== '' || filters.service !== '';
  const status = !placeLabel
    ? ''
    : loading && !data
      ? t('results.loading')
      : failed
        ? t('results.error')
        : data
          ? features.length
            ? t('results.count', { count: features.length, place: placeLabel })
            : t('results.empty')
          : '';
  const approximate = features.filter((f) => f.properties.accuracy === 'approximate');
  // Village offices are all placed at their village's interior point in the seed: say so plainly.
  const approximateNote = approximate.some((f) => f.properties.type === 'village_office')
    ? t('results.approximateNote')
    : approximate.length
      ? t('results.approximateNoteOther')
      : null;

  return (
    <section className="results" aria-labelledby={props.headingId} aria-busy={loading}>
      <h2 id={props.headingId} tabIndex={-1}>{t('results.heading')}</h2>
      <p role="status" aria-live="polite" className="results__status">
        {status}
      </p>
      {!placeLabel && <p className="results__empty card">{t('results.choosePlace')}</p>}
      {placeLabel && failed && (
        <button type="button" className="btn btn--ghost" onClick={props.onRetry}>
          {t('retry', { ns: 'common' })}
        </button>
      )}
      {placeLabel && data && features.length === 0 && (
        <div className="results__empty card">
          {filters.service === 'registration' && (
            <p>
              {t('results.emptyRegistration')}{' '}
              <button type="button" className="linklike" onClick={props.onShowRegistration}>
                {t('jumpToRegistration')}
              </button>
            </p>
          )}
          {filtered && (
            <button type="button" className="btn btn--ghost btn--small" onClick={props.onClearFilters}>
              {t('results.clearFilters')}
            </button>
          )}
        </div>
      )}
      {approximateNote && (
        <p className="results__note">
          <Icon name="alert" className="inline-icon" />
          <span>{approximateNote}</span>
        </p>
      )}
      {registers.length > 0 && (
        <>
          <h3 className="results__group">{t('results.registrationHeading')}</h3>
          <ol className="results__list">
            {registers.map((f, i) => (
              <li key={f.id}>
                <PointCard feature={f} rank={i + 1} />
              </li>
            ))}
          </ol>
        </>
      )}
      {infoOnly.length > 0 && (
        <>
          <h3 className="results__group results__group--info">{t('results.infoHeading')}</h3>
          <p className="muted small">{t('results.infoIntro')}</p>
          <ol className="results__list" start={registers.length + 1}>
            {infoOnly.map((f, i) => (
              <li key={f.id}>
                <PointCard feature={f} rank={registers.length + i + 1} />
              </li>
            ))}
          </ol>
        </>
      )}
      {props.canShowMore && (
        <button type="button" className="btn btn--ghost results__more" onClick={props.onShowMore}>
          {t('results.showMore')}
        </button>
      )}
    </section>
  );
}
