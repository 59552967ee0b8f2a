import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../shared/ApiErrorText';
import type { PointFeature } from '../../api/types';
import { haversineM } from '../../../server/domain/geo/distance';
import { MAX_GPS_ACCURACY_M } from '../../../server/domain/points/verification';
import { usePointAction, type VerifyBody } from './api';
import { formatCoord } from './formState';
import { useGpsFix } from './useGpsFix';

/**
 * "Cek lokasi": the three honest ways to record a check. "Saya di lokasi ini" takes a fresh high-accuracy GPS fix,
 * shows its accuracy and, at ±50 m or better, saves it as the exact position; "Pin sudah di peta jalan" (only with
 * street tiles) confirms the saved pin; "Dikonfirmasi lewat telepon" renews the check without touching the pin.
 */
export function SiteCheck({ feature, etag, unsaved, streetTiles }: { feature: PointFeature; etag: string | null; unsaved: boolean; streetTiles: boolean }) {
  const { t, i18n } = useTranslation('staff');
  const action = usePointAction(feature.id, etag);
  const gps = useGpsFix();
  const { fix, locating, problem } = gps;
  const [done, setDone] = useState<string | null>(null);
  const round = (m: number) => Math.round(m).toLocaleString(i18n.language);
  const locate = () => {
    setDone(null);
    gps.locate();
  };
  const verify = (body: VerifyBody, messageKey: string) =>
    action.mutate({ kind: 'verify', body }, {
      onSuccess: () => {
        setDone(messageKey);
        gps.clear();
      },
    });

  const good = fix !== null && fix.accuracyM <= MAX_GPS_ACCURACY_M;
  const [lng, lat] = feature.geometry.coordinates;
  return (
    <div className="stack site-check">
      <p className="muted small">{t('check.intro')}</p>
      <div>
        <button type="button" className="btn" onClick={locate} disabled={locating}>
          {locating ? t('check.locating') : t('check.here')}
        </button>
      </div>
      {problem && (
        <p role="alert" className="notice notice--warn small">
          {t(`check.problem.${problem}`)}
        </p>
      )}
      {fix && (
        <div className={`notice stack ${good ? '' : 'notice--warn'}`} role="status">
          <p className="site-check__accuracy">{t('check.accuracy', { m: round(fix.accuracyM) })}</p>
          <p className="small">
            {t('check.fixAt', { lat: formatCoord(fix.lat), lng: formatCoord(fix.lng), m: round(haversineM([lng, lat], [fix.lng, fix.lat])) })}
          </p>
          {good ? (
            <>
              {unsaved && <p className="small">{t('check.saveFirst')}</p>}
              <div>
                <button type="button" className="btn" disabled={action.isPending || unsaved}
                  onClick={() => verify({ method: 'gps', lat: fix.lat, lng: fix.lng, accuracy_m: Math.round(fix.accuracyM * 10) / 10 }, 'check.savedGps')}>
                  {t('check.saveGps')}
                </button>
              </div>
            </>
          ) : (
            <p className="small">{t('check.tooCoarse', { m: round(fix.accuracyM), max: MAX_GPS_ACCURACY_M })}</p>
          )}
        </div>
      )}
      <div className="row">
        {streetTiles && (
          <button type="button" className="btn btn--ghost" disabled={action.isPending || unsaved} onClick={() => verify({ method: 'pin_on_tiles', lat, lng }, 'check.savedTiles')}>
            {t('check.pinOnTiles')}
          </button>
        )}
        <button type="button" className="btn btn--ghost" disabled={action.isPending || unsaved} onClick={() => verify({ method: 'office_confirmed' }, 'check.savedPhone')}>
          {t('check.phone')}
        </button>
      </div>
      {unsaved && <p className="muted small">{t('check.saveFirstOther')}</p>}
      {action.isError && (
        <p role="alert" className="error-text">
          <ApiErrorText error={action.error} labels={{ accuracy_m: t('check.accuracyLabel'), method: t('check.methodLabel'), accuracy: t('form.accuracy') }} />
        </p>
      )}
      {done && !action.isPending && !action.isError && (
        <p role="status" className="saved-note">
          {t(done)}
        </p>
      )}
    </div>
  );
}
