-- The quiz bank of the event companion (issue 11). A question has a stable id (q1) and numbered versions;
-- a version that has been answered is never changed (a new version is made), so past scores keep their meaning.
CREATE TABLE quiz_questions (
  id              TEXT PRIMARY KEY,                 -- q1, q2 … (stable across versions)
  current_version INTEGER NOT NULL,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position        INTEGER NOT NULL DEFAULT 0        -- display order, ascending
);
CREATE TABLE quiz_question_versions (
  question_id TEXT NOT NULL REFERENCES quiz_questions(id) ON DELETE CASCADE,
  version     INTEGER NOT NULL CHECK (version >= 1),
  text        TEXT NOT NULL,
  choices     TEXT NOT NULL,                        -- JSON [{"id":"a","text":"…"}, …, {"id":"x","text":"Tidak tahu"}]
  answer      TEXT NOT NULL,                        -- id of the right choice
  explanation TEXT NOT NULL,
  source      TEXT NOT NULL,
  created_at  TEXT NOT NULL,                        -- ISO 8601 UTC
  created_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
  PRIMARY KEY (question_id, version)
);
