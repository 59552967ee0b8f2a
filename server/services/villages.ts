import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { VillageStore, type Village } from '../storage/villages.js';
import { VillageLocator } from '../domain/geo/villageLocator.js';
import type { LngLat } from '../domain/geo/types.js';
import type { Db } from '../storage/db.js';
import { simplifyPolygon } from '../domain/geo/simplify.js';

/** Douglas–Peucker tolerance for ?geometry=simplified, degrees (0.0003° ≈ 33 m). */
const SIMPLIFY_TOLERANCE_DEG = 0.0003;

/** Public properties of a village feature (the API shape of GET /api/villages). */
export interface VillageProps {
  code: string;
  name: string;
  district_code: string;
  district_name: string;
  kind: string;
  postal_code: string | null;
  interior_lat: number;
  interior_lng: number;
}

function toFeature(v: Village): Feature<Polygon | MultiPolygon, VillageProps> {
  return {
    type: 'Feature',
    id: v.code,
    geometry: v.geometry,
    properties: {
      code: v.code, name: v.name, district_code: v.district_code, district_name: v.district_name, kind: v.kind,
      postal_code: v.postal_code, interior_lat: v.interior[1], interior_lng: v.interior[0],
    },
  };
}

/** Villages are read-only after seeding, so this service loads them once and answers from memory. */
export class VillageService {
  readonly list: Village[];
  private readonly byCode: Map<string, Village>;
  private readonly locator: VillageLocator;
  private readonly collection: FeatureCollection<Polygon | MultiPolygon, VillageProps>;
  private simplifiedCollection: FeatureCollection<Polygon | MultiPolygon, VillageProps> | null = null;

  constructor(db: Db) {
    this.list = new VillageStore(db).all();
    this.byCode = new Map(this.list.map((v) => [v.code, v]));
    this.locator = new VillageLocator(this.list);
    this.collection = { type: 'FeatureCollection', features: this.list.map(toFeature) };
  }

  /** All villages as a GeoJSON FeatureCollection. */
  all(): FeatureCollection<Polygon | MultiPolygon, VillageProps> {
    return this.collection;
  }

  /**
   * All villages with boundaries simplified for drawing (~33 m tolerance): about a quarter of the bytes
   * of the full file, which matters on a phone with weak signal. Computed once.
   */
  simplified(): FeatureCollection<Polygon | MultiPolygon, VillageProps> {
    this.simplifiedCollection ??= {
      type: 'FeatureCollection',
      features: this.collection.features.map((f) => ({ ...f, geometry: simplifyPolygon(f.geometry, SIMPLIFY_TOLERANCE_DEG) })),
    };
    return this.simplifiedCollection;
  }

  /** The village containing a [lng, lat] position, or undefined. */
  locate(position: LngLat): Feature<Polygon | MultiPolygon, VillageProps> | undefined {
    const code = this.locator.locate(position);
    const v = code ? this.byCode.get(code) : undefined;
    return v && toFeature(v);
  }

  /** The village code containing a position, or null (used to derive points' village_code). */
  codeAt(position: LngLat): string | null {
    return this.locator.locate(position);
  }

  /** A village by code, or undefined. */
  get(code: string): Village | undefined {
    return this.byCode.get(code);
  }
}
