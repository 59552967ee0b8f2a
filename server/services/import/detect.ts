import { openSync, readFileSync, readSync, closeSync } from 'node:fs';
import { extname } from 'node:path';
import { HttpError, ValidationError } from '../../errors.js';
import { csvFileSource, csvTextSource } from './csv.js';
import { geojsonSource } from './geojson.js';
import { overpassSource } from './overpass.js';
import type { RowSource } from './types.js';

/** Content types POST /api/import accepts (without parameters such as charset). */
export const IMPORT_CONTENT_TYPES = ['text/csv', 'application/geo+json', 'application/json'] as const;

/** Picks GeoJSON or Overpass from the shape of a parsed JSON document. */
export function jsonSource(doc: unknown, sizeBytes?: number): RowSource {
  const d = doc as { type?: unknown; features?: unknown; elements?: unknown } | null;
  if (d && typeof d === 'object') {
    if (d.type === 'FeatureCollection' && Array.isArray(d.features)) return geojsonSource(d as { features: unknown[] }, sizeBytes);
    if (d.type === 'Feature') return geojsonSource({ features: [d] }, sizeBytes);
    if (Array.isArray(d.elements)) return overpassSource(d as { elements: unknown[] }, sizeBytes);
  }
  throw new ValidationError(
    'body',
    'The JSON is neither a GeoJSON FeatureCollection ({"type":"FeatureCollection","features":[…]}) nor an Overpass answer ({"elements":[…]}).',
    { code: 'import_unknown_json' },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ValidationError('body', `The body is not valid JSON (${(err as Error).message}). Send a GeoJSON FeatureCollection or an Overpass JSON answer.`, { code: 'invalid_json' });
  }
}

/** A source for an HTTP body with its Content-Type header; 415 for types the import does not read. */
export function sourceFromBody(contentType: string | undefined, text: string): RowSource {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') return csvTextSource(text);
  if (type === 'application/geo+json' || type === 'application/json') return jsonSource(parseJson(text), Buffer.byteLength(text));
  throw new HttpError(415, `Content-Type "${type || '(none)'}" cannot be imported; send ${IMPORT_CONTENT_TYPES.join(', ')}.`, {
    field: 'content-type',
    code: 'unsupported_media_type',
    params: { allowed: [...IMPORT_CONTENT_TYPES] },
  });
}

/**
 * A source for a file: .csv streams as CSV; .json/.geojson are read as JSON (GeoJSON or Overpass by
 * shape); any other extension is sniffed (a leading "{" means JSON).
 */
export function sourceFromFile(path: string): RowSource {
  const ext = extname(path).toLowerCase();
  let isJson = ext === '.json' || ext === '.geojson';
  if (ext !== '.csv' && !isJson) {
    const fd = openSync(path, 'r');
    const head = Buffer.alloc(64);
    const n = readSync(fd, head, 0, 64, 0);
    closeSync(fd);
    isJson = head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('{');
  }
  if (!isJson) return csvFileSource(path);
  const text = readFileSync(path, 'utf8');
  return jsonSource(parseJson(text.replace(/^\uFEFF/, '')), Buffer.byteLength(text));
}
