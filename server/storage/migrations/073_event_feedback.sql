-- Feedback from event participants: a score 1–5 and an optional comment (checked for NIK-like numbers before it
-- is stored); one per visit and participant, a repeat replaces it.
CREATE TABLE event_feedback (
  visit_id    TEXT NOT NULL REFERENCES event_visits(visit_id),
  participant TEXT NOT NULL,
  score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment     TEXT,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (visit_id, participant)
);
