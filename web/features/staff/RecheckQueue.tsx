import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { useRecheckQueue } from './api';
import { staffHref } from './nav';

/**
 * "Perlu dicek ulang": points with open public reports, checks older than 12 months (or none), and approximate
 * pins, the most viewed first, in the server's order. Each row opens the point, where "Saya di lokasi ini" is.
 */
export function RecheckQueue() {
  const { t } = useTranslation('staff');
  const queue = useRecheckQueue();
  return (
    <section className="stack" aria-labelledby="recheck-title">
      <h1 id="recheck-title">{t('recheck.title')}</h1>
      <p className="muted">{t('recheck.intro')}</p>
      {queue.isPending ? <p className="muted">{t('common:loading')}</p>
      : queue.isError ? (
        <p role="alert" className="error-text">
          <ApiErrorText error={queue.error} />
        </p>
      ) : queue.data.features.length === 0 ? (
        <p className="card muted">{t('recheck.empty')}</p>
      ) : (
        <>
          <p>{t('recheck.total', { count: queue.data.total })}</p>
          <ol className="point-rows recheck-rows">
            {queue.data.features.map((f) => {
              const p = f.properties;
              return (
                <li key={f.id} className="card stack">
                  <a className="recheck-rows__name" href={staffHref('edit', { id: f.id })}>
                    {p.name}
                  </a>
                  {p.village_name && <span className="muted small">{p.district_name ? t('list.villageIn', { village: p.village_name, district: p.district_name }) : p.village_name}</span>}
                  <div className="row">
                    {f.recheck.reasons.map((r) => (
                      <span key={r} className={`badge ${r === 'open_reports' ? 'badge--bad' : 'badge--warn'}`}>
                        {t(`recheck.reasons.${r}`, { count: f.recheck.open_reports })}
                      </span>
                    ))}
                  </div>
                  <span className="muted small">{t('recheck.views', { count: f.recheck.views_30d })}</span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
