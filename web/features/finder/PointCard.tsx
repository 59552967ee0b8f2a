import { useTranslation } from 'react-i18next';
import type { PointFeature } from '../../api/types';
import { formatDistance } from './format';
import { formatWitaDate, formatClock } from '../../shared/wita';
import { groupOpeningHours } from './hours';
import { Icon, TypeIcon } from './icons';
import { ReportProblem } from '../../shared/ReportProblem';
import { CheckedBadge } from './CheckedBadge';
import { directionsUrl, mapsUrl, telUrl, whatsappChatUrl, whatsappShareUrl } from './links';
import { placeShareText } from './share';
import { useVillageNames } from '../../shared/villageNames';
import { witaToday } from '../../shared/wita';
import { formatShortDate } from '../../shared/wita';

/** Splits a bilingual note staff wrote as "Indonesian / English" into its parts so each shows on its own line. */
function noteLines(note: string | null): string[] {
  return note ? note.split(' / ').map((s) => s.trim()).filter(Boolean) : [];
}

/** The lines of a point's location note: a seeded note in the reader's language (by its code), else the note as written. */
function locationNoteLines(p: { location_note: string | null; location_note_code?: string | null }, t: (key: string, o?: { defaultValue: string }) => string): string[] {
  const coded = p.location_note_code ? t(`card.locationNote.${p.location_note_code}`, { defaultValue: '' }) : '';
  return coded ? [coded] : noteLines(p.location_note);
}

/** One entry of the nearest list: what the place is, how far, whether it is open, and how to get there. */
export function PointCard({ feature, rank }: { feature: PointFeature; rank: number }) {
  const { t, i18n } = useTranslation('finder');
  const lang = i18n.language;
  const p = feature.properties;
  const pos = feature.geometry.coordinates;
  const closed = p.status === 'temporarily_closed';
  const headingId = `point-${feature.id}-name`;
  const distance = p.distance_m === undefined ? null : formatDistance(p.distance_m, lang);
  const names = useVillageNames();
  // Says exactly what the place offers (an information-only village office is not "a place to register"), and
  // which Bunutin it is when two villages share the name.
  const shareText = placeShareText(t, names.placeName(p.name, p.village_code), p, pos);
  const marketWindow = Boolean(p.opens && p.closes);
  const marketNames = (p.market_day_names ?? []).join(', ');
  const chat = p.whatsapp ? whatsappChatUrl(p.whatsapp) : null;

  return (
    <article className={`point-card${closed ? ' point-card--closed' : ''}`} aria-labelledby={headingId}>
      <div className="point-card__top">
        <span className="point-card__rank" aria-hidden="true">
          {rank}
        </span>
        <div className="point-card__title">
          <h3 id={headingId} className="point-card__name">
            {p.name}
          </h3>
          <p className="point-card__type">
            <TypeIcon type={p.type} className="point-card__type-icon" />
            <span>{t(`vocab:types.${p.type}`)}</span>
            {p.village_name && p.district_name && (
              <span className="point-card__where"> · {t('card.where', { village: p.village_name, district: p.district_name })}</span>
            )}
          </p>
        </div>
        {distance && (
          <p className="point-card__distance">
            <span className="visually-hidden">{t('card.distanceAway', { distance })}</span>
            <span aria-hidden="true">{distance}</span>
          </p>
        )}
      </div>

      <div className="point-card__badges">
        {closed ? (
          <span className="badge badge--bad">{t('card.temporarilyClosed')}</span>
        ) : p.open_now === true ? (
          <span className="badge badge--good">{t('card.openNow')}</span>
        ) : p.open_now === false ? (
          <span className="badge badge--bad">{t('card.closedNow')}</span>
        ) : marketWindow ? null : (
          // A market whose weekly hours are unknown still shows its market window below: no "hours unknown" beside it.
          <span className="badge">{t('card.hoursUnknown')}</span>
        )}
        <CheckedBadge p={p} />
        {p.accuracy === 'approximate' && (
        <details className="point-card__approx">
          <summary>
            <span className="badge badge--warn">{t('card.approximate')}</span>
            <span className="point-card__approx-why">{t('card.approximateWhy')}</span>
          </summary>
          {(locationNoteLines(p, t).length ? locationNoteLines(p, t) : [t('card.noteFallback')]).map((line) => (
            <p key={line} className="point-card__note">
              {line}
            </p>
          ))}
        </details>
        )}
      </div>

      {closed && <p className="point-card__closed-note">{t('card.temporarilyClosedNote')}</p>}

      <dl className="point-card__facts">
        <div>
          <dt>{t('card.services')}</dt>
          <dd>
            {p.services.length ? (
              <ul className="chips">
                {p.services.map((s) => (
                  <li key={s} className={`chip${s === 'registration' ? ' chip--strong' : ''}`}>
                    {t(`vocab:services.${s}`)}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('card.noServices')}</span>
            )}
          </dd>
        </div>
        {p.opening_hours && (
          <div>
            <dt>{t('card.hours')}</dt>
            <dd>
              {groupOpeningHours(p.opening_hours).length === 0
                ? t('closedAllWeek')
                : groupOpeningHours(p.opening_hours).map((g) => (
                    <span key={g.from} className="point-card__hours-line">
                      {t(`days.${g.from}`)}
                      {g.to !== g.from && `–${t(`days.${g.to}`)}`}{' '}
                      {g.spans.map((s) => `${formatClock(s.opens)}–${formatClock(s.closes)}`).join(', ')}
                    </span>
                  ))}
            </dd>
          </div>
        )}
        {(p.opens && p.closes) || p.market_days ? (
          <div>
            <dt>{t('card.marketHours')}</dt>
            <dd>
              {p.opens && p.closes && (
                <span className="point-card__hours-line">
                  {t('card.marketWindow', { opens: formatClock(p.opens), closes: formatClock(p.closes) })}
                </span>
              )}
              {p.market_days && !p.next_market_day && (
                <span className="point-card__hours-line">{t('card.marketDays', { days: Object.values(p.market_days).flat().join(', ') })}</span>
              )}
              {p.next_market_day && (
                <strong className="point-card__hours-line point-card__next-market">
                  {p.next_market_day === witaToday()
                    ? t('card.marketToday', { names: marketNames })
                    : t('card.nextMarket', { date: formatShortDate(p.next_market_day, lang), names: marketNames })}
                </strong>
              )}
            </dd>
          </div>
        ) : null}
      </dl>

      <div className="point-card__actions">
        <a className="btn btn--small" href={directionsUrl(pos)} target="_blank" rel="noopener noreferrer" aria-label={t('card.directionsLabel', { name: p.name })}>
          <Icon name="directions" />
          {t('card.directions')}
        </a>
        <a className="btn btn--small btn--ghost" href={whatsappShareUrl(shareText)} target="_blank" rel="noopener noreferrer" aria-label={t('card.shareLabel', { name: p.name })}>
          <Icon name="share" />
          {t('card.share')}
        </a>
        {p.phone && (
          <a className="btn btn--small btn--ghost" href={telUrl(p.phone)} aria-label={t('card.callLabel', { name: p.name })}>
            <Icon name="phone" />
            {t('card.call')}
          </a>
        )}
        {chat && (
          <a className="btn btn--small btn--ghost" href={chat} target="_blank" rel="noopener noreferrer" aria-label={t('card.whatsappLabel', { name: p.name })}>
            <Icon name="share" />
            {t('card.whatsapp')}
          </a>
        )}
      </div>
      <ReportProblem pointId={feature.id} pointName={p.name} />
    </article>
  );
}
