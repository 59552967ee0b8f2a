import 'leaflet/dist/leaflet.css';
import './map.css';
import type { ReactNode } from 'react';
import { AttributionControl, GeoJSON, MapContainer, TileLayer } from 'react-leaflet';
import type { PathOptions } from 'leaflet';
import { useClientConfig, useVillages } from '../api/hooks';
import { BANGLI_BOUNDS } from './latLng';
import { FitRegions } from './FitRegions';

const BOUNDARY_STYLE: PathOptions = { color: '#5b6b63', weight: 1, fillColor: '#e8efe9', fillOpacity: 0.6 };

export interface BaseMapProps {
  /** Accessible name of the map region. */
  label: string;
  children?: ReactNode;
  /** Style each village polygon (e.g. a choropleth); default is a neutral fill. */
  villageStyle?: (code: string) => PathOptions;
  className?: string;
}

/**
 * The map every feature draws on. Village boundaries are the base layer, so the map works with no
 * tile server; raster tiles are added only when the deployment sets TILE_URL. maxZoom is explicit
 * because without a tile layer Leaflet cannot infer it (marker clustering needs it).
 */
export default function BaseMap({ label, children, villageStyle, className }: BaseMapProps) {
  const villages = useVillages();
  const config = useClientConfig();
  return (
    <div className={`map ${className ?? ''}`} role="region" aria-label={label}>
      <MapContainer bounds={BANGLI_BOUNDS} maxZoom={18} minZoom={9} scrollWheelZoom={false} attributionControl={false} className="map__leaflet">
        {/* Leaflet is credited in plain text: its default prefix is a 19 px link, too small a tap target on a phone. */}
        <AttributionControl prefix="Leaflet" />
        {config.data?.tile_url && <TileLayer url={config.data.tile_url} attribution={config.data.tile_attribution ?? ''} maxZoom={18} />}
        {villages.data && (
          <GeoJSON
            key={villageStyle ? 'styled' : 'plain'}
            data={villages.data}
            style={(f) => (villageStyle && f ? villageStyle(String(f.properties.code)) : BOUNDARY_STYLE)}
            interactive={false}
          />
        )}
        <FitRegions initial={BANGLI_BOUNDS} />
        {children}
      </MapContainer>
    </div>
  );
}
