/**
 * A streaming parser for the upstream boundary files of cahyadsn/wilayah_boundaries
 * (`wilayah_boundaries_{prov,kab,kec,kel}_*.sql`): MySQL `INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path)
 * VALUES` statements with one record per line. Feed it lines one at a time; it keeps only the current record,
 * so a 350 MB national set parses in constant memory. Pure: the caller reads the file.
 *
 * Upstream `path` is [lat, lng] (not GeoJSON order): a 3-deep array is one polygon (outer ring, then holes),
 * a 4-deep array a multipolygon. Records come out in GeoJSON order.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { InvalidInputError } from '../errors.js';
import type { BBox } from '../geo/types.js';
import { levelOfCode } from './codes.js';
import type { BoundaryRecord, RegionLevel } from './types.js';

const INSERT_HEADER = /^INSERT INTO\s+`?wilayah_boundaries`?\s*\(\s*kode\s*,\s*nama\s*,\s*lat\s*,\s*lng\s*,\s*path\s*\)\s*VALUES\s*$/i;
const DELETE_LINE = /^DELETE FROM\s+`?wilayah_boundaries`?\s/i;
/** One record: ('code','name',lat,lng,'path') then `,` (more follow) or `;` (statement ends). */
const RECORD = /^\('((?:[^'\\]|\\.|'')*)','((?:[^'\\]|\\.|'')*)',(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?),(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?),'([^']*)'\)\s*([,;])$/;

/** A problem in an upstream file: the message names the file and the 1-based line. */
export class BoundaryFileError extends InvalidInputError {
  constructor(readonly file: string, readonly line: number, problem: string) {
    super('file', `${file}:${line}: ${problem}`, { code: 'region_file_invalid', params: { file, line, problem } });
    this.name = 'BoundaryFileError';
  }
}

function unquote(s: string): string {
  return s.replace(/''/g, "'").replace(/\\(.)/g, '$1');
}

function depth(x: unknown): number {
  let d = 0;
  while (Array.isArray(x)) {
    d++;
    x = x[0];
  }
  return d;
}

/** Parses the record-level state of one file. `push` each line, then `end()`. */
export class BoundaryParser {
  private lineNo = 0;
  /** Inside an INSERT … VALUES list, waiting for records. */
  private inValues = false;
  private inComment = false;
  private records = 0;
  private level: RegionLevel | null;

  /** `file` names the file in errors; `expectedLevel` (from the file name) is checked against every code. */
  constructor(private readonly file: string, expectedLevel: RegionLevel | null = null) {
    this.level = expectedLevel;
  }

  /** Consumes the next line; returns the record it completes, if any. Throws BoundaryFileError. */
  push(rawLine: string): BoundaryRecord | null {
    this.lineNo++;
    const line = rawLine.trim();
    if (this.inComment) {
      if (line.includes('*/')) this.inComment = false;
      return null;
    }
    if (line === '') return null;
    if (line.startsWith('/*')) {
      if (!line.includes('*/')) this.inComment = true;
      return null;
    }
    if (line.startsWith('--')) return null;
    if (this.inValues) return this.record(line);
    if (INSERT_HEADER.test(line)) {
      this.inValues = true;
      return null;
    }
    if (DELETE_LINE.test(line)) return null;
    throw this.error(`not a wilayah_boundaries file: expected INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES, got "${line.slice(0, 60)}"`);
  }

  /** Call after the last line: a file cut off inside a VALUES list, or without records, is an error. */
  end(): { records: number; level: RegionLevel } {
    if (this.inComment) throw this.error('truncated: the file ends inside a comment');
    if (this.inValues) throw this.error('truncated: the file ends inside an INSERT statement (the last record ends with "," instead of ";")');
    if (this.records === 0 || !this.level) throw this.error('no records: the file holds no INSERT INTO wilayah_boundaries rows');
    return { records: this.records, level: this.level };
  }

  private error(problem: string): BoundaryFileError {
    return new BoundaryFileError(this.file, this.lineNo, problem);
  }

  private record(line: string): BoundaryRecord {
    const m = RECORD.exec(line);
    if (!m) {
      const truncated = line.startsWith("('") && !/\)\s*[,;]$/.test(line);
      throw this.error(
        truncated
          ? `truncated record: the line does not end with "),", or ");" (${line.length} characters)`
          : `wrong format: expected ('code','name',lat,lng,'[[[lat,lng],…]]'), got "${line.slice(0, 60)}"`,
      );
    }
    const [, rawCode, rawName, latS, lngS, pathS, end] = m;
    const code = unquote(rawCode);
    const level = levelOfCode(code);
    if (!level) throw this.error(`wrong format: "${code}" is not a Kemendagri code like 51, 51.06, 51.06.01 or 51.06.01.2001`);
    if (this.level && level !== this.level) throw this.error(`wrong level: code ${code} is a ${level} code in a ${this.level} file`);
    this.level = level;
    const lat = Number(latS);
    const lng = Number(lngS);
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw this.error(`centroid out of range: lat ${lat}, lng ${lng}`);
    const geometry = this.geometry(pathS, code);
    if (end === ';') this.inValues = false;
    this.records++;
    return { level, code, name: unquote(rawName), centroid: [lng, lat], geometry, bbox: bboxOf(geometry), line: this.lineNo };
  }

  private geometry(path: string, code: string): Polygon | MultiPolygon {
    let raw: unknown;
    try {
      raw = JSON.parse(path);
    } catch {
      throw this.error(`wrong format: the path of ${code} is not a JSON array of [lat, lng] rings`);
    }
    const d = depth(raw);
    if (d !== 3 && d !== 4) throw this.error(`wrong format: the path of ${code} is nested ${d} deep; expected 3 (polygon) or 4 (multipolygon)`);
    const polygons = (d === 3 ? [raw] : raw) as unknown[][];
    if (polygons.length === 0) throw this.error(`wrong format: the path of ${code} has no polygon`);
    const coords = polygons.map((p, pi) => {
      if (!Array.isArray(p) || p.length === 0) throw this.error(`wrong format: polygon ${pi + 1} of ${code} has no ring`);
      return p.map((ring, ri) => this.ring(ring, code, pi, ri));
    });
    return d === 3 ? { type: 'Polygon', coordinates: coords[0] } : { type: 'MultiPolygon', coordinates: coords };
  }

  /** One upstream ring of [lat, lng] pairs → a closed GeoJSON ring of [lng, lat]. */
  private ring(ring: unknown, code: string, pi: number, ri: number): Position[] {
    const where = `ring ${ri + 1} of polygon ${pi + 1} of ${code}`;
    if (!Array.isArray(ring)) throw this.error(`wrong format: ${where} is not an array`);
    if (ring.length < 4) throw this.error(`${where} has ${ring.length} positions; a ring needs at least 4 (3 corners and the first repeated)`);
    const out: Position[] = [];
    for (const p of ring) {
      if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 90 || Math.abs(p[1]) > 180) {
        throw this.error(`wrong format: ${where} has a position that is not [lat, lng]: ${JSON.stringify(p).slice(0, 40)}`);
      }
      out.push([p[1], p[0]]);
    }
    const a = out[0];
    const b = out[out.length - 1];
    if (a[0] !== b[0] || a[1] !== b[1]) throw this.error(`${where} is not closed: its last position differs from its first`);
    return out;
  }
}

/** Bounding box of a polygon or multipolygon, [minLng, minLat, maxLng, maxLat]. */
export function bboxOf(geometry: Polygon | MultiPolygon): BBox {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

/** Parses a whole file given as lines (sync); yields records one at a time. */
export function* parseBoundaryLines(lines: Iterable<string>, file: string, expectedLevel: RegionLevel | null = null): Generator<BoundaryRecord> {
  const parser = new BoundaryParser(file, expectedLevel);
  for (const line of lines) {
    const r = parser.push(line);
    if (r) yield r;
  }
  parser.end();
}
