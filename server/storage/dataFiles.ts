import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** Properties of a village feature in data/bangli_villages_boundaries.geojson. */
export interface VillageFileProps {
  code: string;
  name: string;
  district_code: string;
  district_name: string;
  type: 'desa' | 'kelurahan';
  postal_code: string | null;
  interior_lat: number;
  interior_lng: number;
}

/** Reads and parses one JSON file from the data directory. */
export function readDataJson<T>(dataDir: string, file: string): T {
  return JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as T;
}

/** The 72 village boundaries shipped in data/. */
export function readVillageFile(dataDir: string): FeatureCollection<Polygon | MultiPolygon, VillageFileProps> {
  return readDataJson(dataDir, 'bangli_villages_boundaries.geojson');
}
