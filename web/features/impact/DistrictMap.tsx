import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker } from 'react-leaflet';
import L from 'leaflet';
import type { PathOptions } from 'leaflet';
import BaseMap from '../../map/BaseMap';
import { toLatLng } from '../../map/latLng';
import type { VillageFeature } from '../../api/types';

/** ColorBrewer Blues (sequential, colour-blind safe); districts with no registrations stay grey. */
export const DISTRICT_COLOURS = ['#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
const ZERO_COLOUR = '#e4e4e4';

/** Escapes text for Leaflet's divIcon HTML (names come from data). */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

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
 * Registrations by kecamatan on the map: every village filled with its kecamatan's class, and the count written
 * at the middle of the kecamatan (mean of its villages' interior points). The bar chart is the text alternative.
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
  const centres = useMemo(() => {
    const sums = new Map<string, { lng: number; lat: number; n: number }>();
    for (const f of villages) {
      const s = sums.get(f.properties.district_code) ?? { lng: 0, lat: 0, n: 0 };
      s.lng += f.properties.interior_lng;
      s.lat += f.properties.interior_lat;
      s.n++;
      sums.set(f.properties.district_code, s);
    }
    return sums;
  }, [villages]);
  const steps = DISTRICT_COLOURS.map((c, i) => ({ colour: c, from: Math.floor((i * max) / 4) + 1, to: Math.floor(((i + 1) * max) / 4) })).filter((s) => s.to >= s.from);
  return (
    <div className="stack impact-map" aria-describedby={describedBy}>
      <BaseMap label={t('map.label')} villageStyle={style}>
        {values.map((d) => {
          const c = centres.get(d.district_code);
          if (!c) return null;
          const text = t('map.district', { name: d.name, count: d.value });
          const icon = L.divIcon({ className: 'impact-district-label', html: `<span>${escapeHtml(d.name)}</span><strong>${d.value}</strong>`, iconSize: [110, 40], iconAnchor: [55, 20] });
          return <Marker key={d.district_code} position={toLatLng([c.lng / c.n, c.lat / c.n])} icon={icon} title={text} alt={text} keyboard={false} interactive={false} />;
        })}
      </BaseMap>
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
