-- Pre-test and post-test answers: one submission per visit, participant and phase (a repeat replaces it);
-- each answer points at the question version that was shown, so a later edit never changes an old score.
CREATE TABLE quiz_submissions (
  visit_id     TEXT NOT NULL REFERENCES event_visits(visit_id),
  participant  TEXT NOT NULL,
  phase        TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
  via          TEXT NOT NULL CHECK (via IN ('phone', 'facilitator')),
  correct      INTEGER NOT NULL CHECK (correct >= 0),
  total        INTEGER NOT NULL CHECK (total >= correct),
  submitted_at TEXT NOT NULL,
  PRIMARY KEY (visit_id, participant, phase)
);
CREATE TABLE quiz_answers (
  visit_id         TEXT NOT NULL,
  participant      TEXT NOT NULL,
  phase            TEXT NOT NULL,
  question_id      TEXT NOT NULL,
  question_version INTEGER NOT NULL,
  choice           TEXT NOT NULL,
  correct          INTEGER NOT NULL CHECK (correct IN (0, 1)),
  PRIMARY KEY (visit_id, participant, phase, question_id),
  FOREIGN KEY (visit_id, participant, phase) REFERENCES quiz_submissions(visit_id, participant, phase) ON DELETE CASCADE,
  FOREIGN KEY (question_id, question_version) REFERENCES quiz_question_versions(question_id, version)
);
CREATE INDEX quiz_answers_version ON quiz_answers(question_id, question_version);
