import type { Db } from '../db/database.ts';
import type { Track } from '@zielmonitor/shared/schemas/common';
import type { Qualifier, TargetKind, Direction } from '@zielmonitor/shared/indicators/trajectory';

export type NewReading = {
  indicatorId: string;
  value: number;
  qualifier: Qualifier;
  valueWording: string | null;
  date: string;
  datePrecision: 'day' | 'month' | 'year';
  dateWording: string | null;
  reporter: string;
  track: Track;
  note: string | null;
  sourceId: string | null;
  evidenceUrl: string | null;
  evidenceReference: string | null;
  recordedAt: string;
  reportedByUserId: number | null;
  /** Who released it into the public record; null when it was entered directly. */
  releasedByUserId: number | null;
  indicatorRevision: number;
  /** For an independent reading written by an assessor: their organisation (who may correct it). */
  organisation?: string | null;
};

export type IndicatorFields = {
  id: string;
  name: string;
  measure: string;
  unit: 'percent' | 'count';
  unitSingular: string | null;
  unitPlural: string | null;
  direction: Direction;
  note: string | null;
  goals: { goalId: string; basis: string | null }[];
  targets: {
    kind: TargetKind;
    value: number;
    date: string;
    datePrecision: 'day' | 'month' | 'year';
    dateWording: string | null;
    wording: string | null;
    note: string | null;
    sourceId: string | null;
    evidenceUrl: string | null;
    evidenceReference: string | null;
  }[];
};

/** Writes to the indicator tables; the caller holds the transaction. Readings are only ever appended. */
export function createIndicatorWritesRepository(db: Db) {
  const revision = db.prepare<[string], number>('SELECT revision FROM indicators WHERE id = ?').pluck();
  const bump = db.prepare(
    'UPDATE indicators SET revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?',
  );
  const insertReading = db.prepare(`INSERT INTO indicator_readings (indicator_id, value, qualifier, value_wording, date,
      date_precision, date_wording, reporter, track, note, source_id, evidence_url, evidence_reference, recorded_at,
      reported_by_user_id, released_by_user_id, indicator_revision, organisation)
    VALUES (@indicatorId, @value, @qualifier, @valueWording, @date, @datePrecision, @dateWording, @reporter, @track,
      @note, @sourceId, @evidenceUrl, @evidenceReference, @recordedAt, @reportedByUserId, @releasedByUserId,
      @indicatorRevision, @organisation)`);
  const insertSupersession = db.prepare(`INSERT INTO indicator_reading_supersessions (superseded_reading_id, kind,
      replacement_reading_id, reason, recorded_at, user_id, released_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const superseded = db
    .prepare<[number], number>('SELECT count(*) FROM indicator_reading_supersessions WHERE superseded_reading_id = ?')
    .pluck();
  const readingOf = db.prepare<[number], { indicator_id: string; track: Track }>(
    'SELECT indicator_id, track FROM indicator_readings WHERE id = ?',
  );
  const insertIndicator = db.prepare(`INSERT INTO indicators (id, name, measure, unit, unit_singular, unit_plural,
      direction, note, revision, created_at, updated_at)
    VALUES (@id, @name, @measure, @unit, @unitSingular, @unitPlural, @direction, @note, 0, @now, @now)`);
  const updateIndicator = db.prepare(`UPDATE indicators SET name = @name, measure = @measure, unit = @unit,
      unit_singular = @unitSingular, unit_plural = @unitPlural, direction = @direction, note = @note
    WHERE id = @id`);
  const deleteGoals = db.prepare('DELETE FROM indicator_goals WHERE indicator_id = ?');
  const deleteTargets = db.prepare('DELETE FROM indicator_targets WHERE indicator_id = ?');
  const insertGoal = db.prepare('INSERT INTO indicator_goals (indicator_id, goal_id, basis) VALUES (?, ?, ?)');
  const insertTarget = db.prepare(`INSERT INTO indicator_targets (indicator_id, kind, value, date, date_precision,
      date_wording, wording, note, source_id, evidence_url, evidence_reference)
    VALUES (@indicatorId, @kind, @value, @date, @datePrecision, @dateWording, @wording, @note, @sourceId,
      @evidenceUrl, @evidenceReference)`);
  const exists = db.prepare<[string], number>('SELECT count(*) FROM indicators WHERE id = ?').pluck();

  const replaceParts = (fields: IndicatorFields) => {
    deleteGoals.run(fields.id);
    deleteTargets.run(fields.id);
    for (const g of fields.goals) insertGoal.run(fields.id, g.goalId, g.basis);
    for (const t of fields.targets) insertTarget.run({ ...t, indicatorId: fields.id });
  };

  return {
    revision: (id: string): number | undefined => revision.get(id),
    exists: (id: string): boolean => (exists.get(id) ?? 0) > 0,
    /** Moves the indicator to its next revision; false when it moved meanwhile. */
    bump: (id: string, expectedRevision: number, now: string): boolean =>
      bump.run(now, id, expectedRevision).changes === 1,
    appendReading: (reading: NewReading): number =>
      Number(insertReading.run({ ...reading, organisation: reading.organisation ?? null }).lastInsertRowid),
    readingOf: (readingId: number) => readingOf.get(readingId),
    isSuperseded: (readingId: number): boolean => (superseded.get(readingId) ?? 0) > 0,
    supersede(s: {
      readingId: number;
      kind: 'correction' | 'withdrawal';
      replacementId: number | null;
      reason: string;
      recordedAt: string;
      userId: number;
      releasedBy: number | null;
    }): void {
      insertSupersession.run(s.readingId, s.kind, s.replacementId, s.reason, s.recordedAt, s.userId, s.releasedBy);
    },
    create(fields: IndicatorFields, now: string): void {
      insertIndicator.run({ ...fields, goals: undefined, targets: undefined, now });
      replaceParts(fields);
    },
    /** Replaces definition, goals and target points; the caller bumped the revision. */
    update(fields: IndicatorFields): void {
      updateIndicator.run({ ...fields, goals: undefined, targets: undefined });
      replaceParts(fields);
    },
  };
}
