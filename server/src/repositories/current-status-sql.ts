/** SQL shared by the repositories that report a goal's current status. */

/**
 * The cut-off a report is computed for (a resolved point in time): events effective on or before `asOf` (a date)
 * and recorded on or before `knownAt` (an ISO timestamp).
 */
export type Cutoff = { asOf: string; knownAt: string };

/**
 * An event (alias \`alias\`) that no correction or withdrawal recorded by @knownAt supersedes:
 * one probe of status_supersessions_lookup per candidate event.
 */
export const notSuperseded = (
  alias: string,
  knownAt = '@knownAt',
) => `NOT EXISTS (SELECT 1 FROM status_supersessions sup
  WHERE sup.superseded_event_id = ${alias}.id AND sup.recorded_at <= ${knownAt})`;

/** The status of a goal (alias \`goal\`) on a track by @asOf, as known at \`knownAt\` (a parameter name). */
export const statusKnownAt = (goal: string, track: string, knownAt: string) => `coalesce((SELECT e.status
    FROM status_events e WHERE e.goal_id = ${goal}.id AND e.track = ${track}
      AND e.effective_date <= @asOf AND e.recorded_at <= ${knownAt} AND ${notSuperseded('e', knownAt)}
    ORDER BY e.effective_date DESC, e.id DESC LIMIT 1), 'unknown')`;

/** "Now": every event is effective and recorded before it. */
export const NOW: Cutoff = { asOf: '9999-12-31', knownAt: '9999-12-31T23:59:59.999Z' };

/**
 * Each goal matching `goalFilter` (a fixed SQL condition on goals g, never a request value)
 * with its latest official and latest independent event effective by @asOf and recorded by
 * @knownAt — "latest" by effective date, then by entry order — and that event's fields.
 * One index seek per goal and track (status_events_goal_track_effective); MATERIALIZED keeps
 * SQLite from flattening the CTE and evaluating each lookup twice.
 */
export function withStatus(goalFilter = '1'): string {
  return `WITH current AS MATERIALIZED (
    SELECT g.*,
      (SELECT e.id FROM status_events e WHERE e.goal_id = g.id AND e.track = 'official'
         AND e.effective_date <= @asOf AND e.recorded_at <= @knownAt AND ${notSuperseded('e')}
         ORDER BY e.effective_date DESC, e.id DESC LIMIT 1) AS official_event_id,
      (SELECT e.id FROM status_events e WHERE e.goal_id = g.id AND e.track = 'independent'
         AND e.effective_date <= @asOf AND e.recorded_at <= @knownAt AND ${notSuperseded('e')}
         ORDER BY e.effective_date DESC, e.id DESC LIMIT 1) AS independent_event_id
    FROM goals g WHERE ${goalFilter})
  SELECT c.*, coalesce(o.status, 'unknown') AS status,
    -- Due date: the explicit one, else derived from the horizon by the version's own definition.
    coalesce(c.due_date, CASE c.horizon
      WHEN 'short' THEN date(v.presented_on, '+' || v.short_years || ' years')
      WHEN 'medium' THEN date(v.presented_on, '+' || v.medium_years || ' years') END) AS effective_due_date,
    o.status AS o_status, o.progress AS o_progress, o.effective_date AS o_date,
    o.effective_date_precision AS o_precision, o.reporter AS o_reporter,
    i.status AS i_status, i.progress AS i_progress, i.effective_date AS i_date,
    i.effective_date_precision AS i_precision, i.reporter AS i_reporter,
    (SELECT group_concat(ressort_code, ',') FROM
       (SELECT ressort_code FROM goal_co_ressorts WHERE goal_id = c.id ORDER BY ressort_code)) AS co_ressorts
  FROM current c
  JOIN strategy_versions v ON v.key = c.version_key
  LEFT JOIN status_events o ON o.id = c.official_event_id
  LEFT JOIN status_events i ON i.id = c.independent_event_id`;
}

/** The Ressort filter (`unknown` = no Ressort, NULL = any) on a table alias with a lead_ressort column. */
export const ressortMatches = (alias: string) =>
  `(@ressort IS NULL OR (@ressort = 'unknown' AND ${alias}.lead_ressort IS NULL) OR ${alias}.lead_ressort = @ressort)`;

/** Goal-level filters on version and Ressort (`unknown` = no Ressort), each optional. */
export const VERSION_AND_RESSORT = `(@version IS NULL OR g.version_key = @version)
  AND ${ressortMatches('g')}`;

/**
 * The lean form for aggregates: each goal's Ressort, horizon, due date and the status of its
 * latest event on one track, read from the covering index alone.
 */
export function statusOnTrack(goalFilter: string, options: { dueDate: boolean } = { dueDate: true }): string {
  const dueDate = options.dueDate
    ? `coalesce(g.due_date, CASE g.horizon
        WHEN 'short' THEN date(v.presented_on, '+' || v.short_years || ' years')
        WHEN 'medium' THEN date(v.presented_on, '+' || v.medium_years || ' years') END)`
    : 'NULL';
  return `SELECT g.id, g.lead_ressort, g.horizon, ${dueDate} AS effective_due_date,
      ${statusKnownAt('g', '@track', '@knownAt')} AS status
    FROM goals g ${options.dueDate ? 'JOIN strategy_versions v ON v.key = g.version_key' : ''} WHERE ${goalFilter}`;
}
