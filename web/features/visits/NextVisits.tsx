import './visits.css';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChosenPlace } from '../../shared/place';
import { formatDistance, formatLongDate, formatTimeSpan, witaDateOf } from '../../shared/wita';
import { HORIZON_DAYS, NEAR_KM, icsHref, posterHref, useNextVisits } from './api';
import type { Visit } from '../../api/types';
import { useVillageNames } from '../../shared/villageNames';

const FIRST_PAGE = 5;

/** "Kunjungan berikutnya di dekat Anda": the next outreach visits near the place chosen in the finder. */
export default function NextVisits() {
  const { t } = useTranslation('visits');
  const place = useChosenPlace();
  const visits = useNextVisits(place?.position ?? null);
  const [showAll, setShowAll] = useState(false);
  const list = visits.data ?? [];
  const shown = showAll ? list : list.slice(0, FIRST_PAGE);
  return (
    <section className="next-visits stack" aria-labelledby="next-visits-title">
      <h2 id="next-visits-title">{t('title')}</h2>
      {!place ? (
        <p className="muted">{t('choosePlace')}</p>
      ) : visits.isPending ? (
        <p className="muted">{t('common:loading')}</p>
      ) : visits.isError ? (
        <p role="alert" className="error-text">{t('loadError')} <ApiErrorText error={visits.error} /></p>
      ) : list.length === 0 ? (
        <div className="card stack next-visits__empty">
          <p>{t('empty', { place: place.label, days: HORIZON_DAYS, km: NEAR_KM })}</p>
          <p className="muted">{t('emptyHint')}</p>
        </div>
      ) : (
        <>
          <p className="muted">{t('near', { place: place.label, days: HORIZON_DAYS, km: NEAR_KM })}</p>
          <ul className="next-visits__list">
            {shown.map((v) => (
              <li key={v.id}>
                <VisitCard visit={v} placeLabel={place.label} />
              </li>
            ))}
          </ul>
          {!showAll && list.length > FIRST_PAGE && (
            <button type="button" className="btn btn--ghost" onClick={() => setShowAll(true)}>
              {t('more')} ({list.length - FIRST_PAGE})
            </button>
          )}
        </>
      )}
    </section>
  );
}

function VisitCard({ visit, placeLabel }: { visit: Visit; placeLabel: string }) {
  const { t, i18n } = useTranslation('visits');
  const date = formatLongDate(witaDateOf(visit.starts_at), i18n.language);
  const cancelled = visit.status === 'cancelled';
  // "Kantor Perbekel Bunutin" exists in two kecamatan: say which.
  const place = useVillageNames().placeName(visit.point_name ?? visit.title, visit.village_code);
  return (
    <article className={`card next-visit${cancelled ? ' next-visit--cancelled' : ''}`} aria-label={`${visit.title}, ${date}`}>
      <p className="next-visit__date">
        <time dateTime={visit.starts_at}>{date}</time>
        {cancelled && <span className="badge badge--bad">{t('status.cancelled')}</span>}
      </p>
      <p className="next-visit__time">{formatTimeSpan(visit.starts_at, visit.ends_at)}</p>
      <h3 className="next-visit__place">{place}</h3>
      {visit.title && visit.title !== visit.point_name && <p className="next-visit__title">{visit.title}</p>}
      {visit.distance_m !== undefined && (
        <p className="muted next-visit__distance">{t('distance', { distance: formatDistance(visit.distance_m, i18n.language), place: placeLabel })}</p>
      )}
      <ul className="next-visit__activities" aria-label={t('activitiesLabel')}>
        {visit.activities.map((a) => (
          <li key={a} className="badge badge--good">{t(`activity.${a}`)}</li>
        ))}
      </ul>
      {!cancelled && (
        <div className="next-visit__actions">
          <a className="btn next-visit__event" href={`#/acara/${encodeURIComponent(visit.id)}`}>
            {t('eventPage')}
            <span className="visually-hidden">: {place}, {date}</span>
          </a>
          <a className="btn btn--ghost next-visit__ics" href={icsHref(visit.id)} download>
            <CalendarIcon /> {t('addToCalendar')}
            <span className="visually-hidden">: {place}, {date}</span>
          </a>
          <a className="btn btn--ghost next-visit__poster" href={posterHref(visit.id)} target="_blank" rel="noopener">
            <PrintIcon /> {t('printPoster')}
            <span className="visually-hidden">: {place}, {date} {t('posterPdf')}</span>
          </a>
        </div>
      )}
    </article>
  );
}

/** A small calendar glyph drawn in SVG (emoji fonts are missing on many cheap phones). */
function CalendarIcon() {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4M12 13v5M9.5 15.5h5" />
    </svg>
  );
}

/** A printer glyph in SVG, like CalendarIcon. */
function PrintIcon() {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 9V3h12v6M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2" />
      <rect x="6" y="14" width="12" height="7" />
    </svg>
  );
}
