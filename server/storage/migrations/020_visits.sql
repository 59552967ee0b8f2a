-- Outreach visits: single visits, series on a point's market days, and per-date exceptions to series.
-- Instants are ISO 8601 UTC text; the API shows them in WITA (+08:00).
CREATE TABLE visits (
  id          INTEGER PRIMARY KEY,
  point_id    INTEGER NOT NULL REFERENCES points(id),
  title       TEXT NOT NULL,
  activities  TEXT NOT NULL,               -- JSON array of sosialisasi|pendaftaran|cetak_kartu|konsultasi|klaim
  starts_at   TEXT NOT NULL,
  ends_at     TEXT NOT NULL,
  team        TEXT,
  capacity    INTEGER,
  notes       TEXT,
  status      TEXT NOT NULL CHECK (status IN ('scheduled', 'draft', 'cancelled')),
  created_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX visits_starts ON visits(starts_at);
CREATE INDEX visits_point ON visits(point_id);

-- A series repeats a visit on the market days of its point from starts_at through `until` (WITA date).
-- `market_days` is the point's rule when the series was made, so later edits to the point do not
-- silently move published occurrences.
CREATE TABLE visit_series (
  id          INTEGER PRIMARY KEY,
  point_id    INTEGER NOT NULL REFERENCES points(id),
  title       TEXT NOT NULL,
  activities  TEXT NOT NULL,
  starts_at   TEXT NOT NULL,               -- first occurrence
  ends_at     TEXT NOT NULL,
  until       TEXT NOT NULL,               -- YYYY-MM-DD, last allowed WITA date
  market_days TEXT NOT NULL,               -- JSON market-day rule
  team        TEXT,
  capacity    INTEGER,
  notes       TEXT,
  status      TEXT NOT NULL CHECK (status IN ('scheduled', 'draft', 'cancelled')),
  created_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX visit_series_range ON visit_series(starts_at, until);
CREATE INDEX visit_series_point ON visit_series(point_id);

-- One occurrence of a series, by its original WITA date, cancelled or changed (moved, retitled …).
CREATE TABLE visit_exceptions (
  series_id   INTEGER NOT NULL REFERENCES visit_series(id) ON DELETE CASCADE,
  date        TEXT NOT NULL,               -- original occurrence date, YYYY-MM-DD
  kind        TEXT NOT NULL CHECK (kind IN ('cancelled', 'override')),
  changes     TEXT,                        -- JSON of the changed fields (override only)
  starts_at   TEXT,                        -- UTC start after the change (override only), to find moved occurrences
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (series_id, date)
);
CREATE INDEX visit_exceptions_starts ON visit_exceptions(starts_at);
