-- Open questions about the official count: research may show that two documented entries are one
-- goal of the declared count (v1-13 and v1-14 are one "►" sentence of the 2019 text). The question
-- is recorded with its source and shown wherever coverage is stated; it is not settled by the data.
CREATE TABLE counting_questions (
  id          TEXT PRIMARY KEY,
  version_key TEXT NOT NULL REFERENCES strategy_versions(key),
  question    TEXT NOT NULL,
  wording     TEXT,             -- the source's own words the question rests on
  basis       TEXT,             -- the research note, verbatim
  status      TEXT NOT NULL CHECK (status IN ('open','settled'))
) STRICT;

CREATE TABLE counting_question_goals (
  question_id TEXT NOT NULL REFERENCES counting_questions(id),
  goal_id     TEXT NOT NULL REFERENCES goals(id),
  PRIMARY KEY (question_id, goal_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE counting_question_sources (
  question_id TEXT NOT NULL REFERENCES counting_questions(id),
  source_id   TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (question_id, source_id)
) STRICT, WITHOUT ROWID;
