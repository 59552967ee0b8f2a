-- Event companion: the visits that had participation from phones, and who checked in.
-- A participant is a random code made on the phone (p-…); no names. event_visits keeps what the impact page
-- needs (date, venue, kecamatan) and when interest records expire, copied from the visit at the first write.
CREATE TABLE event_visits (
  visit_id      TEXT PRIMARY KEY,                   -- occurrence id: v7 or s12:2026-12-07
  visit_date    TEXT NOT NULL,                      -- WITA day, YYYY-MM-DD
  point_id      INTEGER NOT NULL REFERENCES points(id),
  district_code TEXT NOT NULL,
  ends_at       TEXT NOT NULL                       -- ISO 8601 UTC
);
CREATE INDEX event_visits_date ON event_visits(visit_date);
CREATE TABLE event_checkins (
  visit_id    TEXT NOT NULL REFERENCES event_visits(visit_id),
  participant TEXT NOT NULL,
  via         TEXT NOT NULL CHECK (via IN ('phone', 'facilitator')),
  created_at  TEXT NOT NULL,
  PRIMARY KEY (visit_id, participant)
);
