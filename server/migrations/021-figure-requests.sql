-- foreign_keys: off
-- (The runner applies this file with foreign keys off and checks them before it commits: the table
-- correction_requests is rebuilt, SQLite's documented way to change a CHECK constraint of a table
-- others refer to. Its rows, index and triggers are kept as they were.)

-- "Fehler melden" on a figure of the overview. A figure is a record: what it counts (a measure, for
-- measure 'status' the status), for which Ressort (NULL: the whole version; 'unknown': the goals no
-- source attributes to a Ressort), the version, whose assessment (track), the counting rule, and the
-- date and knowledge its citable link pins — with the value the reader saw and the value the server
-- counted for the same basis when the request came in. Never changed, never deleted.
CREATE TABLE request_figures (
  id             INTEGER PRIMARY KEY,
  measure        TEXT NOT NULL CHECK (measure IN ('declared','documented','goals','status','rate')),
  status         TEXT CHECK (status IN ('unknown','planned','in_progress','partially_achieved','achieved','missed','dropped')),
  ressort_code   TEXT CHECK (ressort_code IS NULL OR length(ressort_code) BETWEEN 2 AND 12),
  version_key    TEXT NOT NULL REFERENCES strategy_versions(key),
  track          TEXT NOT NULL CHECK (track IN ('official','independent')),
  rule           TEXT NOT NULL CHECK (rule IN ('all_goals','due_by_date','short_term')),
  as_of          TEXT NOT NULL,
  known_at       TEXT NOT NULL,
  value_seen     REAL NOT NULL CHECK (value_seen >= 0),
  value_computed REAL NOT NULL CHECK (value_computed >= 0),
  CHECK ((measure = 'status') = (status IS NOT NULL)),
  CHECK (measure NOT IN ('declared','documented') OR ressort_code IS NULL),
  CHECK (measure <> 'rate' OR ressort_code IS NOT NULL)
) STRICT;
CREATE TRIGGER request_figures_no_update BEFORE UPDATE ON request_figures
BEGIN SELECT RAISE(ABORT, 'a reported figure never changes'); END;
CREATE TRIGGER request_figures_no_delete BEFORE DELETE ON request_figures
BEGIN SELECT RAISE(ABORT, 'a reported figure is kept'); END;

-- correction_requests as in 019, with the subject kind 'figure': a request names a goal, an
-- indicator, or (and only then) a figure.
CREATE TABLE correction_requests_v2 (
  id                  INTEGER PRIMARY KEY,
  subject_kind        TEXT NOT NULL CHECK (subject_kind IN ('goal','status_event','indicator','reading','figure')),
  goal_id             TEXT REFERENCES goals(id),
  indicator_id        TEXT REFERENCES indicators(id),
  status_event_id     INTEGER REFERENCES status_events(id),
  reading_id          INTEGER REFERENCES indicator_readings(id),
  figure_id           INTEGER UNIQUE REFERENCES request_figures(id),
  description         TEXT NOT NULL CHECK (length(trim(description)) > 0),
  evidence_url        TEXT,
  email               TEXT,
  created_at          TEXT NOT NULL,
  state               TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','accepted','declined')),
  answer              TEXT,
  answered_at         TEXT,
  answered_by         INTEGER REFERENCES users(id),
  linked_event_id     INTEGER REFERENCES status_events(id),
  linked_reading_id   INTEGER REFERENCES indicator_readings(id),
  CHECK ((subject_kind = 'figure') = (figure_id IS NOT NULL)),
  CHECK (CASE WHEN subject_kind = 'figure' THEN goal_id IS NULL AND indicator_id IS NULL
    ELSE (goal_id IS NULL) <> (indicator_id IS NULL) END),
  CHECK ((state = 'open') = (answered_at IS NULL)),
  CHECK (state <> 'declined' OR length(trim(answer)) > 0)
) STRICT;
INSERT INTO correction_requests_v2 (id, subject_kind, goal_id, indicator_id, status_event_id, reading_id,
    description, evidence_url, email, created_at, state, answer, answered_at, answered_by, linked_event_id,
    linked_reading_id)
  SELECT id, subject_kind, goal_id, indicator_id, status_event_id, reading_id, description, evidence_url, email,
    created_at, state, answer, answered_at, answered_by, linked_event_id, linked_reading_id
  FROM correction_requests;
DROP TABLE correction_requests;
ALTER TABLE correction_requests_v2 RENAME TO correction_requests;

CREATE INDEX correction_requests_state ON correction_requests(state, created_at);
-- An answer is final: only the address may still be erased (as in 019; the figure never changes either).
CREATE TRIGGER correction_requests_answer_final BEFORE UPDATE ON correction_requests
WHEN OLD.state <> 'open' AND (NEW.state IS NOT OLD.state OR NEW.answer IS NOT OLD.answer
  OR NEW.answered_at IS NOT OLD.answered_at OR NEW.linked_event_id IS NOT OLD.linked_event_id
  OR NEW.linked_reading_id IS NOT OLD.linked_reading_id OR NEW.email IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'an answered correction request never changes'); END;
CREATE TRIGGER correction_requests_figure_fixed BEFORE UPDATE OF figure_id ON correction_requests
WHEN NEW.figure_id IS NOT OLD.figure_id
BEGIN SELECT RAISE(ABORT, 'the figure of a correction request never changes'); END;
CREATE TRIGGER correction_requests_no_delete BEFORE DELETE ON correction_requests
BEGIN SELECT RAISE(ABORT, 'correction requests are kept'); END;
