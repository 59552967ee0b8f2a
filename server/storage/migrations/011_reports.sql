-- "Info salah?" problem reports from the public. No personal data: no name, no contact, no IP address.
CREATE TABLE point_reports (
  id          INTEGER PRIMARY KEY,
  point_id    INTEGER NOT NULL REFERENCES points(id),
  reason      TEXT NOT NULL CHECK (reason IN ('closed', 'wrong_location', 'wrong_phone', 'other')),
  comment     TEXT,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
  created_at  TEXT NOT NULL,
  handled_at  TEXT,
  handled_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
  handled_note TEXT
);
CREATE INDEX point_reports_status ON point_reports(status, id);
CREATE INDEX point_reports_point ON point_reports(point_id);
