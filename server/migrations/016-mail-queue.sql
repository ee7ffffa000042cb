-- Outgoing mail. A message is written here in the same transaction as the change it reports, so
-- "report released" and "mail queued" commit together or not at all; a background sender in the
-- server process delivers it later (at least once: a send cut off by a crash is repeated, under the
-- same Message-ID, so a duplicate is recognisable).
CREATE TABLE mail_queue (
  id              INTEGER PRIMARY KEY,
  -- Chosen by the feature ("round:12:reminder-7d:user:5"): a reminder enqueued twice is one mail.
  dedupe_key      TEXT NOT NULL UNIQUE CHECK (length(dedupe_key) BETWEEN 1 AND 200),
  message_id      TEXT NOT NULL UNIQUE,
  recipients      TEXT NOT NULL CHECK (json_valid(recipients) AND json_type(recipients) = 'array'),
  subject         TEXT NOT NULL,
  text_body       TEXT NOT NULL,
  html_body       TEXT NOT NULL,
  headers         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(headers) AND json_type(headers) = 'object'),
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','sent','failed')),
  created_at      TEXT NOT NULL,
  -- Tries that ended with an answer (accepted or refused); a try cut off by a crash is not counted.
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- When a pending message is due; while a try runs, the end of its lease.
  next_attempt_at TEXT,
  sent_at         TEXT,
  failed_at       TEXT,
  last_error      TEXT,   -- the SMTP answer or network error, never credentials
  -- After the retention period the addresses and texts are erased; the row stays for deduplication.
  redacted_at     TEXT,
  CHECK ((state = 'pending') = (next_attempt_at IS NOT NULL)),
  CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
  CHECK ((state = 'failed') = (failed_at IS NOT NULL)),
  CHECK (redacted_at IS NULL OR state <> 'pending')
) STRICT;

-- "What is due now?": the sender's only frequent query.
CREATE INDEX mail_queue_due ON mail_queue(next_attempt_at) WHERE state = 'pending';
-- Settled messages whose personal data is still stored, oldest first.
CREATE INDEX mail_queue_unredacted ON mail_queue(coalesce(sent_at, failed_at)) WHERE state <> 'pending' AND redacted_at IS NULL;
