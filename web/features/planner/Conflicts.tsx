import { useTranslation } from 'react-i18next';
import type { Visit, VisitWarning } from '../../api/types';
import { formatShortDate, formatTimeSpan, witaDateOf } from '../../shared/wita';

/**
 * The warnings of the last save and those found in the month: translated by code, with the visit(s) they
 * concern (date, WITA time, place) in the UI language. The server's English message is the detail in
 * English, or when the visit is not among those loaded.
 */
export function Conflicts({ last, lastTotal, lastSummary, month, visits, onDismiss }: { last: VisitWarning[] | null; lastTotal: number; lastSummary: string; month: VisitWarning[]; visits: Visit[]; onDismiss: () => void }) {
  const { t } = useTranslation('planner');
  return (
    <section className="card stack planner-conflicts" aria-labelledby="planner-conflicts-title">
      <h2 id="planner-conflicts-title">{t('conflicts.heading')}</h2>
      {last && (
        <div className="stack" role="status">
          <h3>{t('conflicts.fromSave')}: {lastSummary}</h3>
          {last.length === 0 ? <p className="badge badge--good planner-conflicts__ok">{t('conflicts.none')}</p> : <WarningList warnings={last} visits={visits} />}
          {/* The server answers at most 50 warnings per save; say how many there were. */}
          {lastTotal > last.length && <p className="muted">{t('conflicts.more', { shown: last.length, total: lastTotal })}</p>}
          <button type="button" className="btn btn--ghost btn--small" onClick={onDismiss}>
            {t('conflicts.dismiss')}
          </button>
        </div>
      )}
      <h3>{t('conflicts.inMonth')}</h3>
      {month.length === 0 ? <p className="muted">{t('conflicts.monthNone')}</p> : <WarningList warnings={month} visits={visits} />}
    </section>
  );
}

function WarningList({ warnings, visits }: { warnings: VisitWarning[]; visits: Visit[] }) {
  const { t, i18n } = useTranslation('planner');
  const byId = new Map(visits.map((v) => [v.id, v]));
  const where = (id: string | undefined): string | null => {
    const v = id ? byId.get(id) : undefined;
    return v ? `${formatShortDate(witaDateOf(v.starts_at), i18n.language)}, ${formatTimeSpan(v.starts_at, v.ends_at)} · ${v.point_name ?? v.title}` : null;
  };
  return (
    <ul className="planner-warnings">
      {warnings.map((w, i) => (
        <li key={`${w.code}-${w.occurrence_id ?? ''}-${w.other_id ?? ''}-${i}`} className="planner-warning" data-code={w.code}>
          <strong>{t(`conflicts.code.${w.code}`, { defaultValue: w.code })}</strong>
          <WarningDetail here={where(w.occurrence_id)} other={where(w.other_id)} message={w.message} english={i18n.language === 'en'} />
        </li>
      ))}
    </ul>
  );
}

function WarningDetail({ here, other, message, english }: { here: string | null; other: string | null; message: string; english: boolean }) {
  const { t } = useTranslation('planner');
  if (english || !here) return <span className="muted" lang="en">{message}</span>;
  return <span className="muted">{other ? t('conflicts.pair', { a: here, b: other }) : here}</span>;
}
