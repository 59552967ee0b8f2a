-- Audit trail: who did what to which record, with the record before and after (JSON).
-- actor_email is copied so the trail stays readable even if the account changes later.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,                 -- ISO 8601 UTC
  actor_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,   -- NULL = the system or a CLI run
  actor_email TEXT NOT NULL,
  action      TEXT NOT NULL,                 -- create | update | retire | restore | verify | import | user_create | user_update | password_reset | report_resolve | report_dismiss
  entity      TEXT NOT NULL,                 -- point | user | report | import
  entity_id   INTEGER,
  before      TEXT,                          -- JSON, NULL for a creation
  after       TEXT                           -- JSON
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
