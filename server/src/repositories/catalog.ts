import type { Db } from '../db/database.ts';

export type Span = { first: string | null; last: string | null; modified: string | null };

/** The facts a data catalogue states about each dataset: the period it covers and when it last changed. */
export function createCatalogRepository(db: Db) {
  const goals = db.prepare<[], Span>(`SELECT
      (SELECT min(presented_on) FROM strategy_versions) AS first,
      (SELECT max(due_date) FROM goals) AS last,
      max(coalesce((SELECT max(recorded_at) FROM status_events), ''),
          coalesce((SELECT max(at) FROM audit_log WHERE entity_type = 'goal' OR action = 'import.goals'), '')) AS modified`);
  const events = db.prepare<[], Span>(`SELECT min(effective_date) AS first, max(effective_date) AS last,
      max(recorded_at) AS modified FROM status_events`);
  const readings = db.prepare<[], Span>(`SELECT
      (SELECT min(date) FROM indicator_readings) AS first,
      (SELECT max(date) FROM indicator_readings) AS last,
      max(coalesce((SELECT max(recorded_at) FROM indicator_readings), ''),
          coalesce((SELECT max(recorded_at) FROM indicator_reading_supersessions), ''),
          coalesce((SELECT max(updated_at) FROM indicators), '')) AS modified`);
  const figures = db.prepare<[], Span>(`SELECT min(date) AS first, max(date) AS last, max(date) AS modified
    FROM reported_figures`);
  const orNull = (span: Span | undefined): Span => ({
    first: span?.first || null,
    last: span?.last || null,
    modified: span?.modified || null,
  });
  return {
    goals: () => orNull(goals.get()),
    statusEvents: () => orNull(events.get()),
    indicatorReadings: () => orNull(readings.get()),
    reportedFigures: () => orNull(figures.get()),
  };
}
