-- Whether a visit or series was ever published (status 'scheduled'). A draft that is cancelled without ever
-- being published must stay planner-only, so "cancelled" alone cannot tell the public whether to show it.
-- Existing cancelled rows are taken as never published: hiding a cancelled visit costs little, leaking a draft does not.
ALTER TABLE visits ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
ALTER TABLE visit_series ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
UPDATE visits SET published = 1 WHERE status = 'scheduled';
UPDATE visit_series SET published = 1 WHERE status = 'scheduled';
