import { useTranslation } from 'react-i18next';
import { formatLongDate, formatMonth } from '../../shared/wita';
import { weekdayNames } from '../../shared/localeText';
import { addMonths, dayInfo, matchesMarketDay, monthGrid, type MarketDayRule } from './balinese';
import type { Visit } from '../../api/types';

export interface MonthCalendarProps {
  month: string;
  onMonth: (month: string) => void;
  today: string;
  selected: string | null;
  onSelect: (date: string) => void;
  /** The selected market's rule: its market days are highlighted. */
  rule: MarketDayRule | null;
  marketName?: string;
  /** Visits by WITA date. */
  visitsByDate: Map<string, Visit[]>;
}

/** A month of Gregorian days with their Balinese names, market days, holy days and visits. */
export function MonthCalendar({ month, onMonth, today, selected, onSelect, rule, marketName, visitsByDate }: MonthCalendarProps) {
  const { t, i18n } = useTranslation('planner');
  const lang = i18n.language;
  const weeks = monthGrid(month);
  const names = weekdayNames(lang);
  return (
    <section className="card stack planner-cal" aria-labelledby="planner-cal-title">
      <div className="planner-cal__head">
        <button type="button" className="btn btn--ghost btn--small" onClick={() => onMonth(addMonths(month, -1))} aria-label={t('calendar.prev')}>
          ‹
        </button>
        <h2 id="planner-cal-title" aria-live="polite">{formatMonth(month, lang)}</h2>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => onMonth(addMonths(month, 1))} aria-label={t('calendar.next')}>
          ›
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => { onMonth(today.slice(0, 7)); onSelect(today); }}>
          {t('calendar.today')}
        </button>
      </div>
      <table className="planner-cal__grid">
        <caption className="visually-hidden">{t('calendar.heading')}</caption>
        <thead>
          <tr>{names.map((n) => <th key={n} scope="col">{n}</th>)}</tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((date) => {
                const info = dayInfo(date);
                const market = rule !== null && matchesMarketDay(rule, date);
                const visits = (visitsByDate.get(date) ?? []).filter((v) => v.status !== 'cancelled');
                const outside = !date.startsWith(month);
                const label = [
                  formatLongDate(date, lang),
                  `${info.saptawara} ${info.triwara} ${info.pancawara}`,
                  t('calendar.wuku', { name: info.wuku }),
                  info.kajeng_kliwon ? t('calendar.legendKK') : null,
                  info.holyDay,
                  market ? t('calendar.marketDay') : null,
                  visits.length ? t('calendar.visits', { count: visits.length }) : null,
                ].filter(Boolean).join(', ');
                const cls = ['planner-day', outside && 'is-outside', market && 'is-market', info.kajeng_kliwon && 'is-kk', info.holyDay && 'is-holy', date === today && 'is-today', date === selected && 'is-selected'].filter(Boolean).join(' ');
                return (
                  <td key={date}>
                    <button type="button" className={cls} aria-pressed={date === selected} onClick={() => onSelect(date)} data-date={date}>
                      <span className="visually-hidden">{label}</span>
                      <span aria-hidden="true" className="planner-day__num">{Number(date.slice(8))}</span>
                      <span aria-hidden="true" className="planner-day__bali">
                        <span className="full">{info.triwara} {info.pancawara}</span>
                        <span className="abbr">{info.triwara.slice(0, 2)}·{info.pancawara.slice(0, 2)}</span>
                      </span>
                      {info.wukuStarts && <span aria-hidden="true" className="planner-day__wuku">{info.wuku}</span>}
                      {info.holyDay && <span aria-hidden="true" className="planner-day__holy">{info.holyDay}</span>}
                      {info.kajeng_kliwon && <span aria-hidden="true" className="planner-day__kk">{t('calendar.kk')}</span>}
                      {visits.length > 0 && (
                        <span aria-hidden="true" className="planner-day__visits">
                          <span className="planner-day__dot" />
                          <span className="full">{visits.length === 1 ? visits[0].point_name : t('calendar.visits', { count: visits.length })}</span>
                          {visits.length > 1 && <span className="abbr">{visits.length}</span>}
                        </span>
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="planner-cal__legend" aria-label={t('calendar.legend')}>
        {rule && <li><span className="swatch swatch--market" aria-hidden="true" /> {t('calendar.legendMarket', { name: marketName ?? '' })}</li>}
        <li><span className="swatch swatch--kk" aria-hidden="true">{t('calendar.kk')}</span> {t('calendar.legendKK')}</li>
        <li><span className="swatch swatch--holy" aria-hidden="true" /> {t('calendar.legendHoly')}</li>
        <li><span className="planner-day__dot" aria-hidden="true" /> {t('calendar.legendVisit')}</li>
      </ul>
    </section>
  );
}
