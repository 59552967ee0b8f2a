import './impact.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVillages } from '../../api/hooks';
import type { VillageFeature } from '../../api/types';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { LoginGate, SessionBar, type SessionUser } from '../../shared/LoginGate';
import { addDaysIso, formatMonth, witaToday } from '../../shared/wita';
import { formatNumber, shortMonthName } from '../../shared/localeText';
import { impactParams, useImpact, type ImpactFilter } from './api';
import { ColumnChart, HBarChart, type Bar } from './charts';
import { DistrictMap } from './DistrictMap';
import { OutcomeForm } from './OutcomeForm';
import { EventResults } from './EventResults';
import { InterestList } from './InterestList';
import { QuizBank } from './QuizBank';
import type { Impact } from './types';
import { WrittenDateTime } from '../../shared/WrittenDateTime';

/** Impact of outreach visits (planner or admin), behind the shared login gate. */
export default function Page() {
  return <LoginGate roles={['planner']}>{(user) => <ImpactPage user={user} />}</LoginGate>;
}

/** Every 'YYYY-MM' from `from`'s month to `to`'s month, so empty months show as empty columns. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const end = to.slice(0, 7);
  for (let i = 0; i < 121; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

function ImpactPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation('impact');
  const today = witaToday();
  const [filter, setFilter] = useState<ImpactFilter>({ from: addDaysIso(today, -364), to: today, districtCode: '' });
  const impact = useImpact(filter);
  const villages = useVillages();
  const districts = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of villages.data?.features ?? []) m.set(f.properties.district_code, f.properties.district_name);
    return [...m.entries()].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }, [villages.data]);
  const csv = `/api/impact.csv?${new URLSearchParams(impactParams(filter)).toString()}`;
  const invalidRange = filter.from > filter.to;

  return (
    <div className="stack impact">
      <SessionBar user={user} />
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form className="card impact-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filters.label')}>
        <div className="field">
          <label htmlFor="impact-from">{t('filters.from')}</label>
          <input id="impact-from" type="date" value={filter.from} max={filter.to} onChange={(e) => e.target.value && setFilter((f) => ({ ...f, from: e.target.value }))} aria-describedby="impact-from-text" />
          <WrittenDateTime id="impact-from-text" date={filter.from} />
        </div>
        <div className="field">
          <label htmlFor="impact-to">{t('filters.to')}</label>
          <input id="impact-to" type="date" value={filter.to} min={filter.from} onChange={(e) => e.target.value && setFilter((f) => ({ ...f, to: e.target.value }))} aria-describedby="impact-to-text" />
          <WrittenDateTime id="impact-to-text" date={filter.to} />
        </div>
        <div className="field">
          <label htmlFor="impact-district">{t('filters.district')}</label>
          <select id="impact-district" value={filter.districtCode} onChange={(e) => setFilter((f) => ({ ...f, districtCode: e.target.value }))}>
            <option value="">{t('filters.allDistricts')}</option>
            {districts.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </select>
        </div>
        <a className="btn btn--ghost impact-csv" href={csv} download>{t('csv')}</a>
      </form>
      {invalidRange && <p role="alert" className="error-text">{t('filters.badRange')}</p>}
      {impact.isError && <p role="alert" className="error-text"><ApiErrorText error={impact.error} /></p>}
      {impact.isPending && <p className="muted">{t('common:loading')}</p>}
      {impact.data && <Results data={impact.data} districts={districts} villages={villages.data?.features} />}
      {impact.data && <EventResults data={impact.data} />}
      {impact.data && <InterestList visits={impact.data.funnel.by_visit} />}
      <OutcomeForm />
      <QuizBank />
    </div>
  );
}

/** Headline numbers, awareness before/after, registrations by month and by kecamatan (bars and map). */
function Results({ data, districts, villages }: { data: Impact; districts: { code: string; name: string }[]; villages: VillageFeature[] | undefined }) {
  const { t, i18n } = useTranslation('impact');
  const lang = i18n.language;
  const count = (v: number) => formatNumber(v, lang);
  const oneDecimal = (v: number) => formatNumber(v, lang, { minDigits: 1, maxDigits: 1 });
  const pct = (v: number | null) => (v === null ? t('noData') : `${oneDecimal(v)}%`);
  const byMonth = new Map(data.by_month.map((m) => [m.month, m.registrations]));
  const monthBars: Bar[] = monthsBetween(data.from, data.to).map((m) => ({
    key: m,
    label: formatMonth(m, lang),
    tick: shortMonthName(Number(m.slice(5, 7)), lang),
    value: byMonth.get(m) ?? 0,
    display: count(byMonth.get(m) ?? 0),
  }));
  const byDistrict = new Map(data.by_district.map((d) => [d.district_code, d.registrations]));
  const shownDistricts = data.district_code ? districts.filter((d) => d.code === data.district_code) : districts;
  const districtBars: Bar[] = shownDistricts.map((d) => ({ key: d.code, label: d.name, value: byDistrict.get(d.code) ?? 0, display: count(byDistrict.get(d.code) ?? 0) }));
  const awarenessBars: Bar[] = [
    { key: 'pre', label: t('awareness.before'), value: data.pretest_pct ?? 0, display: pct(data.pretest_pct) },
    { key: 'post', label: t('awareness.after'), value: data.posttest_pct ?? 0, display: pct(data.posttest_pct) },
  ];
  const change = data.pretest_pct !== null && data.posttest_pct !== null ? data.posttest_pct - data.pretest_pct : null;
  const stats = [
    { key: 'visits', value: data.visits },
    { key: 'attendees', value: data.attendees },
    { key: 'registrations', value: data.registrations },
    { key: 'cards_issued', value: data.cards_issued },
  ] as const;
  return (
    <>
      <section aria-labelledby="impact-totals-title" className="stack">
        <h2 id="impact-totals-title" className="visually-hidden">{t('totals.title')}</h2>
        <dl className="impact-stats">
          {stats.map((s) => (
            <div key={s.key} className="impact-stat card" data-stat={s.key}>
              <dt>{t(`totals.${s.key}`)}</dt>
              <dd>{count(s.value)}</dd>
            </div>
          ))}
        </dl>
        {data.visits === 0 && <p className="muted">{t('empty')}</p>}
      </section>
      <div className="impact-panels">
        <section className="card stack" aria-labelledby="impact-awareness-title">
          <h2 id="impact-awareness-title">{t('awareness.title')}</h2>
          <p className="muted impact-note">{t('awareness.note')}</p>
          <HBarChart id="impact-awareness" title={t('awareness.chart')} headers={[t('awareness.when'), t('awareness.pct')]} bars={awarenessBars} max={100} barClass={(b) => `impact-chart__bar--${b.key}`} />
          {change !== null && (
            <p className="impact-change" data-testid="awareness-change">
              {t(change >= 0 ? 'awareness.up' : 'awareness.down', { points: oneDecimal(Math.abs(change)) })}
            </p>
          )}
        </section>
        <section className="card stack" aria-labelledby="impact-months-title">
          <h2 id="impact-months-title">{t('months.title')}</h2>
          <ColumnChart id="impact-months" title={t('months.chart')} headers={[t('months.month'), t('months.registrations')]} bars={monthBars} hideCaption />
        </section>
      </div>
      <section className="card stack" aria-labelledby="impact-districts-title">
        <h2 id="impact-districts-title">{t('districts.title')}</h2>
        <div className="impact-panels">
          <HBarChart id="impact-districts" title={t('districts.chart')} headers={[t('districts.district'), t('districts.registrations')]} bars={districtBars} hideCaption empty={<p className="muted">{t('noData')}</p>} />
          {villages && (
            <DistrictMap
              villages={villages}
              values={districtBars.map((b) => ({ district_code: b.key, name: b.label, value: b.value }))}
              describedBy="impact-districts-table"
            />
          )}
        </div>
      </section>
    </>
  );
}
