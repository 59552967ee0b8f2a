import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointFeature } from '../../api/types';
import { usePointAction } from './api';

/** Verify after a field check (optionally "pin placed on site" → exact), and retire/restore with a confirmation step. */
export function PointActions({ feature }: { feature: PointFeature }) {
  const { t } = useTranslation('staff');
  const action = usePointAction(feature.id);
  const [onSite, setOnSite] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const retired = feature.properties.status === 'retired';
  const run = (a: Parameters<typeof action.mutate>[0], message: string) =>
    action.mutate(a, {
      onSuccess: () => {
        setDone(message);
        setConfirming(false);
      },
    });
  return (
    <section className="card stack point-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      {!retired && (
        <div className="verify">
          <label className="check">
            <input type="checkbox" checked={onSite} onChange={(e) => setOnSite(e.target.checked)} />
            {t('actions.onSite')}
          </label>
          <button type="button" className="btn" disabled={action.isPending} onClick={() => run({ kind: 'verify', onSite }, t('actions.verified'))}>
            {t('actions.verify')}
          </button>
        </div>
      )}
      {!confirming ? (
        <div>
          <button type="button" className="btn btn--ghost" onClick={() => setConfirming(true)}>
            {retired ? t('actions.restore') : t('actions.retire')}
          </button>
        </div>
      ) : (
        <div className="notice notice--warn stack" role="group" aria-label={t('actions.confirmLabel')}>
          <p>{retired ? t('actions.restoreConfirm', { name: feature.properties.name }) : t('actions.retireConfirm', { name: feature.properties.name })}</p>
          <div className="row">
            <button type="button" className={`btn ${retired ? '' : 'btn--danger'}`} disabled={action.isPending} onClick={() => run(retired ? { kind: 'restore' } : { kind: 'retire' }, retired ? t('actions.restored') : t('actions.retired'))}>
              {retired ? t('actions.restoreYes') : t('actions.retireYes')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setConfirming(false)}>
              {t('actions.cancel')}
            </button>
          </div>
        </div>
      )}
      {action.isError && (
        <p role="alert" className="error-text">
          {t('common:error', { message: action.error.message })}
        </p>
      )}
      {done && !action.isPending && !action.isError && (
        <p role="status" className="saved-note">
          {done}
        </p>
      )}
    </section>
  );
}
