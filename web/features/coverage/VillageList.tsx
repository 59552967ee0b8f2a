import { useTranslation } from 'react-i18next';
import { formatDistance } from '../../shared/wita';
import { classOf, type DistanceClass } from './classes';
import type { CoverageVillage } from './types';

export interface DistrictGroup {
  district_code: string;
  district_name: string;
  villages: CoverageVillage[];
}

/** Farther first would bury the "no place at all" villages; nearest first with null (none) last, by name on ties. */
function byDistance(a: CoverageVillage, b: CoverageVillage): number {
  if (a.distance_m === b.distance_m) return a.name.localeCompare(b.name, 'id');
  if (a.distance_m === null) return 1;
  if (b.distance_m === null) return -1;
  return a.distance_m - b.distance_m;
}

/** Villages grouped by kecamatan (groups by name), each group sorted by distance. */
export function groupByDistrict(villages: CoverageVillage[]): DistrictGroup[] {
  const groups = new Map<string, DistrictGroup>();
  for (const v of villages) {
    const g = groups.get(v.district_code) ?? { district_code: v.district_code, district_name: v.district_name, villages: [] };
    g.villages.push(v);
    groups.set(v.district_code, g);
  }
  return [...groups.values()].sort((a, b) => a.district_name.localeCompare(b.district_name, 'id')).map((g) => ({ ...g, villages: g.villages.sort(byDistance) }));
}

function VillageItem({ v, classes, highlighted }: { v: CoverageVillage; classes: DistanceClass[]; highlighted: boolean }) {
  const { t, i18n } = useTranslation('coverage');
  const cls = classOf(v.distance_m, classes);
  return (
    <li className="coverage-village" data-code={v.code}>
      <span className={`coverage-swatch coverage-swatch--${cls ? cls.index : 'none'}`} aria-hidden="true" />
      <span className="coverage-village__name">{v.name}</span>
      <span className="coverage-village__dist">
        {v.distance_m === null ? t('list.noPlace') : formatDistance(v.distance_m, i18n.language)}
      </span>
      {highlighted && <span className="badge badge--good">{t('list.wouldReach')}</span>}
    </li>
  );
}

/**
 * The text alternative of the map: unreached villages grouped by kecamatan and sorted by distance, then the
 * reached ones in a disclosure. `highlighted` marks villages the previewed suggestion would newly reach.
 */
export function VillageList({ villages, classes, highlighted, id }: { villages: CoverageVillage[]; classes: DistanceClass[]; highlighted: Set<string>; id: string }) {
  const { t } = useTranslation('coverage');
  const unreached = groupByDistrict(villages.filter((v) => !v.covered));
  const reached = groupByDistrict(villages.filter((v) => v.covered));
  const total = villages.filter((v) => !v.covered).length;
  return (
    <section className="card stack coverage-list" id={id} aria-labelledby="coverage-unreached-title">
      <h2 id="coverage-unreached-title">{t('list.unreachedTitle', { count: total })}</h2>
      {total === 0 && <p>{t('list.allReached')}</p>}
      {unreached.map((g) => (
        <section key={g.district_code} className="coverage-group" data-district={g.district_code} aria-labelledby={`coverage-d-${g.district_code}`}>
          <h3 id={`coverage-d-${g.district_code}`}>
            {t('list.district', { name: g.district_name })} <span className="coverage-group__count">{t('villageCount', { count: g.villages.length })}</span>
          </h3>
          <ul className="coverage-villages">
            {g.villages.map((v) => <VillageItem key={v.code} v={v} classes={classes} highlighted={highlighted.has(v.code)} />)}
          </ul>
        </section>
      ))}
      {reached.length > 0 && (
        <details className="coverage-reached">
          <summary>{t('list.reachedTitle', { count: villages.length - total })}</summary>
          {reached.map((g) => (
            <section key={g.district_code} className="coverage-group" aria-label={t('list.district', { name: g.district_name })}>
              <h3>{t('list.district', { name: g.district_name })} <span className="coverage-group__count">{t('villageCount', { count: g.villages.length })}</span></h3>
              <ul className="coverage-villages">
                {g.villages.map((v) => <VillageItem key={v.code} v={v} classes={classes} highlighted={false} />)}
              </ul>
            </section>
          ))}
        </details>
      )}
    </section>
  );
}
