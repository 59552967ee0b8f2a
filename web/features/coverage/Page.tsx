import './coverage.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { RegionSelect } from '../../shared/RegionSelect';
import { regionsBbox, useRegions } from '../../api/hooks';
import { km, Legend } from './Legend';
import { useCoverage, useSuggestion } from './api';
import { classOf, distanceClasses } from './classes';
import { CoverageMap } from './CoverageMap';
import { SuggestPanel } from './SuggestPanel';
import { VillageList } from './VillageList';

const RADII_KM = [1, 2, 3, 5, 7.5, 10, 15, 20];
const WINDOWS_DAYS = [0, 7, 14, 30, 60, 90];

/**
 * Coverage (public read, planner writes): which villages a registration opportunity reaches within a radius,
 * the choropleth with its list alternative, and where K new visits would reach the most villages.
 */
export default function Page() {
  const { t, i18n } = useTranslation('coverage');
  const [radiusKm, setRadiusKm] = useState(5);
  const [days, setDays] = useState(30);
  const [k, setK] = useState(3);
  const [region, setRegion] = useState('');
  const [asked, setAsked] = useState<{ k: number; radiusKm: number; days: number; region: string } | null>(null);
  const coverage = useCoverage(radiusKm, days, region);
  const regions = useRegions().data;
  const focus = regions?.find((r) => r.code === region)?.bbox ?? null;
  const allBox = useMemo(() => regionsBbox(regions), [regions]);
  const suggestion = useSuggestion(asked);
  const classes = useMemo(() => distanceClasses(radiusKm), [radiusKm]);
  const villages = useMemo(() => coverage.data?.villages ?? [], [coverage.data]);
  // A preview belongs to the radius and window it was asked for; changing either hides it.
  const preview = asked && asked.radiusKm === radiusKm && asked.days === days && asked.region === region ? suggestion.data : undefined;
  const sites = preview?.sites ?? [];
  const highlighted = useMemo(() => new Set(sites.flatMap((s) => s.newly_covered)), [sites]);
  const counts = classes.map((c) => villages.filter((v) => classOf(v.distance_m, classes)?.index === c.index).length);
  const noneCount = villages.filter((v) => v.distance_m === null).length;

  return (
    <div className="stack coverage">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form className="card row coverage-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('controls.label')}>
        <RegionSelect id="coverage-region" value={region} onChange={setRegion} />
        <div className="field">
          <label htmlFor="coverage-radius">{t('controls.radius')}</label>
          <select id="coverage-radius" value={radiusKm} onChange={(e) => setRadiusKm(Number(e.target.value))}>
            {RADII_KM.map((r) => <option key={r} value={r}>{t('controls.km', { km: km(r, i18n.language) })}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="coverage-days">{t('controls.days')}</label>
          <select id="coverage-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS_DAYS.map((d) => <option key={d} value={d}>{d === 0 ? t('controls.today') : t('controls.dayCount', { count: d })}</option>)}
          </select>
        </div>
      </form>

      {coverage.isError && <p role="alert" className="error-text"><ApiErrorText error={coverage.error} /></p>}
      {coverage.data && (
        <p className="coverage-summary" role="status">
          <strong>{t('summary', { covered: coverage.data.covered, total: coverage.data.total, km: km(coverage.data.radius_km, i18n.language) })}</strong>{' '}
          <span className="muted">{t('summaryWhat', { count: coverage.data.days })}</span>
        </p>
      )}
      {!coverage.data && !coverage.isError && <p className="muted">{t('common:loading')}</p>}

      <div className="coverage-layout">
        <div className="stack coverage-layout__map">
          <CoverageMap villages={villages} classes={classes} sites={sites} describedBy="coverage-villages" focus={focus} allBox={allBox} />
          <Legend classes={classes} counts={counts} noneCount={noneCount} highlight={sites.length > 0} />
          <SuggestPanel
            k={k}
            onK={setK}
            onSuggest={() => setAsked({ k, radiusKm, days, region })}
            suggestion={preview}
            loading={suggestion.isFetching}
            error={suggestion.error}
            villages={villages}
            total={coverage.data?.total ?? villages.length}
          />
        </div>
        {coverage.data && <VillageList villages={villages} classes={classes} highlighted={highlighted} id="coverage-villages" />}
      </div>
    </div>
  );
}
