-- Accounts an administration runs in the browser: invitations and password links sent by mail,
-- second factors (TOTP, passkeys, recovery codes), and sessions a person can see and end.

-- Every session ends with this migration: from now on a login passes the second-factor step, and
-- a session carries the stage it has reached. (Nothing refers to sessions; it is rebuilt empty.)
DROP TABLE sessions;
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,          -- SHA-256 of the cookie value; the value itself is never stored
  public_id    TEXT NOT NULL UNIQUE,      -- names the session in "my sessions"; opens nothing
  user_id      INTEGER NOT NULL REFERENCES users(id),
  -- signed-in: full access; second-factor: password checked, a second factor is asked for;
  -- enrol: password checked, the account must set up its first second factor before anything else.
  stage        TEXT NOT NULL CHECK (stage IN ('signed-in', 'second-factor', 'enrol')),
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,             -- absolute expiry
  ip           TEXT,
  user_agent   TEXT,
  -- How the second step was passed ('totp', 'passkey', 'recovery'); NULL: by password alone.
  method       TEXT CHECK (method IN ('totp', 'passkey', 'recovery')),
  -- The WebAuthn challenge this session was given last, and until when it may be answered.
  challenge            TEXT,
  challenge_expires_at TEXT
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

-- An invited account has no password yet (password_hash is '!', which no password matches);
-- password_changed_at says when a password was last set (NULL: never, the invitation is open).
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
UPDATE users SET password_changed_at = created_at;
ALTER TABLE users ADD COLUMN last_login_at TEXT;

-- Second factors. A TOTP factor keeps its secret (the server must compute the same codes) and the
-- newest time step it accepted, so that no code is accepted twice; a passkey keeps only its public key.
CREATE TABLE second_factors (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users(id),
  kind           TEXT NOT NULL CHECK (kind IN ('totp', 'passkey')),
  label          TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  confirmed_at   TEXT,                    -- NULL: a TOTP secret handed out, not yet confirmed by a code
  last_used_at   TEXT,
  totp_secret    TEXT,
  totp_last_step INTEGER,
  credential_id  TEXT UNIQUE,             -- base64url
  public_key     BLOB,                    -- COSE key
  sign_count     INTEGER,
  transports     TEXT,                    -- JSON array of hints for the browser
  CHECK ((kind = 'totp') = (totp_secret IS NOT NULL)),
  CHECK ((kind = 'passkey') = (credential_id IS NOT NULL AND public_key IS NOT NULL AND confirmed_at IS NOT NULL))
) STRICT;
CREATE INDEX second_factors_user ON second_factors(user_id);

-- Ten single-use recovery codes per account, each stored only as a salted SHA-256 (80 random bits each).
CREATE TABLE recovery_codes (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  salt       TEXT NOT NULL,
  code_hash  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_at    TEXT
) STRICT;
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

-- Invitation (48 h) and password-reset (1 h) links: single-use, only the SHA-256 of the token stored.
CREATE TABLE password_links (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  purpose    TEXT NOT NULL CHECK (purpose IN ('invitation', 'reset')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  expires_at TEXT NOT NULL,
  used_at    TEXT,
  revoked_at TEXT,
  CHECK (used_at IS NULL OR revoked_at IS NULL)
) STRICT;
CREATE INDEX password_links_user ON password_links(user_id);
