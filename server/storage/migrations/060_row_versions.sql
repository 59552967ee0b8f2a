-- Row versions for optimistic concurrency (ETag / If-Match). Every UPDATE of a row bumps its version,
-- whatever code wrote it (triggers, so imports and other writers cannot forget). updated_at cannot serve:
-- two edits in the same millisecond (or under a fixed test clock) would share it.
ALTER TABLE points ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE visits ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE visit_series ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE visit_exceptions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE visit_outcomes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TRIGGER points_version AFTER UPDATE ON points FOR EACH ROW WHEN NEW.version = OLD.version
BEGIN UPDATE points SET version = OLD.version + 1 WHERE id = OLD.id; END;

CREATE TRIGGER visits_version AFTER UPDATE ON visits FOR EACH ROW WHEN NEW.version = OLD.version
BEGIN UPDATE visits SET version = OLD.version + 1 WHERE id = OLD.id; END;

CREATE TRIGGER visit_series_version AFTER UPDATE ON visit_series FOR EACH ROW WHEN NEW.version = OLD.version
BEGIN UPDATE visit_series SET version = OLD.version + 1 WHERE id = OLD.id; END;

CREATE TRIGGER visit_exceptions_version AFTER UPDATE ON visit_exceptions FOR EACH ROW WHEN NEW.version = OLD.version
BEGIN UPDATE visit_exceptions SET version = OLD.version + 1 WHERE series_id = OLD.series_id AND date = OLD.date; END;

-- A removed exception would restart at version 1 when written again, so an old ETag could match anew:
-- removing one moves its series' version instead (an occurrence's ETag holds both versions).
CREATE TRIGGER visit_exceptions_removed AFTER DELETE ON visit_exceptions FOR EACH ROW
BEGIN UPDATE visit_series SET version = version + 1 WHERE id = OLD.series_id; END;

CREATE TRIGGER visit_outcomes_version AFTER UPDATE ON visit_outcomes FOR EACH ROW WHEN NEW.version = OLD.version
BEGIN UPDATE visit_outcomes SET version = OLD.version + 1 WHERE visit_id = OLD.visit_id; END;
