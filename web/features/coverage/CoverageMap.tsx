import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker } from 'react-leaflet';
import L from 'leaflet';
import BaseMap from '../../map/BaseMap';
import { FitBox } from '../../map/FitBox';
import { toLatLng } from '../../map/latLng';
import { classOf, villagePathStyle, type DistanceClass } from './classes';
import type { CoverageVillage, SuggestedSite } from './types';

/** Numbered venue markers styled by CSS classes only (the strict CSP forbids inline styles in marker HTML). */
function siteIcon(rank: number): L.DivIcon {
  return L.divIcon({ className: 'coverage-site', html: `<span aria-hidden="true">${rank}</span>`, iconSize: [44, 44], iconAnchor: [22, 22] });
}

export interface CoverageMapProps {
  villages: CoverageVillage[];
  classes: DistanceClass[];
  /** Previewed venues (numbered as in the list) and the villages they would newly reach (outlined). */
  sites: SuggestedSite[];
  describedBy: string;
  /** The chosen kabupaten's box (the map zooms to it), or null for all served regions (`allBox`). */
  focus?: readonly [number, number, number, number] | null;
  allBox?: readonly [number, number, number, number] | null;
}

/**
 * The choropleth: each village filled by the distance class of its nearest registration opportunity, and the
 * previewed venues as numbered markers. The list below the map (describedBy) is its text alternative.
 */
export function CoverageMap({ villages, classes, sites, describedBy, focus = null, allBox = null }: CoverageMapProps) {
  const { t } = useTranslation('coverage');
  const byCode = useMemo(() => new Map(villages.map((v) => [v.code, v])), [villages]);
  const highlighted = useMemo(() => new Set(sites.flatMap((s) => s.newly_covered)), [sites]);
  const style = useCallback(
    (code: string) => {
      const v = byCode.get(code);
      return villagePathStyle(v ? classOf(v.distance_m, classes) : null, highlighted.has(code));
    },
    [byCode, classes, highlighted],
  );
  return (
    <div className="coverage-map" aria-describedby={describedBy}>
      <BaseMap label={t('map.label')} villageStyle={style}>
        <FitBox box={focus} fallback={allBox} />
        {sites.map((s, i) => {
          const name = t('map.site', { rank: i + 1, name: s.name, count: s.newly_covered.length });
          return <Marker key={s.point_id} position={toLatLng(s.position)} icon={siteIcon(i + 1)} title={name} alt={name} keyboard={false} />;
        })}
      </BaseMap>
    </div>
  );
}
