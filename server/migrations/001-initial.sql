-- Zielmonitor initial schema: both strategy versions, their goals, sources,
-- lineage, the append-only status history and the reported aggregate figures.

CREATE TABLE sources (
  id        TEXT PRIMARY KEY,
  title     TEXT NOT NULL,
  url       TEXT,
  date      TEXT,            -- as precise as the source states it: YYYY, YYYY-MM or YYYY-MM-DD
  publisher TEXT,
  supports  TEXT
) STRICT;

CREATE TABLE strategy_versions (
  key                  TEXT PRIMARY KEY,
  title                TEXT NOT NULL,
  presented_on         TEXT NOT NULL,
  declared_goal_count  INTEGER NOT NULL CHECK (declared_goal_count >= 0),
  horizon_definition   TEXT,
  horizon_source_id    TEXT REFERENCES sources(id)
) STRICT;

CREATE TABLE version_sources (
  version_key TEXT NOT NULL REFERENCES strategy_versions(key),
  source_id   TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (version_key, source_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE ressorts (
  code       TEXT PRIMARY KEY,
  name       TEXT,
  valid_from TEXT,
  valid_to   TEXT
) STRICT;

CREATE TABLE ressort_sources (
  ressort_code TEXT NOT NULL REFERENCES ressorts(code),
  source_id    TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (ressort_code, source_id)
) STRICT, WITHOUT ROWID;

-- Ressorts were re-cut after the 2022 election: one Ressort may have several successors.
CREATE TABLE ressort_successions (
  from_code TEXT NOT NULL REFERENCES ressorts(code),
  to_code   TEXT NOT NULL REFERENCES ressorts(code),
  note      TEXT,
  source_id TEXT REFERENCES sources(id),
  PRIMARY KEY (from_code, to_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE goals (
  id                    TEXT PRIMARY KEY,
  version_key           TEXT NOT NULL REFERENCES strategy_versions(key),
  title                 TEXT NOT NULL,
  description           TEXT,
  lead_ressort          TEXT REFERENCES ressorts(code),   -- NULL: no source names it
  ressort_basis         TEXT,
  field_of_action       TEXT,
  field_of_action_basis TEXT,
  horizon               TEXT NOT NULL CHECK (horizon IN ('short','medium','long','unknown')),
  horizon_note          TEXT,
  due_date              TEXT,
  due_wording           TEXT,
  due_date_basis        TEXT,
  confidence_goal       TEXT NOT NULL CHECK (confidence_goal IN ('high','medium','low','unknown')),
  confidence_ressort    TEXT NOT NULL CHECK (confidence_ressort IN ('high','medium','low','unknown')),
  confidence_status     TEXT NOT NULL CHECK (confidence_status IN ('high','medium','low','unknown')),
  confidence_note       TEXT,
  origin_type           TEXT CHECK (origin_type IN ('new','derived','unknown')),
  origin_certainty      TEXT CHECK (origin_certainty IN ('documented','probable','unknown')),
  origin_basis          TEXT,
  notes                 TEXT,
  search_text           TEXT NOT NULL   -- folded title + description for case- and umlaut-insensitive search
) STRICT;
CREATE INDEX goals_version_ressort ON goals(version_key, lead_ressort);

CREATE TABLE goal_co_ressorts (
  goal_id      TEXT NOT NULL REFERENCES goals(id),
  ressort_code TEXT NOT NULL REFERENCES ressorts(code),
  PRIMARY KEY (goal_id, ressort_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE goal_sources (
  goal_id   TEXT NOT NULL REFERENCES goals(id),
  source_id TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (goal_id, source_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE lineage_links (
  id               INTEGER PRIMARY KEY,
  from_goal_id     TEXT NOT NULL REFERENCES goals(id),
  to_goal_id       TEXT NOT NULL REFERENCES goals(id),
  type             TEXT NOT NULL CHECK (type IN ('continued','sharpened','loosened','split','merged','replaced')),
  certainty        TEXT NOT NULL CHECK (certainty IN ('documented','probable')),
  basis            TEXT,
  original_wording TEXT,
  UNIQUE (from_goal_id, to_goal_id)
) STRICT;
CREATE INDEX lineage_links_to ON lineage_links(to_goal_id);

CREATE TABLE lineage_link_sources (
  link_id   INTEGER NOT NULL REFERENCES lineage_links(id),
  source_id TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (link_id, source_id)
) STRICT, WITHOUT ROWID;

-- Append-only: a correction is a new event, never an edit (see triggers below).
CREATE TABLE status_events (
  id                       INTEGER PRIMARY KEY,
  goal_id                  TEXT NOT NULL REFERENCES goals(id),
  status                   TEXT NOT NULL CHECK (status IN ('unknown','planned','in_progress','partially_achieved','achieved','missed','dropped')),
  progress                 INTEGER CHECK (progress BETWEEN 0 AND 100),
  effective_date           TEXT NOT NULL,   -- when it became true (YYYY-MM-DD)
  effective_date_precision TEXT NOT NULL DEFAULT 'day' CHECK (effective_date_precision IN ('day','month','year')),
  effective_date_wording   TEXT,
  recorded_at              TEXT NOT NULL,   -- when it was entered (ISO timestamp, UTC)
  reporter                 TEXT NOT NULL,
  track                    TEXT NOT NULL CHECK (track IN ('official','independent')),
  original_wording         TEXT,
  note                     TEXT,
  evidence_url             TEXT,
  evidence_reference       TEXT,
  source_id                TEXT REFERENCES sources(id)
) STRICT;
-- As-of lookups: the latest event of one goal and track on or before a date.
CREATE INDEX status_events_goal_track_effective ON status_events(goal_id, track, effective_date, id);
-- knownAt and "changes since" read by recorded time.
CREATE INDEX status_events_recorded ON status_events(recorded_at);

CREATE TRIGGER status_events_no_update BEFORE UPDATE ON status_events
BEGIN SELECT RAISE(ABORT, 'status_events is append-only'); END;
CREATE TRIGGER status_events_no_delete BEFORE DELETE ON status_events
BEGIN SELECT RAISE(ABORT, 'status_events is append-only'); END;

CREATE TABLE reported_figures (
  id                 TEXT PRIMARY KEY,
  version_key        TEXT NOT NULL REFERENCES strategy_versions(key),
  date               TEXT NOT NULL,
  date_precision     TEXT NOT NULL CHECK (date_precision IN ('day','month','year')),
  date_wording       TEXT,
  reporter           TEXT NOT NULL,
  reporter_kind      TEXT NOT NULL CHECK (reporter_kind IN ('government','governing_parties','opposition','press','other')),
  scope              TEXT NOT NULL,
  ressort            TEXT REFERENCES ressorts(code),
  basis              TEXT NOT NULL CHECK (basis IN ('all_goals','short_term','medium_term','long_term','other')),
  achieved           INTEGER,
  partially_achieved INTEGER,
  missed             INTEGER,
  total              INTEGER,
  rate               REAL,
  figure             TEXT NOT NULL,
  source_id          TEXT NOT NULL REFERENCES sources(id)
) STRICT;
CREATE INDEX reported_figures_version ON reported_figures(version_key, date);

CREATE TABLE reported_figure_sources (
  figure_id TEXT NOT NULL REFERENCES reported_figures(id),
  source_id TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (figure_id, source_id)
) STRICT, WITHOUT ROWID;
