import { useTranslation } from 'react-i18next';
import type { OnlineOption, PointOption, PointProps, VisitOption } from '../../api/types';
import { useVillageNames } from '../../shared/villageNames';
import { formatDistance } from './format';
import { directionsUrl, whatsappShareUrl } from './links';
import { visitShareText, visitWhen, placeShareText } from './share';
import { Icon } from './icons';

/** A visit as one line a farmer reads at a glance: "Senin, 7 Des, 09.00–12.00 WITA · Kantor Perbekel Bunutin · 480 m". */
export function VisitItem({ option, now }: { option: VisitOption; now: Date }) {
  const { t, i18n } = useTranslation('finder');
  const lang = i18n.language;
  const names = useVillageNames();
  const name = names.placeName(option.name, option.village_code);
  const when = visitWhen(option, lang);
  const underWay = Date.parse(option.starts_at) <= now.getTime();
  return (
    <article className="answer__item answer__item--visit" aria-label={`${when.date}, ${name}`}>
      <p className="answer__line">
        <Icon name="clock" className="answer__icon" />
        <span>
          <strong className="answer__when">
            <time dateTime={option.starts_at}>{t('answer.visitWhen', when)}</time>
          </strong>
          {' · '}
          <span className="answer__name">{name}</span>
          {' · '}
          <span className="answer__distance">{formatDistance(option.distance_m, lang)}</span>
          <span className="answer__what"> — {t('answer.visitWhat')}</span>
        </span>
      </p>
      {underWay && <span className="badge badge--good">{t('answer.underWay')}</span>}
      <div className="answer__actions">
        <a className="btn btn--small btn--ghost" href={directionsUrl(option.position)} target="_blank" rel="noopener noreferrer" aria-label={t('card.directionsLabel', { name })}>
          <Icon name="directions" />
          {t('card.directions')}
        </a>
        <a className="btn btn--small btn--ghost" href={whatsappShareUrl(visitShareText(t, name, option, lang))} target="_blank" rel="noopener noreferrer" aria-label={t('answer.shareVisitLabel', { date: when.date, name })}>
          <Icon name="share" />
          {t('card.share')}
        </a>
        {/* Ids are v7 or s12:2026-12-03: safe in a path as they are. */}
        <a className="btn btn--small btn--ghost answer__ics" href={`/api/visits/${option.visit_id}.ics`} download aria-label={t('answer.calendarLabel', { date: when.date, name })}>
          <Icon name="clock" />
          {t('answer.addToCalendar')}
        </a>
      </div>
    </article>
  );
}

/** A place that registers, as one line with its distance and whether it is open now. */
export function PointItem({ option }: { option: PointOption }) {
  const { t, i18n } = useTranslation('finder');
  const names = useVillageNames();
  const name = names.placeName(option.name, option.village_code);
  return (
    <article className="answer__item answer__item--point" aria-label={name}>
      <p className="answer__line">
        <Icon name="check" className="answer__icon" />
        <span>
          <strong className="answer__name">{name}</strong>
          {' · '}
          <span className="answer__distance">{formatDistance(option.distance_m, i18n.language)}</span>
          <span className="answer__what"> — {t('answer.pointWhat')}</span>
        </span>
      </p>
      <span className={option.open_now === true ? 'badge badge--good' : option.open_now === false ? 'badge badge--bad' : 'badge'}>
        {option.open_now === true ? t('card.openNow') : option.open_now === false ? t('card.closedNow') : t('card.hoursUnknown')}
      </span>
      <div className="answer__actions">
        <a className="btn btn--small btn--ghost" href={directionsUrl(option.position)} target="_blank" rel="noopener noreferrer" aria-label={t('card.directionsLabel', { name })}>
          <Icon name="directions" />
          {t('card.directions')}
        </a>
        <a
          className="btn btn--small btn--ghost"
          href={whatsappShareUrl(placeShareText(t, name, { services: option.services as PointProps['services'], accuracy: 'exact' }, option.position))}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('card.shareLabel', { name })}
        >
          <Icon name="share" />
          {t('card.share')}
        </a>
      </div>
    </article>
  );
}

/** "Daftar sendiri lewat aplikasi JMO: siapkan KTP, email, nomor HP", with a button that opens the channel. */
export function OnlineItem({ option }: { option: OnlineOption }) {
  const { t } = useTranslation('finder');
  const requirements = option.requirement_ids.map((id, i) => t(`answer.requirement.${id}`, { defaultValue: option.requirements[i] })).join(', ');
  const channel = t(`answer.channel.${option.channel}`, { defaultValue: option.channel });
  return (
    <article className="answer__item answer__item--online">
      <p className="answer__line">
        <Icon name="phone" className="answer__icon" />
        <span>{t('answer.online', { channel, requirements })}</span>
      </p>
      <a className="btn btn--small answer__channel" href={option.url} target="_blank" rel="noopener noreferrer">
        {t(`answer.openChannel.${option.channel}`, { defaultValue: channel })}
      </a>
    </article>
  );
}
