-- Derived from status_events, maintained by trigger: per goal, track and calendar month with events,
-- the month's last event (by effective date, then id) and the status at the end of the goal's
-- previous month with events ('unknown' before its first). The timeline sums these transitions:
-- one range scan of an index instead of one index seek per goal and month end.
CREATE TABLE status_month_ends (
  goal_id         TEXT NOT NULL REFERENCES goals(id),
  track           TEXT NOT NULL,
  month           TEXT NOT NULL,    -- YYYY-MM, the first 7 characters of effective_date
  effective_date  TEXT NOT NULL,
  event_id        INTEGER NOT NULL,
  status          TEXT NOT NULL,
  previous_status TEXT NOT NULL,
  -- Copies of the goal's, kept in step by the goals trigger below: the timeline filters on them in
  -- the index instead of looking each row's goal up (that lookup was half the query's time).
  version_key     TEXT NOT NULL,
  lead_ressort    TEXT,
  PRIMARY KEY (goal_id, track, month)
) STRICT, WITHOUT ROWID;

-- Backfill: the window functions run once here, never at query time.
INSERT INTO status_month_ends (goal_id, track, month, effective_date, event_id, status, previous_status, version_key, lead_ressort)
SELECT m.goal_id, m.track, m.month, m.effective_date, m.id, m.status,
  coalesce(lag(m.status) OVER (PARTITION BY m.goal_id, m.track ORDER BY m.month), 'unknown'), g.version_key, g.lead_ressort
FROM (
  SELECT goal_id, track, substr(effective_date, 1, 7) AS month, effective_date, id, status,
    row_number() OVER (PARTITION BY goal_id, track, substr(effective_date, 1, 7) ORDER BY effective_date DESC, id DESC) AS n
  FROM status_events) m
JOIN goals g ON g.id = m.goal_id
WHERE m.n = 1;

-- The timeline reads (track, version, month ≤ last month) in index order and groups without a sort.
-- Months that left a goal's status as it was change no count: they are not in the index.
CREATE INDEX status_month_ends_timeline ON status_month_ends(track, version_key, month, status, previous_status, lead_ressort)
  WHERE status <> previous_status;

-- status_events is append-only (its UPDATE and DELETE triggers refuse), so inserts are the only change.
CREATE TRIGGER status_events_month_ends AFTER INSERT ON status_events
BEGIN
  -- 1. The event's month: a new row starts from the status of the goal's latest earlier month;
  --    an existing row takes the event only if it comes later (ids usually grow: not relied on).
  INSERT INTO status_month_ends (goal_id, track, month, effective_date, event_id, status, previous_status, version_key, lead_ressort)
  SELECT NEW.goal_id, NEW.track, substr(NEW.effective_date, 1, 7), NEW.effective_date, NEW.id, NEW.status,
    coalesce((SELECT p.status FROM status_month_ends p
      WHERE p.goal_id = NEW.goal_id AND p.track = NEW.track AND p.month < substr(NEW.effective_date, 1, 7)
      ORDER BY p.month DESC LIMIT 1), 'unknown'),
    g.version_key, g.lead_ressort
  FROM goals g WHERE g.id = NEW.goal_id
  ON CONFLICT (goal_id, track, month) DO UPDATE
    SET effective_date = excluded.effective_date, event_id = excluded.event_id, status = excluded.status
    WHERE (excluded.effective_date, excluded.event_id) > (status_month_ends.effective_date, status_month_ends.event_id);
  -- 2. The goal's next month with events now follows this month's (possibly new) status;
  --    an unchanged row is not rewritten (that would rewrite its index entry too).
  UPDATE status_month_ends
  SET previous_status = (SELECT c.status FROM status_month_ends c
    WHERE c.goal_id = NEW.goal_id AND c.track = NEW.track AND c.month = substr(NEW.effective_date, 1, 7))
  WHERE goal_id = NEW.goal_id AND track = NEW.track
    AND month = (SELECT min(n.month) FROM status_month_ends n
      WHERE n.goal_id = NEW.goal_id AND n.track = NEW.track AND n.month > substr(NEW.effective_date, 1, 7))
    AND previous_status IS NOT (SELECT c.status FROM status_month_ends c
      WHERE c.goal_id = NEW.goal_id AND c.track = NEW.track AND c.month = substr(NEW.effective_date, 1, 7));
END;

-- A goal moved to another Ressort (the goal import does that) takes its months along.
CREATE TRIGGER goals_month_ends AFTER UPDATE OF version_key, lead_ressort ON goals
WHEN OLD.version_key IS NOT NEW.version_key OR OLD.lead_ressort IS NOT NEW.lead_ressort
BEGIN
  UPDATE status_month_ends SET version_key = NEW.version_key, lead_ressort = NEW.lead_ressort WHERE goal_id = NEW.id;
END;
