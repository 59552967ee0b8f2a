/** WhatsApp texts that say exactly what a place offers, and when a visit is. */
import type { TFunction } from 'i18next';
import type { PointProps, VisitOption } from '../../api/types';
import { mapsUrl } from './links';
import { formatShortDate, formatTimeSpan, witaDateOf } from '../../shared/wita';

/** "Senin, 7 Des" and "09.00–12.00 WITA" of a visit, in the UI language. */
export function visitWhen(v: Pick<VisitOption, 'starts_at' | 'ends_at'>, lang: string): { date: string; time: string } {
  return {
    date: formatShortDate(witaDateOf(v.starts_at), lang),
    time: formatTimeSpan(v.starts_at, v.ends_at),
  };
}

/** What a place offers, in words: registration only when its services say so. */
export function offersText(t: TFunction, services: PointProps['services']): string {
  const others = services.filter((s) => s !== 'registration').map((s) => t(`vocab:services.${s}`)).join(', ');
  if (services.includes('registration')) {
    return t('card.offersRegistration', { ns: 'finder' }) + (others ? t('card.offersAlso', { ns: 'finder', services: others }) : '');
  }
  return services.length ? t('card.offersOnly', { ns: 'finder', services: others }) : t('card.offersNothing', { ns: 'finder' });
}

/** The share text of a place: its name, what it offers, whether its position is approximate, a map link. */
export function placeShareText(t: TFunction, name: string, p: Pick<PointProps, 'services' | 'accuracy'>, position: [number, number]): string {
  return t('card.shareText', {
    ns: 'finder',
    name,
    offers: offersText(t, p.services),
    approx: p.accuracy === 'approximate' ? t('card.shareApprox', { ns: 'finder' }) : '',
    url: mapsUrl(position),
  });
}

/** The share text of a registration visit: its date and time first, then the place and a map link. */
export function visitShareText(t: TFunction, name: string, v: VisitOption, lang: string): string {
  return t('answer.shareVisit', { ns: 'finder', ...visitWhen(v, lang), name, url: mapsUrl(v.position) });
}
