import { useTranslation } from 'react-i18next';
import { NONE_COLOUR, type DistanceClass } from './classes';
import { formatNumber } from '../../shared/localeText';

/** "1,5 km" with the UI language's decimal separator. */
export function km(value: number, lang: string): string {
  return formatNumber(value, lang, { maxDigits: 1 });
}

/** Map legend: one swatch per distance class (km), the "no place" swatch and, when shown, the highlight. */
export function Legend({ classes, counts, noneCount, highlight }: { classes: DistanceClass[]; counts: number[]; noneCount: number; highlight: boolean }) {
  const { t, i18n } = useTranslation('coverage');
  const lang = i18n.language;
  const label = (c: DistanceClass) =>
    c.toKm === null ? t('legend.over', { km: km(c.fromKm, lang) })
    : c.index === 0 ? t('legend.upTo', { km: km(c.toKm, lang) })
    : t('legend.range', { from: km(c.fromKm, lang), to: km(c.toKm, lang) });
  return (
    <figure className="coverage-legend">
      <figcaption>{t('legend.title')}</figcaption>
      <ul>
        {classes.map((c) => (
          <li key={c.index} data-class={c.index}>
            <svg width="22" height="16" aria-hidden="true" focusable="false"><rect width="22" height="16" rx="3" fill={c.colour} stroke="#4a4a4a" /></svg>
            <span>{label(c)}</span>
            <span className="muted">({t('villageCount', { count: counts[c.index] })})</span>
          </li>
        ))}
        <li data-class="none">
          <svg width="22" height="16" aria-hidden="true" focusable="false"><rect width="22" height="16" rx="3" fill={NONE_COLOUR} stroke="#5a5a5a" strokeDasharray="4 3" /></svg>
          <span>{t('legend.none')}</span>
          <span className="muted">({t('villageCount', { count: noneCount })})</span>
        </li>
        {highlight && (
          <li data-class="highlight">
            <svg width="22" height="16" aria-hidden="true" focusable="false"><rect x="1.5" y="1.5" width="19" height="13" rx="3" fill="none" stroke="#d1005b" strokeWidth="3" /></svg>
            <span>{t('legend.highlight')}</span>
          </li>
        )}
      </ul>
    </figure>
  );
}
