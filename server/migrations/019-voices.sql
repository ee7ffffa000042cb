-- Independent voices on the record: assessors of an organisation, replies (Stellungnahmen), correction
-- requests from the public, and e-mail subscriptions.

-- An assessor writes for an organisation (a parliamentary group, a newspaper); its entries name it.
ALTER TABLE users ADD COLUMN organisation TEXT CHECK (organisation IS NULL OR length(trim(organisation)) > 0);

-- The organisation an independent entry was written for: who may correct it (that organisation and
-- the administration). NULL for the government's track and for entries from public sources.
ALTER TABLE status_events ADD COLUMN organisation TEXT;
ALTER TABLE indicator_readings ADD COLUMN organisation TEXT;

-- Replies: under an entry of either track the other side answers, once per organisation or Ressort.
-- A reply changes no figure. Append-only like the entries it answers: a correction is a new reply
-- that supersedes the earlier one, a withdrawal a supersession without a replacement.
CREATE TABLE replies (
  id                 INTEGER PRIMARY KEY,
  target_kind        TEXT NOT NULL CHECK (target_kind IN ('status_event','reading')),
  status_event_id    INTEGER REFERENCES status_events(id),
  reading_id         INTEGER REFERENCES indicator_readings(id),
  author_kind        TEXT NOT NULL CHECK (author_kind IN ('organisation','ressort')),
  author             TEXT NOT NULL CHECK (length(trim(author)) > 0),  -- the organisation, or the Ressort code
  text               TEXT NOT NULL CHECK (length(trim(text)) > 0),
  evidence_url       TEXT,
  evidence_reference TEXT,
  recorded_at        TEXT NOT NULL,
  user_id            INTEGER NOT NULL REFERENCES users(id),
  corrects_reply_id  INTEGER UNIQUE REFERENCES replies(id),
  CHECK ((target_kind = 'status_event') = (status_event_id IS NOT NULL)),
  CHECK ((target_kind = 'reading') = (reading_id IS NOT NULL))
) STRICT;
-- Nobody replies twice: one first reply per organisation or Ressort and entry (corrections follow it).
CREATE UNIQUE INDEX replies_one_per_author_event ON replies(status_event_id, author_kind, author)
  WHERE corrects_reply_id IS NULL AND status_event_id IS NOT NULL;
CREATE UNIQUE INDEX replies_one_per_author_reading ON replies(reading_id, author_kind, author)
  WHERE corrects_reply_id IS NULL AND reading_id IS NOT NULL;
CREATE INDEX replies_recorded ON replies(recorded_at);
CREATE TRIGGER replies_no_update BEFORE UPDATE ON replies
BEGIN SELECT RAISE(ABORT, 'replies is append-only'); END;
CREATE TRIGGER replies_no_delete BEFORE DELETE ON replies
BEGIN SELECT RAISE(ABORT, 'replies is append-only'); END;
-- A correction answers the same entry as the reply it corrects, for the same author.
CREATE TRIGGER replies_correction_same_target BEFORE INSERT ON replies
WHEN NEW.corrects_reply_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM replies o WHERE o.id = NEW.corrects_reply_id AND o.target_kind = NEW.target_kind
    AND o.status_event_id IS NEW.status_event_id AND o.reading_id IS NEW.reading_id
    AND o.author_kind = NEW.author_kind AND o.author = NEW.author)
BEGIN SELECT RAISE(ABORT, 'a reply correction must answer the same entry for the same author'); END;

CREATE TABLE reply_supersessions (
  reply_id             INTEGER PRIMARY KEY REFERENCES replies(id),
  kind                 TEXT NOT NULL CHECK (kind IN ('correction','withdrawal')),
  replacement_reply_id INTEGER UNIQUE REFERENCES replies(id),
  reason               TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  recorded_at          TEXT NOT NULL,
  user_id              INTEGER NOT NULL REFERENCES users(id),
  CHECK ((kind = 'correction') = (replacement_reply_id IS NOT NULL))
) STRICT;
CREATE TRIGGER reply_supersessions_no_update BEFORE UPDATE ON reply_supersessions
BEGIN SELECT RAISE(ABORT, 'reply_supersessions is append-only'); END;
CREATE TRIGGER reply_supersessions_no_delete BEFORE DELETE ON reply_supersessions
BEGIN SELECT RAISE(ABORT, 'reply_supersessions is append-only'); END;

-- Correction requests ("Fehler melden") from anyone, without an account. The address, when given,
-- is kept only until the answer to it is queued. Kept as a record of how each request was answered.
CREATE TABLE correction_requests (
  id                  INTEGER PRIMARY KEY,
  subject_kind        TEXT NOT NULL CHECK (subject_kind IN ('goal','status_event','indicator','reading')),
  goal_id             TEXT REFERENCES goals(id),
  indicator_id        TEXT REFERENCES indicators(id),
  status_event_id     INTEGER REFERENCES status_events(id),
  reading_id          INTEGER REFERENCES indicator_readings(id),
  description         TEXT NOT NULL CHECK (length(trim(description)) > 0),
  evidence_url        TEXT,
  email               TEXT,
  created_at          TEXT NOT NULL,
  state               TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','accepted','declined')),
  answer              TEXT,
  answered_at         TEXT,
  answered_by         INTEGER REFERENCES users(id),
  linked_event_id     INTEGER REFERENCES status_events(id),
  linked_reading_id   INTEGER REFERENCES indicator_readings(id),
  CHECK ((goal_id IS NULL) <> (indicator_id IS NULL)),
  CHECK ((state = 'open') = (answered_at IS NULL)),
  CHECK (state <> 'declined' OR length(trim(answer)) > 0)
) STRICT;
CREATE INDEX correction_requests_state ON correction_requests(state, created_at);
-- The Ressorts responsible when the request came in: the queue and the public counts per Ressort.
CREATE TABLE correction_request_ressorts (
  request_id   INTEGER NOT NULL REFERENCES correction_requests(id),
  ressort_code TEXT NOT NULL REFERENCES ressorts(code),
  PRIMARY KEY (request_id, ressort_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX correction_request_ressorts_ressort ON correction_request_ressorts(ressort_code, request_id);
-- An answer is final: only the address may still be erased.
CREATE TRIGGER correction_requests_answer_final BEFORE UPDATE ON correction_requests
WHEN OLD.state <> 'open' AND (NEW.state IS NOT OLD.state OR NEW.answer IS NOT OLD.answer
  OR NEW.answered_at IS NOT OLD.answered_at OR NEW.linked_event_id IS NOT OLD.linked_event_id
  OR NEW.linked_reading_id IS NOT OLD.linked_reading_id OR NEW.email IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'an answered correction request never changes'); END;
CREATE TRIGGER correction_requests_no_delete BEFORE DELETE ON correction_requests
BEGIN SELECT RAISE(ABORT, 'correction requests are kept'); END;

-- E-mail subscriptions. The address is kept only for the subscription: deleted with it on
-- unsubscribing, and with an unconfirmed one when its confirmation link expires.
CREATE TABLE subscriptions (
  id           INTEGER PRIMARY KEY,
  email        TEXT NOT NULL COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
  scope        TEXT NOT NULL CHECK (scope IN ('goal','ressort','indicator','version')),
  scope_id     TEXT NOT NULL,
  frequency    TEXT NOT NULL CHECK (frequency IN ('immediate','daily')),
  created_at   TEXT NOT NULL,
  confirmed_at TEXT,
  UNIQUE (email, scope, scope_id)
) STRICT;
CREATE INDEX subscriptions_scope ON subscriptions(scope, scope_id) WHERE confirmed_at IS NOT NULL;
CREATE INDEX subscriptions_unconfirmed ON subscriptions(created_at) WHERE confirmed_at IS NULL;

-- Links in mails carry a random token; only its SHA-256 is stored. A confirmation token expires; each
-- mail's unsubscribe token ends the subscriptions that mail was sent for.
CREATE TABLE subscription_tokens (
  token_hash      TEXT NOT NULL,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
  purpose         TEXT NOT NULL CHECK (purpose IN ('confirm','unsubscribe')),
  expires_at      TEXT,
  PRIMARY KEY (token_hash, subscription_id),
  CHECK ((purpose = 'confirm') = (expires_at IS NOT NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX subscription_tokens_subscription ON subscription_tokens(subscription_id);

-- What the daily digest will say, queued where the change happens; sent and deleted by the digest run.
CREATE TABLE digest_items (
  id              INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
  item_key        TEXT NOT NULL,
  occurred_at     TEXT NOT NULL,
  line            TEXT NOT NULL,
  path            TEXT NOT NULL,
  UNIQUE (subscription_id, item_key)
) STRICT;

-- Reporting rounds whose subscribers were told that the round is overdue: each round once.
CREATE TABLE round_overdue_notices (
  round_id    INTEGER PRIMARY KEY REFERENCES reporting_rounds(id),
  notified_at TEXT NOT NULL
) STRICT;
