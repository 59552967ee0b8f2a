-- What one outreach visit occurrence achieved. Counts only: never names or NIKs of workers.
-- visit_id is the occurrence id from /api/visits (a single visit's id, or `${series_id}:YYYY-MM-DD`),
-- stored as text so both kinds fit; recording again replaces the row (the audit log keeps the old one).
CREATE TABLE visit_outcomes (
  visit_id              TEXT PRIMARY KEY,
  visit_date            TEXT NOT NULL,            -- WITA calendar day of the visit, YYYY-MM-DD
  point_id              INTEGER NOT NULL REFERENCES points(id),
  district_code         TEXT NOT NULL,            -- kecamatan of the venue at recording time
  attendees             INTEGER NOT NULL CHECK (attendees >= 0),
  registrations         INTEGER NOT NULL CHECK (registrations >= 0 AND registrations <= attendees),
  cards_issued          INTEGER NOT NULL CHECK (cards_issued >= 0),
  pretest_respondents   INTEGER CHECK (pretest_respondents >= 0),
  pretest_correct_pct   REAL CHECK (pretest_correct_pct BETWEEN 0 AND 100),
  posttest_respondents  INTEGER CHECK (posttest_respondents >= 0),
  posttest_correct_pct  REAL CHECK (posttest_correct_pct BETWEEN 0 AND 100),
  feedback              TEXT,                     -- JSON {"1":n,…,"5":n}; NULL = not collected
  notes                 TEXT,
  recorded_by           INTEGER REFERENCES users(id) ON DELETE SET NULL,
  recorded_at           TEXT NOT NULL             -- ISO 8601 UTC
);
CREATE INDEX visit_outcomes_date ON visit_outcomes(visit_date);
CREATE INDEX visit_outcomes_district ON visit_outcomes(district_code, visit_date);
