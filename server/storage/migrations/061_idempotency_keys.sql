-- Answers to creates sent with an Idempotency-Key, per user, kept 24 hours: a repeat of the same request
-- gets the first answer again instead of creating a second thing. Written in the create's own transaction.
CREATE TABLE idempotency_keys (
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key           TEXT NOT NULL,               -- 1-100 visible ASCII characters, chosen by the client
  request_hash  TEXT NOT NULL,               -- sha256 of method, path and the parsed body
  status        INTEGER NOT NULL,
  body          TEXT NOT NULL,               -- the JSON answer, replayed byte for byte
  created_at    TEXT NOT NULL,               -- ISO 8601 UTC
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
