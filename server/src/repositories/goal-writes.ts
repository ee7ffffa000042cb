import type { Confidence, Horizon } from '@zielmonitor/shared/schemas/common';
import type { DatePrecision } from '@zielmonitor/shared/time/partial-date';
import type { Db } from '../db/database.ts';
import { foldText } from '../lib/fold-text.ts';

/** The editable fields of a goal, as the import writes them. */
export type GoalFields = {
  id: string;
  version: string;
  title: string;
  description: string | null;
  leadRessort: string | null;
  coRessorts: string[];
  fieldOfAction: string | null;
  horizon: Horizon;
  dueDate: string | null;
  dueDatePrecision: DatePrecision;
  dueWording: string | null;
  confidence: { goal: Confidence; ressort: Confidence; status: Confidence };
  sourceIds: string[];
  notes: string | null;
};

type Row = {
  id: string;
  version_key: string;
  title: string;
  description: string | null;
  lead_ressort: string | null;
  field_of_action: string | null;
  horizon: Horizon;
  due_date: string | null;
  due_date_precision: DatePrecision;
  due_wording: string | null;
  confidence_goal: Confidence;
  confidence_ressort: Confidence;
  confidence_status: Confidence;
  notes: string | null;
};

export function createGoalWritesRepository(db: Db) {
  const byId = db.prepare<[string], Row>('SELECT * FROM goals WHERE id = ?');
  const coRessorts = db
    .prepare<[string], string>('SELECT ressort_code FROM goal_co_ressorts WHERE goal_id = ? ORDER BY ressort_code')
    .pluck();
  const sources = db
    .prepare<[string], string>('SELECT source_id FROM goal_sources WHERE goal_id = ? ORDER BY source_id')
    .pluck();
  const insert =
    db.prepare(`INSERT INTO goals (id, version_key, title, description, lead_ressort, field_of_action, horizon,
      due_date, due_date_precision, due_wording, confidence_goal, confidence_ressort, confidence_status, notes,
      search_text)
    VALUES (@id, @version, @title, @description, @leadRessort, @fieldOfAction, @horizon, @dueDate, @dueDatePrecision,
      @dueWording,
      @confGoal, @confRessort, @confStatus, @notes, @searchText)`);
  const update = db.prepare(`UPDATE goals SET title = @title, description = @description, lead_ressort = @leadRessort,
      field_of_action = @fieldOfAction, horizon = @horizon, due_date = @dueDate,
      due_date_precision = @dueDatePrecision, due_wording = @dueWording,
      confidence_goal = @confGoal, confidence_ressort = @confRessort, confidence_status = @confStatus, notes = @notes,
      search_text = @searchText, revision = revision + 1
    WHERE id = @id AND version_key = @version`);
  const clearCo = db.prepare('DELETE FROM goal_co_ressorts WHERE goal_id = ?');
  const addCo = db.prepare('INSERT INTO goal_co_ressorts (goal_id, ressort_code) VALUES (?, ?)');
  const clearSources = db.prepare('DELETE FROM goal_sources WHERE goal_id = ?');
  const addSource = db.prepare('INSERT INTO goal_sources (goal_id, source_id) VALUES (?, ?)');

  return {
    get(id: string): GoalFields | undefined {
      const row = byId.get(id);
      if (!row) return undefined;
      return {
        id: row.id,
        version: row.version_key,
        title: row.title,
        description: row.description,
        leadRessort: row.lead_ressort,
        coRessorts: coRessorts.all(id),
        fieldOfAction: row.field_of_action,
        horizon: row.horizon,
        dueDate: row.due_date,
        dueDatePrecision: row.due_date_precision,
        dueWording: row.due_wording,
        confidence: { goal: row.confidence_goal, ressort: row.confidence_ressort, status: row.confidence_status },
        sourceIds: sources.all(id),
        notes: row.notes,
      };
    },
    /** Call inside a transaction: the goal, its co-Ressorts and its sources are one write. */
    upsert(goal: GoalFields, exists: boolean): void {
      const params = {
        id: goal.id,
        version: goal.version,
        title: goal.title,
        description: goal.description,
        leadRessort: goal.leadRessort,
        fieldOfAction: goal.fieldOfAction,
        horizon: goal.horizon,
        dueDate: goal.dueDate,
        dueDatePrecision: goal.dueDatePrecision,
        dueWording: goal.dueWording,
        confGoal: goal.confidence.goal,
        confRessort: goal.confidence.ressort,
        confStatus: goal.confidence.status,
        notes: goal.notes,
        searchText: foldText(`${goal.title} ${goal.description ?? ''}`),
      };
      if (exists) {
        if (update.run(params).changes !== 1) throw new Error(`goal ${goal.id} is not in version ${goal.version}`);
      } else {
        insert.run(params);
      }
      clearCo.run(goal.id);
      goal.coRessorts.forEach((code) => addCo.run(goal.id, code));
      clearSources.run(goal.id);
      goal.sourceIds.forEach((id) => addSource.run(goal.id, id));
    },
  };
}
