import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathOptions } from 'leaflet';
import BaseMap from '../../map/BaseMap';
import type { VillageFeature } from '../../api/types';

/** ColorBrewer Blues (sequential, colour-blind safe); districts with no registrations stay grey. */
export const DISTRICT_COLOURS = ['#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
const ZERO_COLOUR = '#e4e4e4';

/** The class (0..3) of a count on a scale up to `max`, or null for zero. */
export function countClass(value: number, max: number): number | null {
  if (value <= 0 || max <= 0) return null;
  return Math.min(3, Math.ceil((value / max) * 4) - 1);
}

export interface DistrictValue {
  district_code: string;
  name: string;
  value: number;
}

/**
 * Registrations by kecamatan on the map: every village filled with its kecamatan's class. Names and counts are
 * left to the bar chart next to it (its table is the map's text alternative): the southern kecamatan are too
 * small at this zoom for labels that do not overlap.
 */
export function DistrictMap({ villages, values, describedBy }: { villages: VillageFeature[]; values: DistrictValue[]; describedBy: string }) {
  const { t } = useTranslation('impact');
  const max = Math.max(0, ...values.map((v) => v.value));
  const byDistrict = useMemo(() => new Map(values.map((v) => [v.district_code, v])), [values]);
  const districtOf = useMemo(() => new Map(villages.map((f) => [f.properties.code, f.properties.district_code])), [villages]);
  const style = useCallback(
    (code: string): PathOptions => {
      const d = byDistrict.get(districtOf.get(code) ?? '');
      const cls = d ? countClass(d.value, max) : null;
      return { fillColor: cls === null ? ZERO_COLOUR : DISTRICT_COLOURS[cls], fillOpacity: 0.9, color: '#ffffff', weight: 0.8 };
    },
    [byDistrict, districtOf, max],
  );
  const steps = DISTRICT_COLOURS.map((c, i) => ({ colour: c, from: Math.floor((i * max) / 4) + 1, to: Math.floor(((i + 1) * max) / 4) })).filter((s) => s.to >= s.from);
  return (
    <div className="stack impact-map" aria-describedby={describedBy}>
      <BaseMap label={t('map.label')} villageStyle={style} />
      <ul className="impact-map__legend" aria-label={t('map.legend')}>
        <li><svg width="20" height="14" aria-hidden="true" focusable="false"><rect width="20" height="14" rx="3" fill={ZERO_COLOUR} stroke="#888" /></svg>{t('map.zero')}</li>
        {steps.map((s) => (
          <li key={s.colour}>
            <svg width="20" height="14" aria-hidden="true" focusable="false"><rect width="20" height="14" rx="3" fill={s.colour} stroke="#888" /></svg>
            {s.from === s.to ? String(s.from) : `${s.from}–${s.to}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
