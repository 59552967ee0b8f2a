import { IMPORT_COLUMNS, type ImportColumn, type ParsedItem, type RawRow, type RowSource } from './types.js';
import type { FieldError } from './rowBody.js';

/** Property names read from each feature; lat/lng come from the geometry, not from properties. */
const PROPERTY_COLUMNS = IMPORT_COLUMNS.filter((c) => c !== 'lat' && c !== 'lng');

/**
 * Maps one GeoJSON Feature to a row. `line` is the 0-based index in `features`. Properties use the CSV
 * column names; other properties (e.g. village_name in our own export) are ignored, because GeoJSON from
 * other tools carries many. The top-level Feature `id` is NOT used for matching (other tools number
 * features 0..n); our export repeats the point id as `properties.id` for that.
 */
export function featureToRow(feature: unknown, index: number): RawRow {
  const f = feature as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: unknown } | null;
  const errors: FieldError[] = [];
  const fields: Partial<Record<ImportColumn, unknown>> = {};
  if (!f || typeof f !== 'object' || f.type !== 'Feature') {
    return { line: index, fields, errors: [{ field: 'type', code: 'import_not_feature', params: {}, message: `features[${index}] is not a GeoJSON Feature (type must be "Feature")` }] };
  }
  const g = f.geometry;
  const coords = g && Array.isArray(g.coordinates) ? (g.coordinates as unknown[]) : null;
  if (!g || g.type !== 'Point' || !coords || coords.length < 2) {
    errors.push({ field: 'geometry', code: 'import_not_point_geometry', params: { got: g ? String(g.type).slice(0, 40) : 'none' }, message: `features[${index}] must have a Point geometry with coordinates [lng, lat] (got ${g ? String(g.type) : 'none'})` });
  } else {
    fields.lng = coords[0];
    fields.lat = coords[1];
  }
  const props = f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {};
  for (const col of PROPERTY_COLUMNS) {
    if (Object.hasOwn(props, col)) fields[col] = props[col];
  }
  return { line: index, fields, ...(errors.length ? { errors } : {}) };
}

/** A source over a parsed FeatureCollection (already in memory). */
export function geojsonSource(collection: { features: unknown[] }, sizeBytes?: number): RowSource {
  const eachSync = (visit: (item: ParsedItem) => void) => {
    collection.features.forEach((f, i) => visit({ row: featureToRow(f, i) }));
  };
  return {
    format: 'geojson',
    sizeBytes,
    eachSync,
    async *items() {
      for (let i = 0; i < collection.features.length; i++) yield { row: featureToRow(collection.features[i], i) };
    },
  };
}
