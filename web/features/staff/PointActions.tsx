import { useState } from 'react';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { useTranslation } from 'react-i18next';
import type { PointFeature } from '../../api/types';
import { usePointAction } from './api';
import { useClientConfig } from '../../api/hooks';
import { SiteCheck } from './SiteCheck';

/**
 * Record a check (SiteCheck: GPS on site, pin on a street map, or a phone call; blocked while the form has unsaved
 * changes, so a moved pin is never verified at its old position); retire/restore with a confirmation step.
 */
export function PointActions({ feature, etag, unsaved }: { feature: PointFeature; etag: string | null; unsaved: boolean }) {
  const { t } = useTranslation('staff');
  const action = usePointAction(feature.id, etag);
  const config = useClientConfig();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const retired = feature.properties.status === 'retired';
  // Keep the key, not the text, so the note follows a language switch.
  const run = (a: Parameters<typeof action.mutate>[0], messageKey: string) =>
    action.mutate(a, {
      onSuccess: () => {
        setDone(messageKey);
        setConfirming(false);
      },
    });
  return (
    <section className="card stack point-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      {!retired && <SiteCheck feature={feature} etag={etag} unsaved={unsaved} streetTiles={Boolean(config.data?.tile_url)} />}
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
            <button type="button" className={`btn ${retired ? '' : 'staff-danger'}`} disabled={action.isPending} onClick={() => run(retired ? { kind: 'restore' } : { kind: 'retire' }, retired ? 'actions.restored' : 'actions.retired')}>
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
          <ApiErrorText error={action.error} />
        </p>
      )}
      {done && !action.isPending && !action.isError && (
        <p role="status" className="saved-note">
          {t(done)}
        </p>
      )}
    </section>
  );
}
