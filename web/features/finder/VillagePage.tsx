import './finder.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useHashRoute } from '../../shared/useHashRoute';
import { useVillageNames } from '../../shared/villageNames';
import { useVillages } from '../../api/hooks';
import { fetchVillageVisits } from '../../api/offline';
import type { Visit } from '../../api/types';
import { setChosenPlace } from '../../shared/place';
import { formatShortDate, witaDateOf } from '../../shared/wita';
import { RegistrationAnswer } from './RegistrationAnswer';
import { RegistrationPanel } from './RegistrationPanel';
import { OPTIONS_DAYS } from './queries';
import { visitWhen } from './share';
import { whatsappShareUrl } from './links';
import { Icon } from './icons';

/** The village code of `#/desa/<code>`. */
function codeOf(path: string): string {
  return decodeURIComponent(path.split('/')[2] ?? '');
}

/** The village's upcoming public visits (cancelled ones kept, marked), soonest first; from cache when offline. */
function useVillageVisits(code: string) {
  return useQuery({
    queryKey: ['visits', 'village', code],
    enabled: code !== '',
    staleTime: 5 * 60 * 1000,
    queryFn: async ({ signal }) => {
      const visits = await fetchVillageVisits<Visit>(code, signal);
      const now = Date.now();
      return visits.filter((v) => v.status !== 'draft' && Date.parse(v.ends_at) > now).sort((a, b) => a.starts_at.localeCompare(b.starts_at));
    },
  });
}

/**
 * A village's own shareable page (`#/desa/51.06.02.2001`): where and how its people can register, and the next
 * staff visits in the village. Works offline from the cached villages, points, visits and registration facts.
 */
export default function VillagePage() {
  const { t, i18n } = useTranslation('finder');
  const { path } = useHashRoute();
  const code = codeOf(path);
  const villages = useVillages();
  const names = useVillageNames();
  const village = names.village(code);
  const visits = useVillageVisits(village ? code : '');
  const label = village ? names.villageLabel(code) : code;

  useEffect(
    function nameTheTab() {
      if (village) document.title = `${t('village.title', { kind: t(`place.kind.${village.kind}`), village: label })} · Jangkau`;
    },
    [village, label, t],
  );

  if (villages.isPending) return <p className="muted page-loading">{t('loading', { ns: 'common' })}</p>;
  if (!village) {
    return (
      <div className="finder stack">
        <p className="results__empty card">{t('village.notFound', { code })}</p>
        <a className="btn" href="#/">{t('village.back')}</a>
      </div>
    );
  }

  const position: [number, number] = [village.interior_lng, village.interior_lat];
  const pageUrl = `${window.location.origin}/#/desa/${code}`;
  const searchHere = () => {
    setChosenPlace({ position, label, source: 'village', villageCode: code });
    window.location.hash = '#/';
  };

  return (
    <div className="finder stack village-page">
      <header className="finder__intro">
        <h1>{t('village.title', { kind: t(`place.kind.${village.kind}`), village: label })}</h1>
        <p className="muted">{t('village.intro', { village: label })}</p>
        <div className="village-page__actions">
          <a className="btn btn--small btn--ghost" href={whatsappShareUrl(t('village.shareText', { village: label, url: pageUrl }))} target="_blank" rel="noopener noreferrer" aria-label={t('village.shareLabel', { village: label })}>
            <Icon name="share" />
            {t('village.share')}
          </a>
          <button type="button" className="btn btn--small btn--ghost" onClick={searchHere}>
            <Icon name="locate" />
            {t('village.searchHere')}
          </button>
        </div>
      </header>

      <RegistrationAnswer headingId="village-answer-h" position={position} villageCode={code} placeLabel={label} />

      <section className="card village-page__visits" aria-labelledby="village-visits-h">
        <h2 id="village-visits-h">{t('village.visitsHeading')}</h2>
        {visits.isPending ? (
          <p className="muted">{t('loading', { ns: 'common' })}</p>
        ) : visits.isError ? (
          <p className="error-text" role="alert">{t('village.visitsError')}</p>
        ) : visits.data.length === 0 ? (
          <p>{t('village.visitsEmpty', { days: OPTIONS_DAYS })}</p>
        ) : (
          <ul className="village-page__list">
            {visits.data.map((v) => {
              const when = visitWhen(v, i18n.language);
              return (
                <li key={v.id} className={v.status === 'cancelled' ? 'village-visit village-visit--cancelled' : 'village-visit'}>
                  <strong>
                    <time dateTime={v.starts_at}>{t('answer.visitWhen', { date: formatShortDate(witaDateOf(v.starts_at), i18n.language), time: when.time })}</time>
                  </strong>
                  {' · '}
                  {names.placeName(v.point_name ?? v.title, v.village_code)}
                  {v.status === 'cancelled' && <span className="badge badge--bad">{t('village.cancelled')}</span>}
                  <span className="village-visit__activities">{v.activities.map((a) => t(`activity.${a}`, { ns: 'visits' })).join(', ')}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <a className="btn btn--ghost" href="#/">{t('village.back')}</a>
      <RegistrationPanel headingId="village-reg-h" />
    </div>
  );
}
