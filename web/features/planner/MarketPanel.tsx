import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointFeature } from '../../api/types';
import { addDaysIso, formatLongDate, formatShortDate, witaIso } from '../../shared/wita';
import { describeRule, marketDatesBetween, nextMarketDates, type MarketDayRule } from './balinese';
import { DEFAULT_ACTIVITIES, defaultWindow } from './defaults';
import { useCreateVisit } from './api';
import { useSubmissionKey } from '../../shared/submissionKey';
import type { SavedVisit } from '../../api/types';

const NEXT_COUNT = 6;

/**
 * "Hari pasaran: Pasah (berikutnya: Kamis, 3 Des)" and one-click scheduling on the next market days,
 * either one date or a series through a chosen date.
 */
export function MarketPanel({ point, rule, today, plannedDates, onSaved, onError }: {
  point: PointFeature;
  rule: MarketDayRule;
  today: string;
  /** WITA dates that already have a visit at this point. */
  plannedDates: Set<string>;
  onSaved: (saved: SavedVisit, summary: string) => void;
  onError: (err: unknown) => void;
}) {
  const { t, i18n } = useTranslation('planner');
  const lang = i18n.language;
  const p = point.properties;
  const win = defaultWindow(p.opens, p.closes);
  const [team, setTeam] = useState('');
  const [start, setStart] = useState(win.start);
  const [end, setEnd] = useState(win.end);
  const [until, setUntil] = useState(addDaysIso(today, 90));
  const create = useCreateVisit();
  const keys = useSubmissionKey();
  // A market day whose visit start has already passed today is not offered (nor used to start a series).
  const upcoming = (date: string) => new Date(witaIso(date, start)).getTime() > Date.now();
  const next = nextMarketDates(rule, today, NEXT_COUNT + 1).filter(upcoming).slice(0, NEXT_COUNT);
  const days = describeRule(rule).join(' ') || t('market.everyDay');
  const seriesDates = until >= today ? marketDatesBetween(rule, today, until).filter(upcoming) : [];

  const body = (date: string) => ({
    point_id: point.id,
    title: t('market.defaultTitle', { name: p.name }),
    activities: DEFAULT_ACTIVITIES,
    starts_at: witaIso(date, start),
    ends_at: witaIso(date, end),
    ...(team.trim() ? { team: team.trim() } : {}),
  });
  const send = (b: ReturnType<typeof body> & { repeat?: { on_market_days: true; until: string } }, opts: Parameters<typeof create.mutate>[1]) =>
    create.mutate({ body: b, key: keys.keyFor(b) }, { ...opts, onSuccess: (...a) => { keys.saved(); opts?.onSuccess?.(...a); } });
  const scheduleOne = (date: string) =>
    send(body(date), {
      onSuccess: (saved) => onSaved(saved, `${p.name} — ${formatLongDate(date, lang)}`),
      onError,
    });
  const scheduleSeries = () => {
    if (seriesDates.length === 0) return;
    send(
      { ...body(seriesDates[0]), repeat: { on_market_days: true, until } },
      {
        onSuccess: (saved) => onSaved(saved, `${p.name} — ${t('market.series', { date: formatLongDate(until, lang) })}`),
        onError,
      },
    );
  };

  return (
    <section className="card stack planner-market" aria-labelledby="planner-market-title">
      <h2 id="planner-market-title">{t('market.heading')}</h2>
      <p className="planner-market__rule">
        <strong>{next[0] ? t('market.ruleNext', { days, next: formatShortDate(next[0], lang) }) : t('market.rule', { days })}</strong>
      </p>
      {p.opens && p.closes && <p className="muted">{t('market.window', { opens: p.opens, closes: p.closes })}</p>}
      <div className="planner-market__fields">
        <div className="field">
          <label htmlFor="market-team">{t('market.team')}</label>
          <input id="market-team" value={team} onChange={(e) => setTeam(e.target.value)} placeholder={t('market.teamPlaceholder')} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="market-start">{t('market.start')}</label>
          <input id="market-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="market-end">{t('market.end')}</label>
          <input id="market-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} required />
        </div>
      </div>
      <p className="muted">{t('market.oneClick', { start, end })}</p>
      <h3>{t('market.nextDays')}</h3>
      <ul className="planner-market__days">
        {next.map((date) => (
          <li key={date}>
            <button type="button" className="btn btn--ghost planner-market__day" disabled={create.isPending} onClick={() => scheduleOne(date)} data-date={date}>
              {t('market.schedule', { date: formatShortDate(date, lang) })}
            </button>
            {plannedDates.has(date) && <span className="badge badge--good">{t('market.scheduled')}</span>}
          </li>
        ))}
      </ul>
      <h3>{t('market.seriesHeading')}</h3>
      <div className="row planner-market__series">
        <div className="field">
          <label htmlFor="market-until">{t('market.until')}</label>
          <input id="market-until" type="date" value={until} min={today} max={addDaysIso(today, 400)} onChange={(e) => setUntil(e.target.value)} />
        </div>
        <span className="muted">{t('market.seriesCount', { count: seriesDates.length })}</span>
      </div>
      <button type="button" className="btn" disabled={create.isPending || seriesDates.length === 0} onClick={scheduleSeries}>
        {t('market.series', { date: until ? formatShortDate(until, lang) : '' })}
      </button>
      {create.isPending && <p role="status" className="muted">{t('form.saving')}</p>}
    </section>
  );
}
