-- Ministry controllers: accounts, server-side sessions, login attempts, the audit log,
-- and a revision per goal for optimistic concurrency on status updates.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin','controller')),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  disabled_at   TEXT
) STRICT;

CREATE TABLE user_ressorts (
  user_id      INTEGER NOT NULL REFERENCES users(id),
  ressort_code TEXT NOT NULL REFERENCES ressorts(code),
  PRIMARY KEY (user_id, ressort_code)
) STRICT, WITHOUT ROWID;

-- Only a hash of the session id is stored: a copy of the database opens no session.
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,     -- absolute expiry
  ip           TEXT
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_attempts (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  email      TEXT NOT NULL COLLATE NOCASE,
  ip         TEXT NOT NULL,
  succeeded  INTEGER NOT NULL CHECK (succeeded IN (0, 1))
) STRICT;
CREATE INDEX login_attempts_email ON login_attempts(email, at);
CREATE INDEX login_attempts_ip ON login_attempts(ip, at);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor_id    INTEGER REFERENCES users(id),
  actor       TEXT NOT NULL,       -- e-mail of the account, or 'cli' for the command line
  action      TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  ip          TEXT
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

ALTER TABLE goals ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
-- The goal revision each event produced, so a conflict can show what changed since.
ALTER TABLE status_events ADD COLUMN goal_revision INTEGER;
ALTER TABLE status_events ADD COLUMN reported_by_user_id INTEGER REFERENCES users(id);
