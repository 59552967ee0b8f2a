-- Villages (desa/kelurahan) with their boundary and interior point; seeded from data/.
CREATE TABLE villages (
  code          TEXT PRIMARY KEY,          -- Kemendagri code, e.g. 51.06.01.2001
  name          TEXT NOT NULL,
  district_code TEXT NOT NULL,
  district_name TEXT NOT NULL,
  kind          TEXT NOT NULL,             -- desa | kelurahan
  postal_code   TEXT,
  interior_lng  REAL NOT NULL,
  interior_lat  REAL NOT NULL,
  geometry      TEXT NOT NULL              -- GeoJSON Polygon/MultiPolygon, [lng, lat]
);

CREATE TABLE points (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  type           TEXT NOT NULL,
  lng            REAL NOT NULL,
  lat            REAL NOT NULL,
  village_code   TEXT,                     -- derived from the position; NULL outside every village
  address        TEXT,
  phone          TEXT,
  whatsapp       TEXT,
  services       TEXT NOT NULL DEFAULT '[]',   -- JSON array
  opening_hours  TEXT,                         -- JSON {mon:[{opens,closes}],...}; NULL = unknown
  market_days    TEXT,                         -- JSON market-day rule; NULL = not a market-day place
  opens          TEXT,                         -- 'HH:MM' WITA market window
  closes         TEXT,
  accuracy       TEXT NOT NULL DEFAULT 'approximate',
  location_note  TEXT,                         -- why the position is approximate
  verified_at    TEXT,
  status         TEXT NOT NULL DEFAULT 'active',
  source         TEXT NOT NULL,
  external_id    TEXT UNIQUE,
  notes          TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX points_status ON points(status);
CREATE INDEX points_village ON points(village_code);

-- Key/value facts for the app (e.g. seed version).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
