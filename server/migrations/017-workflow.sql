-- foreign_keys: off
-- (The runner applies this file with foreign keys off and checks them before it commits: the users
-- table is rebuilt, SQLite's documented way to change a CHECK constraint of a table others refer to.)

-- The ministries' reporting workflow: who is responsible for a goal today, reports that wait for a
-- second person's release, reporting rounds with deadlines.

-- Roles: reviewers release reports (Vier-Augen-Prinzip); assessors write independent assessments.
CREATE TABLE users_v2 (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin','controller','reviewer','assessor')),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  disabled_at   TEXT
) STRICT;
INSERT INTO users_v2 (id, email, name, role, password_hash, created_at, disabled_at)
  SELECT id, email, name, role, password_hash, created_at, disabled_at FROM users;
DROP TABLE users;
ALTER TABLE users_v2 RENAME TO users;

-- Responsibility follows the Ressort's successor. The strategy's Ressort (goals.lead_ressort) stays as
-- history; where a dissolved Ressort has several successors, an administration assigns each goal, with
-- the day it applies from and the basis. Append-only: a new assignment supersedes the earlier one.
CREATE TABLE goal_assignments (
  id           INTEGER PRIMARY KEY,
  goal_id      TEXT NOT NULL REFERENCES goals(id),
  ressort_code TEXT NOT NULL REFERENCES ressorts(code),
  valid_from   TEXT NOT NULL,
  basis        TEXT NOT NULL CHECK (length(trim(basis)) > 0),
  assigned_by  INTEGER REFERENCES users(id),
  assigned_at  TEXT NOT NULL
) STRICT;
CREATE INDEX goal_assignments_goal ON goal_assignments(goal_id, valid_from, id);
CREATE TRIGGER goal_assignments_no_update BEFORE UPDATE ON goal_assignments
BEGIN SELECT RAISE(ABORT, 'goal_assignments is append-only'); END;
CREATE TRIGGER goal_assignments_no_delete BEFORE DELETE ON goal_assignments
BEGIN SELECT RAISE(ABORT, 'goal_assignments is append-only'); END;

-- Four-eyes release: a government report (new, correction, withdrawal) is submitted here and enters the
-- public record (status_events, status_supersessions) only when a second person releases it; its
-- recorded_at there is the release, so "as known at" means "as published by".
CREATE TABLE submissions (
  id                INTEGER PRIMARY KEY,
  goal_id           TEXT NOT NULL REFERENCES goals(id),
  kind              TEXT NOT NULL CHECK (kind IN ('report','correction','withdrawal')),
  target_event_id   INTEGER REFERENCES status_events(id),
  payload_json      TEXT NOT NULL,
  reporter          TEXT NOT NULL,
  submitted_by      INTEGER NOT NULL REFERENCES users(id),
  submitted_at      TEXT NOT NULL,
  state             TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','released','returned')),
  decided_by        INTEGER REFERENCES users(id),
  decided_at        TEXT,
  decision_reason   TEXT,
  released_event_id INTEGER REFERENCES status_events(id),
  CHECK ((kind = 'report') = (target_event_id IS NULL)),
  CHECK ((state = 'pending') = (decided_at IS NULL))
) STRICT;
CREATE INDEX submissions_pending ON submissions(state, goal_id);
CREATE INDEX submissions_goal ON submissions(goal_id, submitted_at);
-- A decision is final: a released or returned submission never changes again.
CREATE TRIGGER submissions_decided_final BEFORE UPDATE ON submissions
WHEN OLD.state <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a decided submission never changes'); END;
CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are kept'); END;

-- Who released a report into the public record (NULL: released by being entered, as the seed history).
ALTER TABLE status_events ADD COLUMN released_by_user_id INTEGER REFERENCES users(id);
ALTER TABLE status_supersessions ADD COLUMN released_by_user_id INTEGER REFERENCES users(id);

-- Reporting rounds: before a committee session or each quarter, every goal in scope needs a released
-- report (or a released confirmation "unverändert") by the due date.
CREATE TABLE reporting_rounds (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  version_key TEXT NOT NULL REFERENCES strategy_versions(key),
  opens_on    TEXT NOT NULL,   -- reports released from this day on count for the round
  due_on      TEXT NOT NULL,
  created_by  INTEGER REFERENCES users(id),
  created_at  TEXT NOT NULL,
  closed_at   TEXT,
  closed_by   INTEGER REFERENCES users(id),
  snapshot_id TEXT REFERENCES snapshots(id),
  CHECK (opens_on <= due_on)
) STRICT;
CREATE TABLE reporting_round_ressorts (
  round_id     INTEGER NOT NULL REFERENCES reporting_rounds(id),
  ressort_code TEXT NOT NULL REFERENCES ressorts(code),
  PRIMARY KEY (round_id, ressort_code)
) STRICT, WITHOUT ROWID;
