/**
 * Imports upstream boundary files into the region_* tables: all files in one transaction (a bad file changes
 * nothing) and idempotent (rows are upserted by code, so the same files give the same tables).
 */
import { basename } from 'node:path';
import { statSync } from 'node:fs';
import type { Db } from '../../storage/db.js';
import { RegionStore } from '../../storage/regions.js';
import { fileStamp, readLines, streamLines } from '../../storage/regionFiles.js';
import { BoundaryParser } from '../../domain/regions/parseBoundaries.js';
import { interiorPoint } from '../../domain/regions/interior.js';
import { levelOfFileName } from '../../domain/regions/codes.js';
import type { BoundaryRecord, RegionLevel } from '../../domain/regions/types.js';
import type { LngLat } from '../../domain/geo/types.js';
import { InvalidInputError } from '../../domain/errors.js';

export interface RegionImportSummary {
  files: number;
  /** Records read per level. */
  records: Record<RegionLevel, number>;
}

export interface RegionImportProgress {
  file: string;
  /** Bytes read so far over all files (compressed bytes for .gz). */
  bytes: number;
  totalBytes: number;
  records: number;
}

const LEVEL_ORDER: Record<string, number> = { prov: 0, kab: 1, kec: 2, kel: 3 };

/** Files in the order parents come first (prov, kab, kec, kel), each group in name order. */
function ordered(files: string[]): string[] {
  return [...files].sort((a, b) => (LEVEL_ORDER[levelOfFileName(a) ?? 'kel'] - LEVEL_ORDER[levelOfFileName(b) ?? 'kel']) || a.localeCompare(b));
}

function emptyCounts(): Record<RegionLevel, number> {
  return { prov: 0, kab: 0, kec: 0, kel: 0 };
}

function checkConsistent(store: RegionStore): void {
  const orphans = store.finish();
  if (orphans.length) {
    throw new InvalidInputError('file', `${orphans.join(', ')} … have no parent kecamatan or kabupaten: import the wilayah_boundaries_kab_ and _kec_ files of their province too`, {
      code: 'region_parent_missing', params: { codes: orphans.join(', ') },
    });
  }
}

function write(store: RegionStore, r: BoundaryRecord, interior?: LngLat): void {
  store.upsert(r, r.level === 'kel' ? (interior ?? interiorPoint(r.geometry)) : undefined);
}

/**
 * `npm run regions -- import`: streams each file (constant memory, plain or .gz) inside one SQLite transaction.
 * The connection must not serve anything else meanwhile (the CLI owns it).
 */
export async function importRegionFiles(db: Db, files: string[], onProgress?: (p: RegionImportProgress) => void): Promise<RegionImportSummary> {
  const store = new RegionStore(db);
  const totalBytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const records = emptyCounts();
  let done = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const file of ordered(files)) {
      const name = basename(file);
      const parser = new BoundaryParser(name, levelOfFileName(name));
      let bytes = 0;
      const report = () => onProgress?.({ file: name, bytes: done + bytes, totalBytes, records: Object.values(records).reduce((a, b) => a + b, 0) });
      for await (const line of streamLines(file, (b) => (bytes = b))) {
        const r = parser.push(line);
        if (!r) continue;
        write(store, r);
        records[r.level]++;
        report();
      }
      parser.end();
      done += statSync(file).size;
      bytes = 0;
      report();
    }
    checkConsistent(store);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
  return { files: files.length, records };
}

/** Parsed records with their interior points, per file content: tests build many databases from the same files. */
const parsedCache = new Map<string, { record: BoundaryRecord; interior?: LngLat }[]>();

function parsedFile(file: string): { record: BoundaryRecord; interior?: LngLat }[] {
  const key = fileStamp(file);
  let parsed = parsedCache.get(key);
  if (!parsed) {
    const name = basename(file);
    const parser = new BoundaryParser(name, levelOfFileName(name));
    parsed = [];
    for (const line of readLines(file)) {
      const r = parser.push(line);
      if (r) parsed.push({ record: r, interior: r.level === 'kel' ? interiorPoint(r.geometry) : undefined });
    }
    parser.end();
    parsedCache.set(key, parsed);
  }
  return parsed;
}

/** The same import, synchronous and from whole files: for the start-up seed of the (small) shipped files. */
export function importRegionFilesSync(db: Db, files: string[]): RegionImportSummary {
  const store = new RegionStore(db);
  const records = emptyCounts();
  const parsed = ordered(files).map(parsedFile);
  db.transaction(() => {
    for (const file of parsed) {
      for (const { record, interior } of file) {
        write(store, record, interior);
        records[record.level]++;
      }
    }
    checkConsistent(store);
  })();
  return { files: files.length, records };
}
