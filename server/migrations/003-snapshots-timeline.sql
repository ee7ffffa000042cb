-- Citable snapshots and the indexes for "what changed" windows.

CREATE TABLE snapshots (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  created_at   TEXT NOT NULL,     -- also the knownAt cut-off: what the record had been told then
  as_of        TEXT NOT NULL,     -- the date the snapshot reports for
  created_by   INTEGER NOT NULL REFERENCES users(id),
  payload_json TEXT NOT NULL,     -- the frozen figures, byte for byte what the hash covers
  content_hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots never change'); END;
CREATE TRIGGER snapshots_no_delete BEFORE DELETE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots never change'); END;

CREATE INDEX status_events_effective ON status_events(effective_date, id);
