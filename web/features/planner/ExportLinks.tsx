import { useTranslation } from 'react-i18next';

export interface FeedTarget {
  /** Query for /api/visits.ics, e.g. { point_id: '12' }; empty for every visit. */
  query: Record<string, string>;
  label: string;
}

function feedPath(query: Record<string, string>): string {
  const qs = new URLSearchParams(query).toString();
  return `/api/visits.ics${qs ? `?${qs}` : ''}`;
}

/** "Ekspor kalender": a webcal:// subscribe link (calendar apps refresh it) and a plain download, per feed. */
export function ExportLinks({ targets }: { targets: FeedTarget[] }) {
  const { t } = useTranslation('planner');
  return (
    <section className="card stack planner-export" aria-labelledby="planner-export-title">
      <h2 id="planner-export-title">{t('export.heading')}</h2>
      <p className="muted">{t('export.intro')}</p>
      <ul className="planner-export__list">
        {targets.map((f) => {
          const path = feedPath(f.query);
          const webcal = `webcal://${window.location.host}${path}`;
          return (
            <li key={path}>
              <span className="planner-export__name">{f.label}</span>
              <span className="row">
                <a className="btn btn--ghost btn--small" href={webcal}>
                  {t('export.subscribe')}<span className="visually-hidden">: {f.label}</span>
                </a>
                <a className="btn btn--ghost btn--small" href={path} download>
                  {t('export.download')}<span className="visually-hidden">: {f.label}</span>
                </a>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
