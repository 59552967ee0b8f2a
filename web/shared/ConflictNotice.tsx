import { useTranslation } from 'react-i18next';
import './conflict.css';

/** One field that someone else changed: its label, what the form holds now and what is stored now. */
export interface ConflictRow {
  field: string;
  label: string;
  mine: string;
  stored: string;
}

/**
 * "Data ini sudah diubah oleh orang lain": shown when a save answered 412. Lists field by field what the
 * other person changed (the user's value against the newest stored value); the user's typing stays in the
 * form, and they choose to load the newest version or to put their own changes on top of it.
 */
export function ConflictNotice({ rows, onLoadLatest, onApplyMine, busy }: {
  rows: ConflictRow[];
  onLoadLatest: () => void;
  onApplyMine: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation('common');
  return (
    <div className="conflict" role="alert" aria-labelledby="conflict-title">
      <p id="conflict-title" className="conflict__title">{t('conflict.title')}</p>
      <p>{t('conflict.intro')}</p>
      {busy ? (
        <p className="muted">{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('conflict.noVisibleChange')}</p>
      ) : (
        <table className="conflict__table">
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.mine')}</th>
              <th scope="col">{t('conflict.stored')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field} data-field={r.field}>
                <th scope="row">{r.label}</th>
                <td>{r.mine}</td>
                <td>{r.stored}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button type="button" className="btn" onClick={onApplyMine} disabled={busy}>{t('conflict.applyMine')}</button>
        <button type="button" className="btn btn--ghost" onClick={onLoadLatest} disabled={busy}>{t('conflict.loadLatest')}</button>
      </div>
    </div>
  );
}
