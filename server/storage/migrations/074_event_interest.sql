-- People who asked to be registered or contacted: personal data, given with consent, kept until delete_after
-- (90 days after the visit ended) or deleted at once on request. The audit trail records only ids and statuses.
CREATE TABLE event_interest (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  visit_id      TEXT NOT NULL REFERENCES event_visits(visit_id),
  participant   TEXT,                               -- the phone's participant code: a repeat (offline queue) replaces
  name          TEXT NOT NULL,
  whatsapp      TEXT NOT NULL,                      -- normalised +628…
  village_code  TEXT NOT NULL,
  programmes    TEXT NOT NULL,                      -- JSON ["JKK","JKM"]
  status        TEXT NOT NULL DEFAULT 'baru' CHECK (status IN ('baru', 'dihubungi', 'terdaftar', 'tidak_jadi')),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  delete_after  TEXT NOT NULL                       -- ISO 8601 UTC
);
CREATE UNIQUE INDEX event_interest_participant ON event_interest(visit_id, participant) WHERE participant IS NOT NULL;
CREATE INDEX event_interest_expiry ON event_interest(delete_after);
