-- Corrections and withdrawals. The history stays append-only: a correction is a new status event
-- plus a row here that names the event it supersedes and why; a withdrawal is a row here without a
-- replacement. From its recorded_at on, a superseded event counts nowhere; asked "as known at" an
-- earlier moment, the record still shows it (that is what knownAt is for).
CREATE TABLE status_supersessions (
  id                   INTEGER PRIMARY KEY,
  superseded_event_id  INTEGER NOT NULL UNIQUE REFERENCES status_events(id),
  kind                 TEXT NOT NULL CHECK (kind IN ('correction','withdrawal')),
  replacement_event_id INTEGER UNIQUE REFERENCES status_events(id),
  reason               TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  recorded_at          TEXT NOT NULL,
  reporter             TEXT NOT NULL,
  user_id              INTEGER REFERENCES users(id),
  goal_revision        INTEGER NOT NULL,   -- the goal revision this write produced (conflicts show what changed since)
  CHECK ((kind = 'correction') = (replacement_event_id IS NOT NULL))
) STRICT;
-- "Is this event superseded as known at @knownAt?": one probe per candidate event.
CREATE INDEX status_supersessions_lookup ON status_supersessions(superseded_event_id, recorded_at);
CREATE INDEX status_supersessions_recorded ON status_supersessions(recorded_at);

CREATE TRIGGER status_supersessions_no_update BEFORE UPDATE ON status_supersessions
BEGIN SELECT RAISE(ABORT, 'status_supersessions is append-only'); END;
CREATE TRIGGER status_supersessions_no_delete BEFORE DELETE ON status_supersessions
BEGIN SELECT RAISE(ABORT, 'status_supersessions is append-only'); END;

-- A correction replaces a report of the same goal and track, never one of another.
CREATE TRIGGER status_supersessions_same_goal BEFORE INSERT ON status_supersessions
WHEN NEW.replacement_event_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM status_events o JOIN status_events n ON n.id = NEW.replacement_event_id
  WHERE o.id = NEW.superseded_event_id AND o.goal_id = n.goal_id AND o.track = n.track)
BEGIN SELECT RAISE(ABORT, 'a correction must replace a report of the same goal and track'); END;

-- The month-end summary holds the record as known now: a superseded event leaves it. Supersessions
-- are rare, so the goal's months on that track are simply rebuilt (as the backfill of 006 does).
CREATE TRIGGER status_supersessions_month_ends AFTER INSERT ON status_supersessions
BEGIN
  DELETE FROM status_month_ends
  WHERE (goal_id, track) = (SELECT goal_id, track FROM status_events WHERE id = NEW.superseded_event_id);
  INSERT INTO status_month_ends (goal_id, track, month, effective_date, event_id, status, previous_status, version_key, lead_ressort)
  SELECT m.goal_id, m.track, m.month, m.effective_date, m.id, m.status,
    coalesce(lag(m.status) OVER (ORDER BY m.month), 'unknown'), g.version_key, g.lead_ressort
  FROM (
    SELECT e.goal_id, e.track, substr(e.effective_date, 1, 7) AS month, e.effective_date, e.id, e.status,
      row_number() OVER (PARTITION BY substr(e.effective_date, 1, 7) ORDER BY e.effective_date DESC, e.id DESC) AS n
    FROM status_events e
    WHERE (e.goal_id, e.track) = (SELECT goal_id, track FROM status_events WHERE id = NEW.superseded_event_id)
      AND NOT EXISTS (SELECT 1 FROM status_supersessions s WHERE s.superseded_event_id = e.id)) m
  JOIN goals g ON g.id = m.goal_id
  WHERE m.n = 1;
END;

-- Snapshots of any view, for everyone. A snapshot is content-addressed: its hash covers the view
-- (page, version, track, counting rule, filters, date) and the figures it shows, so freezing the same
-- content twice finds the first. Anonymous snapshots have no account; the address is kept only as a
-- keyed hash, for the per-address limit. The table is rebuilt because created_by becomes optional.
CREATE TABLE snapshots_v2 (
  id              TEXT PRIMARY KEY,
  title           TEXT NOT NULL,
  created_at      TEXT NOT NULL,     -- also the knownAt cut-off: what the record had been told then
  as_of           TEXT NOT NULL,     -- the date the snapshot reports for
  created_by      INTEGER REFERENCES users(id),
  created_ip_hash TEXT,
  view_json       TEXT,              -- the view it was taken from; NULL for snapshots made before views
  payload_json    TEXT NOT NULL,     -- the frozen figures, byte for byte what the hash covers
  content_hash    TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO snapshots_v2 (id, title, created_at, as_of, created_by, payload_json, content_hash)
  SELECT id, title, created_at, as_of, created_by, payload_json, content_hash FROM snapshots;
DROP TABLE snapshots;
ALTER TABLE snapshots_v2 RENAME TO snapshots;
CREATE INDEX snapshots_ip_created ON snapshots(created_ip_hash, created_at) WHERE created_ip_hash IS NOT NULL;
CREATE INDEX snapshots_created ON snapshots(created_at);

CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots never change'); END;
CREATE TRIGGER snapshots_no_delete BEFORE DELETE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots never change'); END;

-- Due dates as precise as their source: "bis 2022" is a year, not the 31 December.
ALTER TABLE goals ADD COLUMN due_date_precision TEXT NOT NULL DEFAULT 'day'
  CHECK (due_date_precision IN ('day','month','year'));

-- Secrets the server generates itself, once: the key that turns a client address into a keyed hash
-- (anonymous snapshots are limited per address without storing the address).
CREATE TABLE app_secrets (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO app_secrets (name, value) VALUES ('address_hash_key', lower(hex(randomblob(32))));
