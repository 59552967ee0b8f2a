import { useTranslation } from 'react-i18next';
import type { VisitWarning } from '../../api/types';
import { CodeMessage } from '../../shared/CodeMessage';

/**
 * The warnings of the last save and those found in the month: a short title by code, then the whole warning
 * from its code and params (dates, WITA times, titles and places) in the UI language.
 */
export function Conflicts({ last, lastTotal, lastSummary, month, onDismiss }: { last: VisitWarning[] | null; lastTotal: number; lastSummary: string; month: VisitWarning[]; onDismiss: () => void }) {
  const { t } = useTranslation('planner');
  return (
    <section className="card stack planner-conflicts" aria-labelledby="planner-conflicts-title">
      <h2 id="planner-conflicts-title">{t('conflicts.heading')}</h2>
      {last && (
        <div className="stack" role="status">
          <h3>{t('conflicts.fromSave')}: {lastSummary}</h3>
          {last.length === 0 ? <p className="badge badge--good planner-conflicts__ok">{t('conflicts.none')}</p> : <WarningList warnings={last} />}
          {/* The server answers at most 50 warnings per save; say how many there were. */}
          {lastTotal > last.length && <p className="muted">{t('conflicts.more', { shown: last.length, total: lastTotal })}</p>}
          <button type="button" className="btn btn--ghost btn--small" onClick={onDismiss}>
            {t('conflicts.dismiss')}
          </button>
        </div>
      )}
      <h3>{t('conflicts.inMonth')}</h3>
      {month.length === 0 ? <p className="muted">{t('conflicts.monthNone')}</p> : <WarningList warnings={month} />}
    </section>
  );
}

function WarningList({ warnings }: { warnings: VisitWarning[] }) {
  const { t } = useTranslation('planner');
  return (
    <ul className="planner-warnings">
      {warnings.map((w, i) => (
        <li key={`${w.code}-${w.occurrence_id ?? ''}-${w.other_id ?? ''}-${i}`} className="planner-warning" data-code={w.code}>
          <strong>{t(`conflicts.code.${w.code}`, { defaultValue: w.code })}</strong>
          <span className="muted"><CodeMessage code={w.code} params={w.params} message={w.message} /></span>
        </li>
      ))}
    </ul>
  );
}

