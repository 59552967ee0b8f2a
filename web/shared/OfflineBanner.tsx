import './offline.css';
import { useTranslation } from 'react-i18next';
import { useOfflineStatus } from './offlineStatus';
import { formatWitaDate, witaHhmm } from './wita';

/** "Offline, data dari {tanggal}": shown while the app answers from the phone's cache. */
export function OfflineBanner() {
  const { t, i18n } = useTranslation('offline');
  const { offline, dataFetchedAt } = useOfflineStatus();
  if (!offline) return null;
  const date = dataFetchedAt
    ? `${formatWitaDate(new Date(dataFetchedAt).toISOString(), i18n.language)}, ${witaHhmm(new Date(dataFetchedAt).toISOString())}`
    : null;
  return (
    <div className="offline-banner" role="status">
      <strong>{date ? t('bannerWithDate', { date }) : t('banner')}</strong> <span>{t('hint')}</span>
    </div>
  );
}
