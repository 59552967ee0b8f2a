import { useTranslation } from 'react-i18next';
import type { LngLat, OnlineOption, PlaceOption } from '../../api/types';
import { useOptions, OPTIONS_DAYS, OPTIONS_MAX_KM } from './queries';
import { OnlineItem, PointItem, VisitItem } from './AnswerItems';

export interface RegistrationAnswerProps {
  headingId: string;
  position: LngLat | null;
  villageCode?: string;
  placeLabel: string | null;
}

/**
 * The top of the results: "where can I register?" answered in the order of the documented rule (registration
 * visits and places, easiest to reach first), then registering by oneself online, which is always possible.
 */
export function RegistrationAnswer({ headingId, position, villageCode, placeLabel }: RegistrationAnswerProps) {
  const { t } = useTranslation('finder');
  const answer = useOptions(position, villageCode);
  if (!position || !placeLabel) return null;
  const options = answer.data?.options ?? [];
  const places = options.filter((o): o is PlaceOption => o.kind !== 'online');
  const online = options.filter((o): o is OnlineOption => o.kind === 'online');
  const now = new Date();
  return (
    <section className="answer card" aria-labelledby={headingId} aria-busy={answer.isFetching}>
      <h2 id={headingId} tabIndex={-1}>{t('answer.heading')}</h2>
      {answer.isPending ? (
        <p className="muted" role="status">{t('answer.loading')}</p>
      ) : answer.isError && !answer.data ? (
        <p className="error-text" role="alert">
          {t('answer.error')}{' '}
          <button type="button" className="btn btn--small btn--ghost" onClick={() => void answer.refetch()}>
            {t('retry', { ns: 'common' })}
          </button>
        </p>
      ) : (
        <>
          <p className="muted small">{t('answer.scope', { place: placeLabel, km: OPTIONS_MAX_KM, days: OPTIONS_DAYS })}</p>
          {places.length === 0 && <p className="answer__none">{t('answer.none', { km: OPTIONS_MAX_KM, days: OPTIONS_DAYS })}</p>}
          <ol className="answer__list">
            {places.map((o) => (
              <li key={o.kind === 'visit' ? o.visit_id : `p${o.point_id}`}>
                {o.kind === 'visit' ? <VisitItem option={o} now={now} /> : <PointItem option={o} />}
              </li>
            ))}
            {online.map((o) => (
              <li key={o.channel}>
                <OnlineItem option={o} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
