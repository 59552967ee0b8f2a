import './planner.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVillages } from '../../api/hooks';
import { LoginGate, SessionBar, type SessionUser } from '../../shared/LoginGate';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { formatLongDate, witaDateOf, witaToday } from '../../shared/wita';
import { useAllPoints, useVisits } from './api';
import { dayInfo, matchesMarketDay, monthGrid, ruleOf } from './balinese';
import { Conflicts } from './Conflicts';
import { DayRoute } from './DayRoute';
import { ExportLinks, type FeedTarget } from './ExportLinks';
import { MarketPanel } from './MarketPanel';
import { MonthCalendar } from './MonthCalendar';
import { monthConflicts } from './monthConflicts';
import { PointPicker } from './PointPicker';
import { VisitForm } from './VisitForm';
import { VisitList } from './VisitList';
import type { SavedVisit, Visit, VisitWarning } from '../../api/types';

/** The outreach planner (planner role; admin too): behind the shared login gate. */
export default function Page() {
  return <LoginGate roles={['planner']}>{(user) => <Planner user={user} />}</LoginGate>;
}

function Planner({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation('planner');
  const lang = i18n.language;
  const today = witaToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [selected, setSelected] = useState(today);
  const [pointId, setPointId] = useState<number | null>(null);
  const [last, setLast] = useState<{ warnings: VisitWarning[]; total: number; summary: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [onlyPoint, setOnlyPoint] = useState(true);

  const points = useAllPoints();
  const villages = useVillages();
  const allPoints = points.data?.features ?? [];
  const point = allPoints.find((p) => p.id === pointId) ?? null;
  const rule = point ? ruleOf(point.properties.market_days) : null;

  const weeks = monthGrid(month);
  const visits = useVisits(weeks[0][0], weeks[weeks.length - 1][6]);
  const allVisits = visits.data ?? [];
  const shownVisits = point && onlyPoint ? allVisits.filter((v) => Number(v.point_id) === point.id) : allVisits;
  const byDate = useMemo(() => {
    const m = new Map<string, Visit[]>();
    for (const v of shownVisits) {
      const d = witaDateOf(v.starts_at);
      m.set(d, [...(m.get(d) ?? []), v]);
    }
    return m;
  }, [shownVisits]);
  const monthVisits = shownVisits.filter((v) => witaDateOf(v.starts_at).startsWith(month));
  const conflicts = useMemo(() => monthConflicts(allVisits.filter((v) => witaDateOf(v.starts_at).startsWith(month)), allPoints), [allVisits, allPoints, month]);
  const teams = useMemo(() => [...new Set(allVisits.map((v) => v.team?.trim()).filter((x): x is string => !!x))].sort(), [allVisits]);
  const plannedAtPoint = useMemo(
    () => new Set(allVisits.filter((v) => point && Number(v.point_id) === point.id && v.status !== 'cancelled').map((v) => witaDateOf(v.starts_at))),
    [allVisits, point],
  );

  const onSaved = (saved: SavedVisit, summary: string) => {
    setError(null);
    setLast({ warnings: saved.warnings ?? [], total: saved.warnings_total ?? saved.warnings?.length ?? 0, summary });
  };
  const onError = (err: unknown) => setError(err);

  const village = villages.data?.features.find((v) => v.properties.code === point?.properties.village_code)?.properties;
  const feeds: FeedTarget[] = [
    ...(point ? [{ query: { point_id: String(point.id) }, label: t('export.point', { name: point.properties.name }) }] : []),
    ...(village ? [{ query: { village_code: village.code }, label: t('export.village', { name: village.name }) }] : []),
    ...(village ? [{ query: { district_code: village.district_code }, label: t('export.district', { name: village.district_name }) }] : []),
    { query: {}, label: t('export.all') },
  ];
  const info = dayInfo(selected);
  const selectedVisits = byDate.get(selected) ?? [];

  return (
    <div className="stack planner">
      <div className="planner-head no-print">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <SessionBar user={user} />
      </div>
      {error != null && (
        <p role="alert" className="card error-text planner-error">
          {t('saveError')} <ApiErrorText error={error} />
        </p>
      )}
      <div className="planner-top no-print">
        {points.isError ? (
          <p role="alert" className="error-text"><ApiErrorText error={points.error} /></p>
        ) : (
          <PointPicker points={allPoints} selectedId={pointId} onSelect={setPointId} />
        )}
        <div className="stack">
          {point && rule && (
            <MarketPanel key={point.id} point={point} rule={rule} today={today} plannedDates={plannedAtPoint} onSaved={onSaved} onError={onError} />
          )}
          {point && !rule && <p className="card">{t('market.noRule')}</p>}
          {(last || conflicts.length > 0 || point) && <Conflicts last={last?.warnings ?? null} lastTotal={last?.total ?? 0} lastSummary={last?.summary ?? ''} month={conflicts} visits={allVisits} onDismiss={() => setLast(null)} />}
        </div>
      </div>
      <div className="planner-cal-wrap no-print">
        {point && (
          <label className="check">
            <input type="checkbox" checked={onlyPoint} onChange={(e) => setOnlyPoint(e.target.checked)} /> {t('list.headingPoint', { name: point.properties.name })}
          </label>
        )}
        <MonthCalendar
          month={month}
          onMonth={setMonth}
          today={today}
          selected={selected}
          onSelect={(d) => { setSelected(d); if (!d.startsWith(month)) setMonth(d.slice(0, 7)); }}
          rule={rule}
          marketName={point?.properties.name}
          visitsByDate={byDate}
        />
      </div>
      <section className="card stack planner-day-detail no-print" aria-labelledby="planner-day-title">
        <h2 id="planner-day-title">{formatLongDate(selected, lang)}</h2>
        <p>
          {info.saptawara} {info.triwara} {info.pancawara} · {t('calendar.wuku', { name: info.wuku })}
          {info.kajeng_kliwon && <> · <span className="badge badge--warn">{t('calendar.legendKK')}</span></>}
          {info.holyDay && <> · <span className="badge badge--bad">{info.holyDay}</span></>}
          {rule && matchesMarketDay(rule, selected) && <> · <span className="badge badge--good">{t('calendar.marketDay')}</span></>}
        </p>
        {selectedVisits.length > 0 && (
          <ul className="planner-day-detail__visits">
            {selectedVisits.map((v) => <li key={v.id}>{v.point_name}: {v.title} ({v.team ?? '—'})</li>)}
          </ul>
        )}
        <h3>{t('form.heading')}</h3>
        <VisitForm key={`${pointId}-${selected}`} point={point} hasRule={!!rule} date={selected} onSaved={onSaved} />
      </section>
      <div className="no-print">
        <VisitList
          visits={monthVisits}
          heading={point && onlyPoint ? t('list.headingPoint', { name: point.properties.name }) : t('list.heading')}
          onSaved={onSaved}
          onError={onError}
        />
      </div>
      <DayRoute date={selected} teams={teams} startPoint={point ? { name: point.properties.name, position: point.geometry.coordinates } : null} />
      <div className="no-print">
        <ExportLinks targets={feeds} />
      </div>
    </div>
  );
}
