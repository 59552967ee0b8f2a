import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from './db.js';
import type { LngLat } from '../domain/geo/types.js';

/** A village (desa/kelurahan) with its boundary and interior point ([lng, lat]). */
export interface Village {
  code: string;
  name: string;
  district_code: string;
  district_name: string;
  kind: 'desa' | 'kelurahan';
  postal_code: string | null;
  interior: LngLat;
  geometry: Polygon | MultiPolygon;
}

interface Row {
  code: string; name: string; district_code: string; district_name: string; kind: string;
  postal_code: string | null; interior_lng: number; interior_lat: number; geometry: string;
}

function fromRow(r: Row): Village {
  return {
    code: r.code, name: r.name, district_code: r.district_code, district_name: r.district_name,
    kind: r.kind as Village['kind'], postal_code: r.postal_code, interior: [r.interior_lng, r.interior_lat],
    geometry: JSON.parse(r.geometry),
  };
}

/** SQL for villages. Villages are seeded once and read-only afterwards, so callers may cache them. */
export class VillageStore {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      all: db.prepare<[], Row>('SELECT * FROM villages ORDER BY code'),
      insert: db.prepare(
        `INSERT INTO villages (code, name, district_code, district_name, kind, postal_code, interior_lng, interior_lat, geometry)
         VALUES (@code, @name, @district_code, @district_name, @kind, @postal_code, @interior_lng, @interior_lat, @geometry)`,
      ),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM villages'),
    };
  }

  /** All villages ordered by code. */
  all(): Village[] {
    return this.stmts.all.all().map(fromRow);
  }

  /** Inserts one village (seed only). */
  insert(v: Village): void {
    this.stmts.insert.run({
      code: v.code, name: v.name, district_code: v.district_code, district_name: v.district_name, kind: v.kind,
      postal_code: v.postal_code, interior_lng: v.interior[0], interior_lat: v.interior[1], geometry: JSON.stringify(v.geometry),
    });
  }

  /** How many villages are stored. */
  count(): number {
    return this.stmts.count.get()!.n;
  }
}
