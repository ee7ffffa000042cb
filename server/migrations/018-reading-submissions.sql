-- Four-eyes release for indicator readings too: a controller's reading, a correction or withdrawal
-- of a reading waits as a submission and enters indicator_readings / indicator_reading_supersessions
-- only when a second person releases it (recorded_at there is the release: "as known at" means
-- "as published"). One submissions table for both subjects, so one list, one id and one release
-- route serve both: the table is rebuilt (SQLite cannot relax a NOT NULL or change a CHECK), its
-- rows and ids kept; nothing refers to it.
CREATE TABLE submissions_v2 (
  id                  INTEGER PRIMARY KEY,
  goal_id             TEXT REFERENCES goals(id),
  indicator_id        TEXT REFERENCES indicators(id),
  kind                TEXT NOT NULL CHECK (kind IN ('report','correction','withdrawal')),
  target_event_id     INTEGER REFERENCES status_events(id),
  target_reading_id   INTEGER REFERENCES indicator_readings(id),
  payload_json        TEXT NOT NULL,
  reporter            TEXT NOT NULL,
  submitted_by        INTEGER NOT NULL REFERENCES users(id),
  submitted_at        TEXT NOT NULL,
  state               TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','released','returned')),
  decided_by          INTEGER REFERENCES users(id),
  decided_at          TEXT,
  decision_reason     TEXT,
  released_event_id   INTEGER REFERENCES status_events(id),
  released_reading_id INTEGER REFERENCES indicator_readings(id),
  -- About exactly one thing: a goal's status or an indicator's readings, with targets of that kind.
  CHECK ((goal_id IS NULL) <> (indicator_id IS NULL)),
  CHECK (goal_id IS NOT NULL OR (target_event_id IS NULL AND released_event_id IS NULL)),
  CHECK (indicator_id IS NOT NULL OR (target_reading_id IS NULL AND released_reading_id IS NULL)),
  CHECK ((kind = 'report') = (target_event_id IS NULL AND target_reading_id IS NULL)),
  CHECK ((state = 'pending') = (decided_at IS NULL))
) STRICT;
INSERT INTO submissions_v2 (id, goal_id, kind, target_event_id, payload_json, reporter, submitted_by, submitted_at,
    state, decided_by, decided_at, decision_reason, released_event_id)
  SELECT id, goal_id, kind, target_event_id, payload_json, reporter, submitted_by, submitted_at,
    state, decided_by, decided_at, decision_reason, released_event_id FROM submissions;
DROP TABLE submissions;
ALTER TABLE submissions_v2 RENAME TO submissions;

CREATE INDEX submissions_pending ON submissions(state, goal_id);
CREATE INDEX submissions_goal ON submissions(goal_id, submitted_at);
CREATE INDEX submissions_indicator ON submissions(indicator_id, state) WHERE indicator_id IS NOT NULL;
-- A decision is final: a released or returned submission never changes again.
CREATE TRIGGER submissions_decided_final BEFORE UPDATE ON submissions
WHEN OLD.state <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a decided submission never changes'); END;
-- What was submitted stays as it was submitted: a decision records itself, nothing else.
CREATE TRIGGER submissions_content_fixed BEFORE UPDATE ON submissions
WHEN NEW.goal_id IS NOT OLD.goal_id OR NEW.indicator_id IS NOT OLD.indicator_id OR NEW.kind IS NOT OLD.kind
  OR NEW.target_event_id IS NOT OLD.target_event_id OR NEW.target_reading_id IS NOT OLD.target_reading_id
  OR NEW.payload_json IS NOT OLD.payload_json OR NEW.reporter IS NOT OLD.reporter
  OR NEW.submitted_by IS NOT OLD.submitted_by OR NEW.submitted_at IS NOT OLD.submitted_at
BEGIN SELECT RAISE(ABORT, 'what was submitted never changes'); END;
CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are kept'); END;

-- Who released a reading or a supersession into the public record (NULL: entered directly — the
-- seed, the administration's CSV import, independent readings, or REVIEW_REQUIRED=false).
ALTER TABLE indicator_readings ADD COLUMN released_by_user_id INTEGER REFERENCES users(id);
ALTER TABLE indicator_reading_supersessions ADD COLUMN released_by_user_id INTEGER REFERENCES users(id);
