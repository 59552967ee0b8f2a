import { useTranslation } from 'react-i18next';
import type { LngLat } from '../../api/types';
import { MAX_GPS_ACCURACY_M } from '../../../server/domain/points/verification';
import { useGpsFix, type GpsFix } from './useGpsFix';

/**
 * "Saya di lokasi ini" while adding a place on site: puts the pin at a fresh GPS fix and says how good it is.
 * A fix of ±50 m or better is recorded as the check right after the place is saved (PointEditor); a coarser one
 * only moves the pin, as an approximate position.
 */
export function NewPointGps({ onFix }: { onFix: (fix: GpsFix, position: LngLat) => void }) {
  const { t, i18n } = useTranslation('staff');
  const gps = useGpsFix((f) => onFix(f, [f.lng, f.lat]));
  const m = gps.fix ? Math.round(gps.fix.accuracyM).toLocaleString(i18n.language) : '';
  return (
    <div className="stack site-check">
      <div>
        <button type="button" className="btn" onClick={gps.locate} disabled={gps.locating}>
          {gps.locating ? t('check.locating') : t('check.here')}
        </button>
      </div>
      {gps.problem && (
        <p role="alert" className="notice notice--warn small">
          {t(`check.problem.${gps.problem}`)}
        </p>
      )}
      {gps.fix && (
        <div className={`notice stack ${gps.fix.accuracyM <= MAX_GPS_ACCURACY_M ? '' : 'notice--warn'}`} role="status">
          <p className="site-check__accuracy">{t('check.accuracy', { m })}</p>
          <p className="small">{gps.fix.accuracyM <= MAX_GPS_ACCURACY_M ? t('check.newGood') : t('check.newCoarse', { m, max: MAX_GPS_ACCURACY_M })}</p>
        </div>
      )}
    </div>
  );
}
