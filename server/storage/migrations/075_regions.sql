-- Administrative regions imported from the upstream boundary files (cahyadsn/wilayah_boundaries) by
-- `npm run regions -- import` or on first start for JANGKAU_REGIONS. Geometry is GeoJSON [lng, lat];
-- bbox columns are [min_lng, min_lat, max_lng, max_lat] in degrees. Rows are keyed by Kemendagri code, so a
-- re-import of the same files rewrites identical rows (idempotent) and another province adds rows.
CREATE TABLE region_provinces (
  code     TEXT PRIMARY KEY,            -- e.g. 51
  name     TEXT,                        -- NULL until a provinsi file names it (kabupaten files don't)
  min_lng  REAL NOT NULL, min_lat REAL NOT NULL, max_lng REAL NOT NULL, max_lat REAL NOT NULL
);

CREATE TABLE region_kabupaten (
  code          TEXT PRIMARY KEY,       -- e.g. 51.06
  province_code TEXT NOT NULL,
  name          TEXT NOT NULL,          -- e.g. Kabupaten Bangli, Kota Denpasar
  centroid_lng  REAL NOT NULL, centroid_lat REAL NOT NULL,   -- upstream centroid: may lie outside the polygon
  geometry      TEXT NOT NULL,
  min_lng REAL NOT NULL, min_lat REAL NOT NULL, max_lng REAL NOT NULL, max_lat REAL NOT NULL
);
CREATE INDEX region_kabupaten_province ON region_kabupaten(province_code);

CREATE TABLE region_kecamatan (
  code           TEXT PRIMARY KEY,      -- e.g. 51.06.01
  kabupaten_code TEXT NOT NULL,
  name           TEXT NOT NULL,
  centroid_lng   REAL NOT NULL, centroid_lat REAL NOT NULL,
  geometry       TEXT NOT NULL,
  min_lng REAL NOT NULL, min_lat REAL NOT NULL, max_lng REAL NOT NULL, max_lat REAL NOT NULL
);
CREATE INDEX region_kecamatan_kabupaten ON region_kecamatan(kabupaten_code);

CREATE TABLE region_villages (
  code           TEXT PRIMARY KEY,      -- e.g. 51.06.01.2001
  kecamatan_code TEXT NOT NULL,
  kabupaten_code TEXT NOT NULL,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL,         -- desa | kelurahan (from the code: 1xxx kelurahan, 2xxx desa)
  centroid_lng   REAL NOT NULL, centroid_lat REAL NOT NULL,
  interior_lng   REAL NOT NULL, interior_lat REAL NOT NULL,  -- inside the polygon (server/domain/regions/interior.ts)
  geometry       TEXT NOT NULL,
  min_lng REAL NOT NULL, min_lat REAL NOT NULL, max_lng REAL NOT NULL, max_lat REAL NOT NULL
);
CREATE INDEX region_villages_kabupaten ON region_villages(kabupaten_code);
