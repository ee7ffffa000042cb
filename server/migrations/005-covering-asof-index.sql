-- The as-of aggregations (per-Ressort stats, timeline) only need the status of the latest event
-- per goal and track: with recorded_at and status in the index they never touch the table.
DROP INDEX status_events_goal_track_effective;
CREATE INDEX status_events_goal_track_effective ON status_events(goal_id, track, effective_date, id, recorded_at, status);
