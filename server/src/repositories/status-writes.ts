import type { Status, Track } from '@zielmonitor/shared/schemas/common';
import type { DatePrecision } from '@zielmonitor/shared/time/partial-date';
import type { Db } from '../db/database.ts';

export type GoalForUpdate = {
  id: string;
  revision: number;
  leadRessort: string | null;
  coRessorts: string[];
  presentedOn: string;
};

export type NewStatusEvent = {
  goalId: string;
  status: Status;
  progress: number | null;
  effectiveDate: string;
  effectiveDatePrecision: DatePrecision;
  effectiveDateWording: string | null;
  recordedAt: string;
  reporter: string;
  track: Track;
  originalWording: string | null;
  note: string | null;
  evidenceUrl: string | null;
  evidenceReference: string | null;
  goalRevision: number;
  reportedByUserId: number;
  /** For an independent entry: the organisation it is written for (who may correct it). */
  organisation: string | null;
  /** Who released it into the public record (null: released by being entered). */
  releasedByUserId: number | null;
};

export type NewSupersession = {
  supersededEventId: number;
  kind: 'correction' | 'withdrawal';
  replacementEventId: number | null;
  reason: string;
  recordedAt: string;
  reporter: string;
  userId: number;
  goalRevision: number;
  releasedByUserId: number | null;
};

/** A report as a correction or withdrawal needs it: which goal and track, and whether it was superseded already. */
export type EventForCorrection = {
  id: number;
  goalId: string;
  track: Track;
  status: Status;
  effectiveDate: string;
  supersededAt: string | null;
  /** The organisation an independent entry was written for; null for the government's and imported ones. */
  organisation: string | null;
};

export function createStatusWritesRepository(db: Db) {
  const goal = db.prepare<
    [string],
    { id: string; revision: number; lead_ressort: string | null; presented_on: string }
  >(`SELECT g.id, g.revision, g.lead_ressort, v.presented_on
     FROM goals g JOIN strategy_versions v ON v.key = g.version_key WHERE g.id = ?`);
  const coRessorts = db
    .prepare<[string], string>('SELECT ressort_code FROM goal_co_ressorts WHERE goal_id = ?')
    .pluck();
  const insert =
    db.prepare(`INSERT INTO status_events (goal_id, status, progress, effective_date, effective_date_precision,
      effective_date_wording, recorded_at, reporter, track, original_wording, note, evidence_url, evidence_reference,
      source_id, goal_revision, reported_by_user_id, released_by_user_id, organisation)
    VALUES (@goalId, @status, @progress, @effectiveDate, @effectiveDatePrecision, @effectiveDateWording, @recordedAt,
      @reporter, @track, @originalWording, @note, @evidenceUrl, @evidenceReference, NULL, @goalRevision, @reportedByUserId,
      @releasedByUserId, @organisation)`);
  const insertSupersession = db.prepare(`INSERT INTO status_supersessions (superseded_event_id, kind,
      replacement_event_id, reason, recorded_at, reporter, user_id, goal_revision, released_by_user_id)
    VALUES (@supersededEventId, @kind, @replacementEventId, @reason, @recordedAt, @reporter, @userId, @goalRevision,
      @releasedByUserId)`);
  const bump = db.prepare('UPDATE goals SET revision = revision + 1 WHERE id = ? AND revision = ?');
  const idsSince = db
    .prepare<[string, number], number>('SELECT id FROM status_events WHERE goal_id = ? AND goal_revision > ?')
    .pluck();
  const supersededSince = db
    .prepare<[string, number], number>(
      `SELECT s.superseded_event_id FROM status_supersessions s JOIN status_events e ON e.id = s.superseded_event_id
       WHERE e.goal_id = ? AND s.goal_revision > ?`,
    )
    .pluck();
  const event = db.prepare<
    [number],
    {
      id: number;
      goal_id: string;
      track: Track;
      status: Status;
      effective_date: string;
      superseded_at: string | null;
      organisation: string | null;
    }
  >(`SELECT e.id, e.goal_id, e.track, e.status, e.effective_date, s.recorded_at AS superseded_at, e.organisation
     FROM status_events e LEFT JOIN status_supersessions s ON s.superseded_event_id = e.id WHERE e.id = ?`);
  const organisations = db.prepare<[string], { id: number; organisation: string }>(
    `SELECT id, organisation FROM status_events WHERE id IN (SELECT value FROM json_each(?)) AND organisation IS NOT NULL`,
  );

  return {
    /** The goal's Ressorts as the strategy named them, its revision and its version's presentation date. */
    goalForUpdate(id: string): GoalForUpdate | undefined {
      const row = goal.get(id);
      if (!row) return undefined;
      return {
        id: row.id,
        revision: row.revision,
        presentedOn: row.presented_on,
        leadRessort: row.lead_ressort,
        coRessorts: coRessorts.all(id),
      };
    },
    event(id: number): EventForCorrection | undefined {
      const row = event.get(id);
      return (
        row && {
          id: row.id,
          goalId: row.goal_id,
          track: row.track,
          status: row.status,
          effectiveDate: row.effective_date,
          supersededAt: row.superseded_at,
          organisation: row.organisation,
        }
      );
    },
    /** The organisations independent entries were written for, by entry id (entries without one left out). */
    organisationsOf(ids: readonly number[]): Map<number, string> {
      if (ids.length === 0) return new Map();
      const rows = organisations.all(JSON.stringify(ids));
      return new Map(rows.map((row) => [row.id, row.organisation]));
    },
    /** Moves the goal to the next revision; false when the revision moved meanwhile. */
    bumpRevision: (goalId: string, expectedRevision: number): boolean =>
      bump.run(goalId, expectedRevision).changes === 1,
    /** Inserts a report; answers its id. */
    insertEvent: (row: NewStatusEvent): number => Number(insert.run(row).lastInsertRowid),
    insertSupersession: (row: NewSupersession): void => {
      insertSupersession.run(row);
    },
    /** Ids of the goal's reports made after a revision, and of reports superseded since. */
    changedSince: (goalId: string, revision: number): Set<number> =>
      new Set([...idsSince.all(goalId, revision), ...supersededSince.all(goalId, revision)]),
  };
}
