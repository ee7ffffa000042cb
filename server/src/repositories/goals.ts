import type {
  CurrentStatus,
  GoalDetail,
  GoalSummary,
  GoalsQuery,
  LineageLink,
  Responsibility,
} from '@zielmonitor/shared/schemas/goal';
import { responsibilityOf } from '../lib/responsibility.ts';
import type { ResponsibilityRepository } from './responsibility.ts';
import type { Confidence, Horizon, Status } from '@zielmonitor/shared/schemas/common';
import type { DatePrecision } from '@zielmonitor/shared/time/partial-date';
import { isLateReport } from '@zielmonitor/shared/time/berlin';
import { labelTrack, type UnlabelledEvent } from '../lib/status-history.ts';
import type { Db } from '../db/database.ts';
import { containsPattern } from '../lib/fold-text.ts';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import type { SourcesRepository } from './sources.ts';
import type { IndicatorsRepository } from './indicators.ts';
import type { RepliesRepository } from './replies.ts';
import { goalSchedule } from '@zielmonitor/shared/indicators/schedule';
import type { RatingState } from '@zielmonitor/shared/indicators/trajectory';
import type { Track } from '@zielmonitor/shared/schemas/common';
import { NOW, VERSION_AND_RESSORT, withStatus, type Cutoff } from './current-status-sql.ts';

/** Sort keys map to fixed SQL; no value from a request is ever put into SQL text. */
const ORDER_BY: Record<GoalsQuery['sort'], (direction: 'ASC' | 'DESC') => string> = {
  id: (d) => `version_key ${d}, id ${d}`,
  title: (d) => `title COLLATE NOCASE ${d}, id`,
  // Unknown Ressorts and missing due dates stay at the end in both directions.
  ressort: (d) => `lead_ressort IS NULL, lead_ressort ${d}, id`,
  horizon: (d) => `CASE horizon WHEN 'short' THEN 1 WHEN 'medium' THEN 2 WHEN 'long' THEN 3 ELSE 4 END ${d}, id`,
  status: (d) => `CASE status WHEN 'achieved' THEN 1 WHEN 'partially_achieved' THEN 2 WHEN 'in_progress' THEN 3
    WHEN 'planned' THEN 4 WHEN 'missed' THEN 5 WHEN 'dropped' THEN 6 ELSE 7 END ${d}, id`,
  dueDate: (d) => `effective_due_date IS NULL, effective_due_date ${d}, id`,
};

export type GoalRow = {
  id: string;
  version_key: string;
  title: string;
  description: string | null;
  lead_ressort: string | null;
  ressort_basis: string | null;
  field_of_action: string | null;
  field_of_action_basis: string | null;
  horizon: Horizon;
  horizon_note: string | null;
  due_date: string | null;
  due_date_precision: DatePrecision;
  due_wording: string | null;
  due_date_basis: string | null;
  confidence_goal: Confidence;
  confidence_ressort: Confidence;
  confidence_status: Confidence;
  confidence_note: string | null;
  origin_type: 'new' | 'derived' | 'unknown' | null;
  origin_certainty: 'documented' | 'probable' | 'unknown' | null;
  origin_basis: string | null;
  notes: string | null;
  status: Status;
  co_ressorts: string | null;
  revision: number;
  effective_due_date: string | null;
  o_status: Status | null;
  o_progress: number | null;
  o_date: string | null;
  o_precision: DatePrecision | null;
  o_reporter: string | null;
  i_status: Status | null;
  i_progress: number | null;
  i_date: string | null;
  i_precision: DatePrecision | null;
  i_reporter: string | null;
};

export type GoalDescription = Omit<GoalDetail, 'at' | 'history' | 'lineage' | 'permissions' | 'review' | 'replies'>;

export type EventRow = {
  id: number;
  goal_id: string;
  status: Status;
  progress: number | null;
  effective_date: string;
  effective_date_precision: 'day' | 'month' | 'year';
  effective_date_wording: string | null;
  recorded_at: string;
  reporter: string;
  track: 'official' | 'independent';
  original_wording: string | null;
  note: string | null;
  evidence_url: string | null;
  evidence_reference: string | null;
  source_id: string | null;
  goal_revision: number | null;
};

/** An event with what the record knows of its correction, as read for a goal's history. */
export type HistoryRow = EventRow & {
  sup_kind: 'correction' | 'withdrawal' | null;
  sup_recorded_at: string | null;
  sup_reporter: string | null;
  sup_reason: string | null;
  sup_replacement_id: number | null;
  corrects_id: number | null;
  corrected_status: Status | null;
};

/**
 * Events with what the record knew of their corrections: the supersession of each event recorded
 * by @knownAt, and for a correction the report it replaced.
 */
const HISTORY_SELECT = `SELECT e.*, s.kind AS sup_kind, s.recorded_at AS sup_recorded_at,
    s.reporter AS sup_reporter, s.reason AS sup_reason, s.replacement_event_id AS sup_replacement_id,
    c.superseded_event_id AS corrects_id, ce.status AS corrected_status
  FROM status_events e
  LEFT JOIN status_supersessions s ON s.superseded_event_id = e.id AND s.recorded_at <= @knownAt
  LEFT JOIN status_supersessions c ON c.replacement_event_id = e.id
  LEFT JOIN status_events ce ON ce.id = c.superseded_event_id`;

type LinkRow = {
  id: number;
  goal_id: string;
  goal_title: string;
  version_key: string;
  type: LineageLink['type'];
  certainty: LineageLink['certainty'];
  basis: string | null;
};

const current = (
  status: Status | null,
  progress: number | null,
  date: string | null,
  precision: DatePrecision | null,
  reporter: string | null,
): CurrentStatus | null =>
  status === null || date === null || reporter === null
    ? null
    : { status, progress, effectiveDate: date, effectiveDatePrecision: precision ?? 'day', reporter };

/** The date "overdue" is judged against: the as-of date, or today when reporting the present. */
export const referenceDate = (asOf: string): string => (asOf < todayInBerlin() ? asOf : todayInBerlin());

/** Who is responsible for a goal at a reference date (lib/responsibility.ts over the Ressort cuts). */
export type ResponsibilityResolver = (goal: {
  id: string;
  leadRessort: string | null;
  coRessorts: string[];
}) => Responsibility;

type TrackRatings = Record<Track, RatingState[]>;

function toGoalSummary(
  row: GoalRow,
  reference: string,
  responsibility: ResponsibilityResolver,
  ratings?: TrackRatings,
): GoalSummary {
  const coRessorts = row.co_ressorts ? row.co_ressorts.split(',') : [];
  const schedule = (status: Status | null, statusDate: string | null, states: RatingState[] = []) =>
    goalSchedule({
      dueDate: row.effective_due_date,
      status: status ?? 'unknown',
      statusDate,
      reference,
      ratings: states,
    });
  return {
    id: row.id,
    version: row.version_key,
    title: row.title,
    leadRessort: row.lead_ressort,
    coRessorts,
    fieldOfAction: row.field_of_action,
    horizon: row.horizon,
    dueDate: row.due_date,
    dueDatePrecision: row.due_date_precision,
    dueWording: row.due_wording,
    effectiveDueDate: row.effective_due_date,
    dueDateSource: row.due_date ? 'explicit' : row.effective_due_date ? 'horizon' : null,
    overdue: row.effective_due_date !== null && row.effective_due_date < reference && row.status !== 'achieved',
    confidence: { goal: row.confidence_goal, ressort: row.confidence_ressort, status: row.confidence_status },
    status: row.status,
    revision: row.revision,
    official: current(row.o_status, row.o_progress, row.o_date, row.o_precision, row.o_reporter),
    independent: current(row.i_status, row.i_progress, row.i_date, row.i_precision, row.i_reporter),
    responsibility: responsibility({ id: row.id, leadRessort: row.lead_ressort, coRessorts }),
    schedule: {
      official: schedule(row.status, row.o_date, ratings?.official),
      independent: schedule(row.i_status, row.i_date, ratings?.independent),
    },
  };
}

/** A history row with its correction, not yet set against the reports before it (lib/status-history.ts). */
export const toUnlabelledEvent = (row: HistoryRow): UnlabelledEvent => ({
  ...baseEvent(row),
  corrects: row.corrects_id,
  correctedStatus: row.corrected_status,
  supersededBy:
    row.sup_kind && row.sup_recorded_at && row.sup_reporter && row.sup_reason !== null
      ? {
          kind: row.sup_kind,
          recordedAt: row.sup_recorded_at,
          reporter: row.sup_reporter,
          reason: row.sup_reason,
          replacementEventId: row.sup_replacement_id,
        }
      : null,
});

const baseEvent = (row: EventRow) => ({
  id: row.id,
  goalId: row.goal_id,
  status: row.status,
  progress: row.progress,
  effectiveDate: row.effective_date,
  effectiveDatePrecision: row.effective_date_precision,
  effectiveDateWording: row.effective_date_wording,
  recordedAt: row.recorded_at,
  reporter: row.reporter,
  track: row.track,
  originalWording: row.original_wording,
  note: row.note,
  evidence: { url: row.evidence_url, reference: row.evidence_reference },
  sourceId: row.source_id,
  lateReport: isLateReport(row.effective_date, row.recorded_at),
});

export function createGoalsRepository(
  db: Db,
  sources: SourcesRepository,
  indicators: IndicatorsRepository,
  ressortLines: ResponsibilityRepository,
  replies: RepliesRepository,
) {
  /** Responsibility at a reference date: the Ressort cuts and assignments are read once per answer. */
  const resolverAt = (day: string): ResponsibilityResolver => {
    const cuts = ressortLines.cuts();
    const assignments = ressortLines.assignments(day);
    return (goal) => responsibilityOf(goal, assignments.get(goal.id) ?? null, cuts, day);
  };
  const filtered = `SELECT * FROM (${withStatus(`${VERSION_AND_RESSORT}
      AND (@horizon IS NULL OR g.horizon = @horizon)
      AND (@pattern IS NULL OR g.search_text LIKE @pattern ESCAPE '\\')`)})
    WHERE (@status IS NULL OR status = @status)
      AND (@dueBy IS NULL OR effective_due_date <= @dueBy)
      AND (@overdue IS NULL OR (effective_due_date < @reference AND status != 'achieved') = @overdue)`;
  const count = db.prepare<[Record<string, unknown>], { total: number }>(`SELECT count(*) AS total FROM (${filtered})`);
  const pages = new Map(
    Object.entries(ORDER_BY).flatMap(([key, orderBy]) =>
      (['asc', 'desc'] as const).map((order) => [
        `${key}:${order}`,
        db.prepare<[Record<string, unknown>], GoalRow>(
          `${filtered} ORDER BY ${orderBy(order === 'asc' ? 'ASC' : 'DESC')} LIMIT @limit OFFSET @offset`,
        ),
      ]),
    ),
  );
  const one = db.prepare<[Cutoff & { id: string }], GoalRow>(withStatus('g.id = @id'));
  // Official first, each track newest first: the index order read backwards, so nothing is sorted.
  const events = db.prepare<[Cutoff & { id: string }], HistoryRow>(`${HISTORY_SELECT}
    WHERE e.goal_id = @id AND e.effective_date <= @asOf AND e.recorded_at <= @knownAt
    ORDER BY e.track DESC, e.effective_date DESC, e.id DESC`);
  const linkSelect = `SELECT l.id, g.id AS goal_id, g.title AS goal_title, g.version_key, l.type, l.certainty, l.basis
    FROM lineage_links l`;
  const predecessors = db.prepare<[string], LinkRow>(
    `${linkSelect} JOIN goals g ON g.id = l.from_goal_id WHERE l.to_goal_id = ? ORDER BY g.id`,
  );
  const successors = db.prepare<[string], LinkRow>(
    `${linkSelect} JOIN goals g ON g.id = l.to_goal_id WHERE l.from_goal_id = ? ORDER BY g.id`,
  );
  const toLink = (row: LinkRow): LineageLink => ({
    goalId: row.goal_id,
    goalTitle: row.goal_title,
    version: row.version_key,
    type: row.type,
    certainty: row.certainty,
    basis: row.basis,
    sources: sources.forLineageLink(row.id),
  });

  /** A goal with its texts and sources, without its history: a few index lookups at any history size. */
  const describe = (id: string, at: Cutoff = NOW): GoalDescription | undefined => {
    const row = one.get({ id, ...at });
    if (!row) return undefined;
    const reference = referenceDate(at.asOf);
    return {
      ...toGoalSummary(
        row,
        reference,
        resolverAt(reference),
        indicators.ratingStatesOfGoals([id], at, reference).get(id),
      ),
      description: row.description,
      ressortBasis: row.ressort_basis,
      fieldOfActionBasis: row.field_of_action_basis,
      horizonNote: row.horizon_note,
      dueDateBasis: row.due_date_basis,
      confidenceNote: row.confidence_note,
      notes: row.notes,
      origin:
        row.origin_type && row.origin_certainty
          ? { type: row.origin_type, certainty: row.origin_certainty, basis: row.origin_basis }
          : null,
      sources: sources.forGoal(id),
    };
  };

  /**
   * Every status event of a goal by the point in time, newest first, the two tracks apart, each
   * labelled against the one before it and marked where a correction or withdrawal superseded it.
   */
  const history = (id: string, at: Cutoff = NOW): GoalDetail['history'] => {
    const all = events.all({ id, ...at }).map(toUnlabelledEvent);
    return {
      official: labelTrack(all.filter((e) => e.track === 'official')),
      independent: labelTrack(all.filter((e) => e.track === 'independent')),
    };
  };

  return {
    list(query: GoalsQuery, at: Cutoff = NOW): { items: GoalSummary[]; total: number } {
      const params = {
        ...at,
        version: query.version ?? null,
        ressort: query.ressort ?? null,
        horizon: query.horizon ?? null,
        status: query.status ?? null,
        pattern: query.q ? containsPattern(query.q) : null,
        dueBy: query.dueBy ?? null,
        overdue: query.overdue === undefined ? null : Number(query.overdue === 'true'),
        reference: referenceDate(at.asOf),
      };
      const page = pages.get(`${query.sort}:${query.order}`);
      if (!page) throw new Error(`no statement for sort ${query.sort}:${query.order}`);
      const rows = page.all({ ...params, limit: query.limit, offset: query.offset });
      // Goals with indicators take their ratings into the Terminlage: one look-up for the whole page.
      const ratings = indicators.ratingStatesOfGoals(
        rows.map((row) => row.id),
        at,
        params.reference,
      );
      const resolve = resolverAt(params.reference);
      const items = rows.map((row) => toGoalSummary(row, params.reference, resolve, ratings.get(row.id)));
      return { items, total: count.get(params)?.total ?? 0 };
    },

    get(id: string, at: Cutoff = NOW): Omit<GoalDetail, 'at' | 'permissions' | 'review'> | undefined {
      const goal = describe(id, at);
      if (!goal) return undefined;
      const events = history(id, at);
      const shown = new Set([...events.official, ...events.independent].map((e) => e.id));
      return {
        ...goal,
        history: events,
        // Replies to the reports shown: one to a report effective after asOf is not part of this view.
        replies: replies.ofGoal(id, at.knownAt).filter((r) => shown.has(r.target.id)),
        lineage: { predecessors: predecessors.all(id).map(toLink), successors: successors.all(id).map(toLink) },
      };
    },

    describe,
    history,
  };
}
