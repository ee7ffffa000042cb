-- Horizons and deadlines: each version's own horizon definition, and legislative periods as data.

ALTER TABLE strategy_versions ADD COLUMN short_years INTEGER;   -- "kurzfristig" = within this many years
ALTER TABLE strategy_versions ADD COLUMN medium_years INTEGER;  -- "mittelfristig" = within this many years

CREATE TABLE legislative_periods (
  key       TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on   TEXT,
  note      TEXT
) STRICT;

CREATE TABLE legislative_period_sources (
  period_key TEXT NOT NULL REFERENCES legislative_periods(key),
  source_id  TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (period_key, source_id)
) STRICT, WITHOUT ROWID;
