import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { usePointHistory } from './api';
import { changedFields, showValue } from './diff';
import type { TFunction } from 'i18next';
import { formatDateTime } from './format';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A field value as a reader understands it: vocabulary words translated, dates in WITA, hours as "Sen 08:00–15:00". */
function readable(field: string, v: unknown, t: TFunction, lang: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field === 'accuracy' && typeof v === 'string') return t(`accuracy.${v}`, { defaultValue: v });
  if (field === 'status' && typeof v === 'string') return t(`status.${v}`, { defaultValue: v });
  if (field === 'type' && typeof v === 'string') return t(`vocab:types.${v}`, { defaultValue: v });
  if (field === 'services' && Array.isArray(v)) return v.length ? v.map((x) => t(`vocab:services.${x}`, { defaultValue: String(x) })).join(', ') : '—';
  if ((field === 'verified_at' || field.endsWith('_at')) && typeof v === 'string') return formatDateTime(v, lang);
  if (field === 'opening_hours' && typeof v === 'object') {
    const h = v as Record<string, { opens: string; closes: string }[]>;
    const parts = WEEK.filter((d) => h[d]?.length).map((d) => `${t(`daysShort.${d}`)} ${h[d].map((s) => `${s.opens}–${s.closes}`).join(', ')}`);
    return parts.length ? parts.join('; ') : t('history.closedAllWeek');
  }
  if (field === 'market_days' && typeof v === 'object') return Object.values(v as Record<string, string[]>).flat().join(' + ') || '—';
  return showValue(v);
}

/** The audit trail of one point: who, when, which action, and a before → after table of what changed. */
export function PointHistory({ id }: { id: number }) {
  const { t, i18n } = useTranslation('staff');
  const history = usePointHistory(id);
  return (
    <section className="card stack" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {history.isPending ? <p className="muted">{t('common:loading')}</p>
      : history.isError ? (
        <p role="alert" className="error-text">
          <ApiErrorText error={history.error} />
        </p>
      ) : history.data.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <ol className="history">
          {history.data.map((e) => {
            const changes = changedFields(e.before, e.after);
            return (
              <li key={e.id} className="history__entry">
                <p className="history__what">
                  <strong>{t(`history.actions.${e.action}`, { defaultValue: e.action })}</strong>{' '}
                  <span className="muted">
                    {t('history.byAt', { who: e.actor_email ?? t('history.system'), when: formatDateTime(e.at, i18n.language) })}
                  </span>
                </p>
                {changes.length > 0 && (
                  <table className="diff">
                    <caption className="visually-hidden">{t('history.changes')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('history.field')}</th>
                        <th scope="col">{t('history.before')}</th>
                        <th scope="col">{t('history.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((c) => (
                        <tr key={c.field}>
                          <th scope="row">{t(`fields.${c.field}`, { defaultValue: c.field })}</th>
                          <td className="diff__before">{readable(c.field, c.before, t, i18n.language)}</td>
                          <td className="diff__after">{readable(c.field, c.after, t, i18n.language)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
