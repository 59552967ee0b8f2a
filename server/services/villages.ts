import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { VillageStore, type Village } from '../storage/villages.js';
import { VillageLocator } from '../domain/geo/villageLocator.js';
import type { LngLat } from '../domain/geo/types.js';
import type { Db } from '../storage/db.js';
import { simplifyPolygon } from '../domain/geo/simplify.js';
import { RegionStore, type KabupatenSummary } from '../storage/regions.js';
import { withinRegion } from '../domain/regions/codes.js';
import { ValidationError } from '../errors.js';

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
  /** The kabupaten/kota, e.g. 51.06 "Kabupaten Bangli" (added with regions; older clients ignore it). */
  regency_code: string;
  regency_name: string;
}

function toFeature(v: Village, regencyName: string): Feature<Polygon | MultiPolygon, VillageProps> {
  return {
    type: 'Feature',
    id: v.code,
    geometry: v.geometry,
    properties: {
      code: v.code, name: v.name, district_code: v.district_code, district_name: v.district_name, kind: v.kind,
      postal_code: v.postal_code, interior_lat: v.interior[1], interior_lng: v.interior[0],
      regency_code: v.code.slice(0, 5), regency_name: regencyName,
    },
  };
}

type Collection = FeatureCollection<Polygon | MultiPolygon, VillageProps>;

/**
 * The served villages: those of the kabupaten JANGKAU_REGIONS names (Bangli by default). Villages are read-only
 * after seeding, so this service loads them once and answers from memory.
 */
export class VillageService {
  readonly list: Village[];
  /** Served kabupaten/kota with bbox and counts (GET /api/regions), in code order. */
  readonly regions: KabupatenSummary[];
  private readonly byCode: Map<string, Village>;
  private readonly locator: VillageLocator;
  private readonly collection: Collection;
  private readonly featureByCode: Map<string, Collection['features'][number]>;
  private simplifiedCollection: Collection | null = null;
  private readonly filtered = new Map<string, { full: Collection; simplified: Collection | null }>();

  constructor(db: Db, kabupaten: readonly string[] = ['51.06']) {
    const served = new Set(kabupaten);
    this.list = new VillageStore(db).all().filter((v) => served.has(v.code.slice(0, 5)));
    this.regions = new RegionStore(db).summaries().filter((r) => served.has(r.code));
    const names = new Map(this.regions.map((r) => [r.code, r.name]));
    this.byCode = new Map(this.list.map((v) => [v.code, v]));
    this.locator = new VillageLocator(this.list);
    this.collection = { type: 'FeatureCollection', features: this.list.map((v) => toFeature(v, names.get(v.code.slice(0, 5)) ?? '')) };
    this.featureByCode = new Map(this.collection.features.map((f) => [f.properties.code, f]));
  }

  /** All villages as a GeoJSON FeatureCollection. */
  all(): Collection {
    return this.collection;
  }

  /** True when `region` (a province, kabupaten or kecamatan code) holds at least one served village. */
  serves(region: string): boolean {
    return this.list.some((v) => withinRegion(v.code, region));
  }

  /** Throws a 400 naming the served kabupaten unless `region` holds served villages (for ?region=). */
  requireServed(region: string): void {
    if (this.serves(region)) return;
    const served = this.regions.map((r) => r.code).join(', ');
    throw new ValidationError('region', `region ${region} is not served here; served kabupaten/kota: ${served} (see GET /api/regions)`, {
      code: 'region_not_served', params: { region, served },
    });
  }

  /** The villages of one region (province, kabupaten or kecamatan code), full or simplified; computed once per region. */
  inRegion(region: string, simplified: boolean): Collection {
    this.requireServed(region);
    let entry = this.filtered.get(region);
    if (!entry) {
      entry = { full: { type: 'FeatureCollection', features: this.collection.features.filter((f) => withinRegion(f.properties.code, region)) }, simplified: null };
      this.filtered.set(region, entry);
    }
    if (!simplified) return entry.full;
    entry.simplified ??= {
      type: 'FeatureCollection',
      features: this.simplified().features.filter((f) => withinRegion(f.properties.code, region)),
    };
    return entry.simplified;
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
    return v && this.featureByCode.get(v.code);
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
