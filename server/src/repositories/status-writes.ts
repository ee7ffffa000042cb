import type { StatusEvent } from '@zielmonitor/shared/schemas/status-event';
import type { Db } from '../db/database.ts';
import { toEvent, type EventRow } from './goals.ts';

export type GoalForUpdate = { id: string; revision: number; ressorts: string[] };

export type NewStatusEvent = Omit<StatusEvent, 'id' | 'evidence' | 'sourceId'> & {
  evidenceUrl: string | null;
  evidenceReference: string | null;
  goalRevision: number;
  reportedByUserId: number;
};

export function createStatusWritesRepository(db: Db) {
  const goal = db.prepare<[string], { id: string; revision: number; lead_ressort: string | null }>(
    'SELECT id, revision, lead_ressort FROM goals WHERE id = ?',
  );
  const coRessorts = db
    .prepare<[string], string>('SELECT ressort_code FROM goal_co_ressorts WHERE goal_id = ?')
    .pluck();
  const insert =
    db.prepare(`INSERT INTO status_events (goal_id, status, progress, effective_date, effective_date_precision,
      effective_date_wording, recorded_at, reporter, track, original_wording, note, evidence_url, evidence_reference,
      source_id, goal_revision, reported_by_user_id)
    VALUES (@goalId, @status, @progress, @effectiveDate, @effectiveDatePrecision, @effectiveDateWording, @recordedAt,
      @reporter, @track, @originalWording, @note, @evidenceUrl, @evidenceReference, NULL, @goalRevision, @reportedByUserId)`);
  const byId = db.prepare<[number | bigint], EventRow>('SELECT * FROM status_events WHERE id = ?');
  const bump = db.prepare('UPDATE goals SET revision = revision + 1 WHERE id = ? AND revision = ?');
  const since = db.prepare<[string, number], EventRow>(
    'SELECT * FROM status_events WHERE goal_id = ? AND goal_revision > ? ORDER BY goal_revision',
  );

  return {
    /** The goal's responsible Ressorts (lead and co-Ressorts) and its revision. */
    goalForUpdate(id: string): GoalForUpdate | undefined {
      const row = goal.get(id);
      if (!row) return undefined;
      return {
        id: row.id,
        revision: row.revision,
        ressorts: [row.lead_ressort, ...coRessorts.all(id)].filter((c): c is string => c !== null),
      };
    },
    /** Inserts the event and moves the goal to the next revision; false when the revision moved meanwhile. */
    append(event: NewStatusEvent, expectedRevision: number): StatusEvent | null {
      if (bump.run(event.goalId, expectedRevision).changes !== 1) return null;
      const { lastInsertRowid } = insert.run(event);
      const row = byId.get(lastInsertRowid);
      if (!row) throw new Error('inserted status event not found');
      return toEvent(row);
    },
    eventsSince: (goalId: string, revision: number): StatusEvent[] => since.all(goalId, revision).map(toEvent),
  };
}
