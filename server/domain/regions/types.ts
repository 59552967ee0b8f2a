import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox, LngLat } from '../geo/types.js';

/** Administrative levels of the upstream files: provinsi, kabupaten/kota, kecamatan, desa/kelurahan. */
export type RegionLevel = 'prov' | 'kab' | 'kec' | 'kel';

/** One record of an upstream `wilayah_boundaries_*.sql` file, converted to GeoJSON order ([lng, lat]). */
export interface BoundaryRecord {
  level: RegionLevel;
  /** Kemendagri code, e.g. 51.06.01.2001. */
  code: string;
  name: string;
  /** The upstream centroid, [lng, lat]; it can fall outside a concave polygon, so never use it as a pin. */
  centroid: LngLat;
  geometry: Polygon | MultiPolygon;
  bbox: BBox;
  /** 1-based line of the record in its file. */
  line: number;
}
