import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { CodeMessage } from '../../shared/CodeMessage';
import { CircleMarker, Polyline, Tooltip, useMap } from 'react-leaflet';
import BaseMap from '../../map/BaseMap';
import { toLatLng } from '../../map/latLng';
import type { LngLat } from '../../api/types';
import { formatLongDate, formatTimeSpan } from '../../shared/wita';
import { formatNumber } from '../../shared/localeText';
import { useDayPlan } from './api';
import type { DayPlan, DayPlanLeg } from './types';
import { WrittenDateTime } from '../../shared/WrittenDateTime';

/** Metres as kilometres with at most one decimal, in the UI language. */
const km = (distanceM: number, lang: string) => formatNumber(distanceM / 1000, lang, { maxDigits: 1 });

/**
 * A team's day: the ordered stops with their time windows, the legs (straight-line and estimated road
 * km, minutes), the model's assumptions, a map of the route and a printable sheet.
 */
export function DayRoute({ date, teams, startPoint }: { date: string; teams: string[]; startPoint: { name: string; position: LngLat } | null }) {
  const { t, i18n } = useTranslation('planner');
  const [day, setDay] = useState(date);
  const [team, setTeam] = useState(teams[0] ?? '');
  const [fromPoint, setFromPoint] = useState(false);
  const [asked, setAsked] = useState<{ date: string; team: string; start?: LngLat } | null>(null);
  // The button stays enabled; a tap without a team says why beside the field, and the note goes once one is typed.
  const [needTeam, setNeedTeam] = useState(false);
  useEffect(() => setDay(date), [date]);
  useEffect(() => {
    if (!team && teams[0]) setTeam(teams[0]);
  }, [teams, team]);
  const plan = useDayPlan(asked);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!team.trim()) return setNeedTeam(true);
    setAsked({ date: day, team: team.trim(), ...(fromPoint && startPoint ? { start: startPoint.position } : {}) });
  };
  const print = () => {
    document.body.classList.add('printing-day-sheet');
    const done = () => {
      document.body.classList.remove('printing-day-sheet');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };
  return (
    <section className="card stack planner-route" aria-labelledby="planner-route-title">
      <h2 id="planner-route-title" className="no-print">{t('route.heading')}</h2>
      <form className="planner-route__form no-print" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="route-date">{t('route.date')}</label>
          <input id="route-date" type="date" value={day} onChange={(e) => setDay(e.target.value)} required aria-describedby="route-date-text" />
          <WrittenDateTime id="route-date-text" date={day} />
        </div>
        <div className="field">
          <label htmlFor="route-team">{t('route.team')}</label>
          <input id="route-team" list="route-teams" value={team} onChange={(e) => { setTeam(e.target.value); if (e.target.value.trim()) setNeedTeam(false); }} autoComplete="off" aria-invalid={needTeam || undefined} aria-describedby={needTeam ? 'route-team-need' : undefined} />
          {needTeam && <p id="route-team-need" role="alert" className="error-text">{t('route.needTeam')}</p>}
          <datalist id="route-teams">{teams.map((x) => <option key={x} value={x} />)}</datalist>
        </div>
        {startPoint && (
          <div className="field">
            <label htmlFor="route-start">{t('route.start')}</label>
            <select id="route-start" value={fromPoint ? 'point' : 'none'} onChange={(e) => setFromPoint(e.target.value === 'point')}>
              <option value="none">{t('route.startNone')}</option>
              <option value="point">{t('route.startPoint', { name: startPoint.name })}</option>
            </select>
          </div>
        )}
        <button type="submit" className="btn">{t('route.show')}</button>
      </form>
      {plan.isFetching && <p className="muted">{t('common:loading')}</p>}
      {plan.isError && <p role="alert" className="error-text"><ApiErrorText error={plan.error} /></p>}
      {plan.data && <DaySheet plan={plan.data} lang={i18n.language} onPrint={print} startName={fromPoint ? startPoint?.name : undefined} />}
    </section>
  );
}

function DaySheet({ plan, lang, onPrint, startName }: { plan: DayPlan; lang: string; onPrint: () => void; startName?: string }) {
  const { t } = useTranslation('planner');
  const { t: tv } = useTranslation('visits');
  if (plan.stops.length === 0) return <p>{t('route.empty')}</p>;
  const legTo = new Map<string, DayPlanLeg>(plan.legs.map((l) => [l.to_id, l]));
  const path: LngLat[] = [...(plan.start ? [plan.start] : []), ...plan.stops.map((s) => s.position)];
  const dateText = formatLongDate(plan.date, lang);
  return (
    <div className="stack planner-sheet">
      <h3 className="planner-sheet__title">{t('route.sheetTitle', { team: plan.team, date: dateText })}</h3>
      <BaseMap label={t('route.map', { date: dateText })} className="planner-route__map">
        <FitRoute path={path} />
        <Polyline positions={path.map(toLatLng)} pathOptions={{ color: '#0b6e4f', weight: 4, dashArray: '6 6' }} />
        {plan.start && (
          <CircleMarker center={toLatLng(plan.start)} radius={7} pathOptions={{ color: '#1b1f1d', fillColor: '#ffffff', fillOpacity: 1 }}>
            <Tooltip permanent direction="top">{t('route.startLabel')}</Tooltip>
          </CircleMarker>
        )}
        {plan.stops.map((s) => (
          <CircleMarker key={s.visit_id} center={toLatLng(s.position)} radius={9} pathOptions={{ color: '#08553d', fillColor: '#0b6e4f', fillOpacity: 1 }}>
            <Tooltip permanent direction="top">{String(s.order)}</Tooltip>
          </CircleMarker>
        ))}
      </BaseMap>
      <ol className="planner-stops" aria-label={t('route.stops')}>
        {plan.start && <li className="planner-stop planner-stop--start"><strong>{t('route.startLabel')}</strong>{startName ? `: ${startName}` : ''}</li>}
        {plan.stops.map((s) => {
          const leg = legTo.get(s.visit_id);
          return (
            <li key={s.visit_id} className="planner-stop">
              {leg && (
                <p className="planner-leg muted">
                  ↓ {t('route.leg', { km: km(leg.distance_m, lang), road: km(leg.road_distance_m, lang), min: Math.round(leg.duration_min) })}
                </p>
              )}
              <p className="planner-stop__head">
                <span className="planner-stop__n" aria-hidden="true">{s.order}</span>
                <strong>{s.point_name ?? s.title}</strong>
              </p>
              <p>{s.fixed ? formatTimeSpan(s.window.start, s.window.end) : `${formatTimeSpan(s.window.start, s.window.end)} (${t('route.floating')})`}</p>
              <p className="muted">{s.title} · {s.activities.map((a) => tv(`activity.${a}`)).join(', ')}</p>
            </li>
          );
        })}
      </ol>
      <p><strong>{t('route.total', { road: km(plan.totals.road_distance_m, lang), min: Math.round(plan.totals.duration_min) })}</strong></p>
      {plan.warnings.length > 0 && (
        <ul className="planner-warnings">
          {plan.warnings.map((w, i) => (
            <li key={i} className="planner-warning" data-code={w.code}>
              <strong>{t(`conflicts.code.${w.code}`, { defaultValue: w.code })}</strong>
              <span className="muted"><CodeMessage code={w.code} params={w.params} message={w.message} /></span>
            </li>
          ))}
        </ul>
      )}
      <details className="planner-model" open>
        <summary>{t('route.assumptions')}</summary>
        <ul>
          <li>{t('route.model.distance')}</li>
          <li>{t('route.model.road', { circuity: String(plan.model.circuity ?? '') })}</li>
          <li>{t('route.model.speed', { speed: String(plan.model.speed_kmh ?? '') })}</li>
          <li>{t('route.model.overhead', { min: String(plan.model.stop_overhead_min ?? '') })}</li>
          <li>{t('route.model.note')}</li>
        </ul>
      </details>
      <button type="button" className="btn btn--ghost no-print" onClick={onPrint}>{t('route.print')}</button>
    </div>
  );
}

/** Zooms the map to the day's route (a little padding so the numbered labels stay visible). */
function FitRoute({ path }: { path: LngLat[] }) {
  const map = useMap();
  const key = path.map((p) => p.join(',')).join(';');
  useEffect(() => {
    if (path.length === 0) return;
    const latLngs = path.map(toLatLng);
    if (latLngs.length === 1) map.setView(latLngs[0], 14);
    else map.fitBounds(latLngs, { padding: [40, 40], maxZoom: 15 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key]);
  return null;
}
