import type { Db } from './db.js';
import type { BBox, LngLat } from '../domain/geo/types.js';
import type { BoundaryRecord } from '../domain/regions/types.js';
import { parentCode, villageKind } from '../domain/regions/codes.js';

/** One kabupaten/kota with its counts, as GET /api/regions lists it. */
export interface KabupatenSummary {
  code: string;
  name: string;
  province_code: string;
  bbox: BBox;
  districts: number;
  villages: number;
}

/** A village as imported (not yet served): the served table is `villages` (storage/villages.ts). */
export interface RegionVillage {
  code: string;
  name: string;
  kind: 'desa' | 'kelurahan';
  kecamatan_code: string;
  kecamatan_name: string;
  kabupaten_code: string;
  kabupaten_name: string;
  interior: LngLat;
  geometry: string;
}

const BOX = 'min_lng, min_lat, max_lng, max_lat';
const BOX_VALUES = '@min_lng, @min_lat, @max_lng, @max_lat';
const BOX_SET = 'min_lng = excluded.min_lng, min_lat = excluded.min_lat, max_lng = excluded.max_lng, max_lat = excluded.max_lat';

function box(b: BBox) {
  return { min_lng: b[0], min_lat: b[1], max_lng: b[2], max_lat: b[3] };
}

/** SQL for the region_* tables. Writes are upserts keyed by code, so importing the same file twice changes nothing. */
export class RegionStore {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      province: db.prepare(
        `INSERT INTO region_provinces (code, name, ${BOX}) VALUES (@code, @name, ${BOX_VALUES})
         ON CONFLICT(code) DO UPDATE SET name = excluded.name, ${BOX_SET}`,
      ),
      kabupaten: db.prepare(
        `INSERT INTO region_kabupaten (code, province_code, name, centroid_lng, centroid_lat, geometry, ${BOX})
         VALUES (@code, @parent, @name, @centroid_lng, @centroid_lat, @geometry, ${BOX_VALUES})
         ON CONFLICT(code) DO UPDATE SET province_code = excluded.province_code, name = excluded.name, centroid_lng = excluded.centroid_lng,
           centroid_lat = excluded.centroid_lat, geometry = excluded.geometry, ${BOX_SET}`,
      ),
      kecamatan: db.prepare(
        `INSERT INTO region_kecamatan (code, kabupaten_code, name, centroid_lng, centroid_lat, geometry, ${BOX})
         VALUES (@code, @parent, @name, @centroid_lng, @centroid_lat, @geometry, ${BOX_VALUES})
         ON CONFLICT(code) DO UPDATE SET kabupaten_code = excluded.kabupaten_code, name = excluded.name, centroid_lng = excluded.centroid_lng,
           centroid_lat = excluded.centroid_lat, geometry = excluded.geometry, ${BOX_SET}`,
      ),
      village: db.prepare(
        `INSERT INTO region_villages (code, kecamatan_code, kabupaten_code, name, kind, centroid_lng, centroid_lat, interior_lng, interior_lat, geometry, ${BOX})
         VALUES (@code, @parent, @kabupaten, @name, @kind, @centroid_lng, @centroid_lat, @interior_lng, @interior_lat, @geometry, ${BOX_VALUES})
         ON CONFLICT(code) DO UPDATE SET kecamatan_code = excluded.kecamatan_code, kabupaten_code = excluded.kabupaten_code, name = excluded.name,
           kind = excluded.kind, centroid_lng = excluded.centroid_lng, centroid_lat = excluded.centroid_lat, interior_lng = excluded.interior_lng,
           interior_lat = excluded.interior_lat, geometry = excluded.geometry, ${BOX_SET}`,
      ),
      // A province named by no provinsi file keeps a NULL name; its box is the union of its kabupaten.
      provinceBoxes: db.prepare(
        `INSERT INTO region_provinces (code, name, ${BOX})
         SELECT province_code, NULL, min(min_lng), min(min_lat), max(max_lng), max(max_lat) FROM region_kabupaten GROUP BY province_code
         ON CONFLICT(code) DO UPDATE SET ${BOX_SET}`,
      ),
      orphanVillages: db.prepare<[], { code: string }>(
        `SELECT v.code FROM region_villages v LEFT JOIN region_kecamatan k ON k.code = v.kecamatan_code
         LEFT JOIN region_kabupaten b ON b.code = v.kabupaten_code WHERE k.code IS NULL OR b.code IS NULL ORDER BY v.code LIMIT 5`,
      ),
      orphanKecamatan: db.prepare<[], { code: string }>(
        `SELECT k.code FROM region_kecamatan k LEFT JOIN region_kabupaten b ON b.code = k.kabupaten_code WHERE b.code IS NULL ORDER BY k.code LIMIT 5`,
      ),
      villageCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM region_villages WHERE kabupaten_code = ?'),
      kabupatenIn: db.prepare<[string], { code: string }>('SELECT code FROM region_kabupaten WHERE province_code = ? ORDER BY code'),
      summaries: db.prepare<[], KabupatenSummary & { min_lng: number; min_lat: number; max_lng: number; max_lat: number }>(
        `SELECT b.code, b.name, b.province_code, ${BOX},
           (SELECT count(*) FROM region_kecamatan k WHERE k.kabupaten_code = b.code) AS districts,
           (SELECT count(*) FROM region_villages v WHERE v.kabupaten_code = b.code) AS villages
         FROM region_kabupaten b ORDER BY b.code`,
      ),
      villagesOf: db.prepare<[string], Omit<RegionVillage, 'interior'> & { interior_lng: number; interior_lat: number }>(
        `SELECT v.code, v.name, v.kind, v.kecamatan_code, k.name AS kecamatan_name, v.kabupaten_code, b.name AS kabupaten_name,
           v.interior_lng, v.interior_lat, v.geometry
         FROM region_villages v JOIN region_kecamatan k ON k.code = v.kecamatan_code JOIN region_kabupaten b ON b.code = v.kabupaten_code
         WHERE v.kabupaten_code = ? ORDER BY v.code`,
      ),
    };
  }

  /** Writes one parsed record (an upsert). `interior` is required for villages. */
  upsert(r: BoundaryRecord, interior?: LngLat): void {
    const row = {
      code: r.code, name: r.name, parent: parentCode(r.code), centroid_lng: r.centroid[0], centroid_lat: r.centroid[1],
      geometry: JSON.stringify(r.geometry), ...box(r.bbox),
    };
    if (r.level === 'prov') this.stmts.province.run({ code: r.code, name: r.name, ...box(r.bbox) });
    else if (r.level === 'kab') this.stmts.kabupaten.run(row);
    else if (r.level === 'kec') this.stmts.kecamatan.run(row);
    else {
      if (!interior) throw new Error(`village ${r.code} needs an interior point`);
      this.stmts.village.run({ ...row, kabupaten: r.code.slice(0, 5), kind: villageKind(r.code), interior_lng: interior[0], interior_lat: interior[1] });
    }
  }

  /** After writing: fills province boxes and returns codes whose parent is missing (empty = consistent). */
  finish(): string[] {
    this.stmts.provinceBoxes.run();
    return [...this.stmts.orphanKecamatan.all(), ...this.stmts.orphanVillages.all()].map((r) => r.code);
  }

  /** How many villages of a kabupaten are imported. */
  villageCount(kabupatenCode: string): number {
    return this.stmts.villageCount.get(kabupatenCode)!.n;
  }

  /** Kabupaten codes of a province that are imported. */
  kabupatenIn(provinceCode: string): string[] {
    return this.stmts.kabupatenIn.all(provinceCode).map((r) => r.code);
  }

  /** Every imported kabupaten with its bbox and counts. */
  summaries(): KabupatenSummary[] {
    return this.stmts.summaries.all().map((r) => ({
      code: r.code, name: r.name, province_code: r.province_code, bbox: [r.min_lng, r.min_lat, r.max_lng, r.max_lat],
      districts: r.districts, villages: r.villages,
    }));
  }

  /** The imported villages of one kabupaten with their kecamatan and kabupaten names. */
  villagesOf(kabupatenCode: string): RegionVillage[] {
    return this.stmts.villagesOf.all(kabupatenCode).map(({ interior_lng, interior_lat, ...r }) => ({ ...r, interior: [interior_lng, interior_lat] }));
  }

  /** Every row of the four tables in code order, for comparing imports (tests) and checking idempotency. */
  dump(): Record<string, unknown[]> {
    const out: Record<string, unknown[]> = {};
    for (const t of ['region_provinces', 'region_kabupaten', 'region_kecamatan', 'region_villages']) {
      out[t] = this.db.prepare(`SELECT * FROM ${t} ORDER BY code`).all();
    }
    return out;
  }
}
