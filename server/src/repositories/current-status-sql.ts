/** SQL shared by the repositories that report a goal's current status. */

/** The date that means "now": every event is on or before it. */
export const LATEST = '9999-12-31';

/**
 * Each goal with the id of its latest official and latest independent event on or before
 * @asOf — "latest" by effective date, then by entry order. Index-backed by
 * status_events_goal_track_effective (one index seek per goal and track).
 */
const CURRENT = `
  SELECT g.*,
    (SELECT e.id FROM status_events e WHERE e.goal_id = g.id AND e.track = 'official'
       AND e.effective_date <= @asOf ORDER BY e.effective_date DESC, e.id DESC LIMIT 1) AS official_event_id,
    (SELECT e.id FROM status_events e WHERE e.goal_id = g.id AND e.track = 'independent'
       AND e.effective_date <= @asOf ORDER BY e.effective_date DESC, e.id DESC LIMIT 1) AS independent_event_id
  FROM goals g`;

export const WITH_STATUS = `
  SELECT c.*, coalesce(o.status, 'unknown') AS status,
    o.status AS o_status, o.progress AS o_progress, o.effective_date AS o_date, o.reporter AS o_reporter,
    i.status AS i_status, i.progress AS i_progress, i.effective_date AS i_date, i.reporter AS i_reporter,
    (SELECT group_concat(ressort_code, ',') FROM
       (SELECT ressort_code FROM goal_co_ressorts WHERE goal_id = c.id ORDER BY ressort_code)) AS co_ressorts
  FROM (${CURRENT}) c
  LEFT JOIN status_events o ON o.id = c.official_event_id
  LEFT JOIN status_events i ON i.id = c.independent_event_id`;

