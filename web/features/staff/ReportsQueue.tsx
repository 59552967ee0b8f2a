import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { useOpenReports, useReportAction } from './api';
import { formatDateTime } from './format';
import { staffHref } from './nav';

/** Open "Info salah?" reports from the public, oldest first as the server sends them, to resolve or dismiss. */
export function ReportsQueue() {
  const { t, i18n } = useTranslation('staff');
  const reports = useOpenReports();
  const act = useReportAction();
  return (
    <section className="stack" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      {reports.isPending ? <p className="muted">{t('common:loading')}</p>
      : reports.isError ? (
        <p role="alert" className="error-text">
          <ApiErrorText error={reports.error} />
        </p>
      ) : reports.data.length === 0 ? (
        <p className="card muted">{t('reports.empty')}</p>
      ) : (
        <ul className="point-rows">
          {reports.data.map((r) => (
            <li key={r.id} className="card stack report-row">
              <div>
                <span className="badge badge--warn">{t(`reasons.${r.reason}`, { defaultValue: r.reason })}</span>{' '}
                <a href={staffHref('edit', { id: r.point_id })}>{r.point_name ?? t('reports.pointN', { id: r.point_id })}</a>
              </div>
              {r.comment ? <p className="report-row__comment">“{r.comment}”</p> : <p className="muted small">{t('reports.noComment')}</p>}
              <p className="muted small">{formatDateTime(r.created_at, i18n.language)}</p>
              <div className="row">
                <button type="button" className="btn btn--small" disabled={act.isPending} onClick={() => act.mutate({ id: r.id, action: 'resolve' })}>
                  {t('reports.resolve')}
                </button>
                <button type="button" className="btn btn--ghost btn--small" disabled={act.isPending} onClick={() => act.mutate({ id: r.id, action: 'dismiss' })}>
                  {t('reports.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {act.isError && (
        <p role="alert" className="error-text">
          <ApiErrorText error={act.error} />
        </p>
      )}
    </section>
  );
}
