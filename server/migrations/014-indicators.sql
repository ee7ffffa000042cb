-- Indicators: measured values against baseline, interim targets and target. Definitions and
-- target points are edited by admins (audited); readings are append-only like status_events, and
-- a correction or withdrawal is a separate append-only record naming the reading it supersedes.

CREATE TABLE indicators (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  measure        TEXT NOT NULL,        -- what exactly is counted, in words
  unit           TEXT NOT NULL CHECK (unit IN ('percent','count')),
  unit_singular  TEXT,                 -- counts: the thing counted ("Krankenhaus")
  unit_plural    TEXT,
  direction      TEXT NOT NULL CHECK (direction IN ('higher_is_better','lower_is_better')),
  note           TEXT,
  revision       INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

-- An indicator measures one or more goals, of either version.
CREATE TABLE indicator_goals (
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  goal_id      TEXT NOT NULL REFERENCES goals(id),
  basis        TEXT,                   -- why this indicator measures this goal
  PRIMARY KEY (indicator_id, goal_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX indicator_goals_goal ON indicator_goals(goal_id, indicator_id);

CREATE TABLE indicator_targets (
  id                 INTEGER PRIMARY KEY,
  indicator_id       TEXT NOT NULL REFERENCES indicators(id),
  kind               TEXT NOT NULL CHECK (kind IN ('baseline','interim','target')),
  value              REAL NOT NULL,
  date               TEXT NOT NULL,    -- the day it counts from (a month or year: its last day)
  date_precision     TEXT NOT NULL CHECK (date_precision IN ('day','month','year')),
  date_wording       TEXT,
  wording            TEXT,             -- the source's own words
  note               TEXT,
  source_id          TEXT REFERENCES sources(id),
  evidence_url       TEXT,
  evidence_reference TEXT
) STRICT;
CREATE INDEX indicator_targets_indicator ON indicator_targets(indicator_id, date);
CREATE UNIQUE INDEX indicator_targets_one_baseline ON indicator_targets(indicator_id) WHERE kind = 'baseline';
CREATE UNIQUE INDEX indicator_targets_one_target ON indicator_targets(indicator_id) WHERE kind = 'target';

CREATE TABLE indicator_readings (
  id                  INTEGER PRIMARY KEY,
  indicator_id        TEXT NOT NULL REFERENCES indicators(id),
  value               REAL NOT NULL,
  qualifier           TEXT NOT NULL DEFAULT 'exact' CHECK (qualifier IN ('exact','about','at_least','at_most')),
  value_wording       TEXT,            -- the source's words for the number
  date                TEXT NOT NULL,   -- the day it counts from (a month or year: its last day)
  date_precision      TEXT NOT NULL CHECK (date_precision IN ('day','month','year')),
  date_wording        TEXT,
  reporter            TEXT NOT NULL,
  track               TEXT NOT NULL CHECK (track IN ('official','independent')),
  note                TEXT,
  source_id           TEXT REFERENCES sources(id),
  evidence_url        TEXT,
  evidence_reference  TEXT,
  recorded_at         TEXT NOT NULL,   -- when it was entered (ISO instant, UTC): knownAt reads this
  reported_by_user_id INTEGER REFERENCES users(id),
  indicator_revision  INTEGER          -- the indicator revision this reading produced
) STRICT;
-- The latest reading of one indicator and track by a date, and the readings known at a moment.
CREATE INDEX indicator_readings_latest ON indicator_readings(indicator_id, track, date, id, recorded_at);
-- An indicator's readings newest first across both tracks, read in index order up to a limit.
CREATE INDEX indicator_readings_by_date ON indicator_readings(indicator_id, date, id, recorded_at);
CREATE INDEX indicator_readings_recorded ON indicator_readings(recorded_at);

CREATE TRIGGER indicator_readings_no_update BEFORE UPDATE ON indicator_readings
BEGIN SELECT RAISE(ABORT, 'indicator_readings is append-only'); END;
CREATE TRIGGER indicator_readings_no_delete BEFORE DELETE ON indicator_readings
BEGIN SELECT RAISE(ABORT, 'indicator_readings is append-only'); END;

-- A reading counts at knownAt unless a supersession recorded by then names it.
CREATE TABLE indicator_reading_supersessions (
  superseded_reading_id  INTEGER PRIMARY KEY REFERENCES indicator_readings(id),
  kind                   TEXT NOT NULL CHECK (kind IN ('correction','withdrawal')),
  replacement_reading_id INTEGER REFERENCES indicator_readings(id),
  reason                 TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  recorded_at            TEXT NOT NULL,
  user_id                INTEGER REFERENCES users(id),
  CHECK ((kind = 'correction') = (replacement_reading_id IS NOT NULL)),
  CHECK (replacement_reading_id IS NOT superseded_reading_id)
) STRICT;

CREATE TRIGGER indicator_reading_supersessions_no_update BEFORE UPDATE ON indicator_reading_supersessions
BEGIN SELECT RAISE(ABORT, 'indicator_reading_supersessions is append-only'); END;
CREATE TRIGGER indicator_reading_supersessions_no_delete BEFORE DELETE ON indicator_reading_supersessions
BEGIN SELECT RAISE(ABORT, 'indicator_reading_supersessions is append-only'); END;
