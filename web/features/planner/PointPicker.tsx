import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointFeature } from '../../api/types';
import { describeRule, ruleOf } from './balinese';
import { RegionSelect } from '../../shared/RegionSelect';

/** A searchable list of service points; places with market days come first and carry a badge. */
export function PointPicker({ points, selectedId, onSelect }: { points: PointFeature[]; selectedId: number | null; onSelect: (id: number) => void }) {
  const { t } = useTranslation('planner');
  const [q, setQ] = useState('');
  const [onlyMarkets, setOnlyMarkets] = useState(false);
  const [region, setRegion] = useState('');
  const filtered = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return points
      .filter((p) => !region || (p.properties.village_code ?? '').startsWith(`${region}.`))
      .filter((p) => !onlyMarkets || ruleOf(p.properties.market_days))
      .filter((p) => !needle || [p.properties.name, p.properties.village_name, p.properties.district_name].some((s) => s?.toLowerCase().includes(needle)))
      .sort((a, b) => Number(!ruleOf(a.properties.market_days)) - Number(!ruleOf(b.properties.market_days)) || a.properties.name.localeCompare(b.properties.name, 'id'));
  }, [points, q, onlyMarkets, region]);
  return (
    <section className="card stack planner-points" aria-labelledby="planner-points-title">
      <h2 id="planner-points-title">{t('point.heading')}</h2>
      <RegionSelect id="planner-point-region" value={region} onChange={setRegion} />
      <div className="field">
        <label htmlFor="planner-point-search">{t('point.search')}</label>
        <input id="planner-point-search" type="search" value={q} placeholder={t('point.searchPlaceholder')} onChange={(e) => setQ(e.target.value)} />
      </div>
      <label className="check">
        <input type="checkbox" checked={onlyMarkets} onChange={(e) => setOnlyMarkets(e.target.checked)} /> {t('point.onlyMarkets')}
      </label>
      <p className="muted planner-points__count" aria-live="polite">{t('point.count', { count: filtered.length })}</p>
      {filtered.length === 0 ? (
        <p>{t('point.none')}</p>
      ) : (
        <ul className="planner-points__list">
          {filtered.map((p) => {
            const rule = ruleOf(p.properties.market_days);
            return (
              <li key={p.id}>
                <button type="button" className="planner-point" aria-pressed={p.id === selectedId} onClick={() => onSelect(p.id)}>
                  <span className="planner-point__name">{p.properties.name}</span>
                  <span className="planner-point__meta muted">
                    {p.properties.village_name && t('point.village', { village: p.properties.village_name, district: p.properties.district_name ?? '' })}
                  </span>
                  {rule && <span className="badge badge--good">{t('point.market')}: {describeRule(rule).join(' ') || t('market.everyDay')}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
