-- Sliding-window counters for login throttling, per-account quotas and per-address limits.
-- They live in the database, not in memory: a restart (or a second process on the same file)
-- must not hand an attacker a fresh allowance. Rows older than the longest window are purged.
CREATE TABLE rate_limit_hits (
  id     INTEGER PRIMARY KEY,
  bucket TEXT NOT NULL,     -- which limit, e.g. 'login-account', 'status-report'
  key    TEXT NOT NULL,     -- whom it counts: an account id or e-mail, or a client address
  at     TEXT NOT NULL
) STRICT;
CREATE INDEX rate_limit_hits_window ON rate_limit_hits(bucket, key, at);
CREATE INDEX rate_limit_hits_at ON rate_limit_hits(at);

-- The purge of old login attempts and expired sessions reads by time.
CREATE INDEX login_attempts_at ON login_attempts(at);
CREATE INDEX sessions_expires ON sessions(expires_at);
