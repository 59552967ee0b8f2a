-- Public views of a point per WITA day (GET /api/points/{id} and the top nearest results), for the staff
-- re-check queue: busy approximate points first. A bare count: no IP, no session, nothing personal.
CREATE TABLE point_views (
  point_id INTEGER NOT NULL,
  day      TEXT NOT NULL,              -- YYYY-MM-DD (WITA)
  views    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (point_id, day)
);
