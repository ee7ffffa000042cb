-- One row that /api/health and the start-up check write to prove the database can be written:
-- a read-only file, mount or a full disk shows up as "not ready" instead of as failing logins.
CREATE TABLE health_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at TEXT NOT NULL
) STRICT;
