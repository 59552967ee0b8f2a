-- How each point was last checked (issue 10): {method, at, by, accuracy_m} as JSON, and until when the check counts.
ALTER TABLE points ADD COLUMN verification TEXT;
ALTER TABLE points ADD COLUMN verified_until TEXT;
-- Checks made before this migration recorded no method: they still count for 12 months from verified_at.
UPDATE points SET verified_until = strftime('%Y-%m-%dT%H:%M:%fZ', verified_at, '+12 months') WHERE verified_at IS NOT NULL;
CREATE INDEX points_verified_until ON points(verified_until);
