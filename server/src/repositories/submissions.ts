import type { Db } from '../db/database.ts';

import type { SubmissionKind } from '@zielmonitor/shared/schemas/submission';
export type SubmissionState = 'pending' | 'released' | 'returned';

/** What a status submission carries: the validated body of the report, correction or withdrawal. */
/** Stored as JSON: a key that is undefined is simply not written, so the request bodies fit as they are. */
export type SubmissionPayload = {
  status?: string | undefined;
  progress?: number | null | undefined;
  effectiveDate?: string | undefined;
  note?: string | undefined;
  evidence?: { url?: string | undefined; reference?: string | undefined } | undefined;
  reason?: string | undefined;
};

type Common = {
  id: number;
  kind: SubmissionKind;
  reporter: string;
  submittedBy: number;
  submittedAt: string;
  state: SubmissionState;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
};

/** A goal's report, correction or withdrawal waiting for (or decided by) a second person. */
export type StoredGoalSubmission = Common & {
  subject: 'goal';
  goalId: string;
  goalTitle: string;
  targetEventId: number | null;
  releasedEventId: number | null;
  payload: SubmissionPayload;
};

/** An indicator's reading, or a correction or withdrawal of one; the payload is checked where it is used. */
export type StoredReadingSubmission = Common & {
  subject: 'indicator';
  indicatorId: string;
  indicatorName: string;
  targetReadingId: number | null;
  releasedReadingId: number | null;
  payload: unknown;
};

export type StoredSubmission = StoredGoalSubmission | StoredReadingSubmission;

type Row = {
  id: number;
  goal_id: string | null;
  goal_title: string | null;
  indicator_id: string | null;
  indicator_name: string | null;
  kind: SubmissionKind;
  target_event_id: number | null;
  target_reading_id: number | null;
  payload_json: string;
  reporter: string;
  submitted_by: number;
  submitted_at: string;
  state: SubmissionState;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  released_event_id: number | null;
  released_reading_id: number | null;
};

function toSubmission(row: Row): StoredSubmission {
  const common: Common = {
    id: row.id,
    kind: row.kind,
    reporter: row.reporter,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    state: row.state,
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
  };
  const payload: unknown = JSON.parse(row.payload_json);
  if (row.indicator_id !== null) {
    return {
      ...common,
      subject: 'indicator',
      indicatorId: row.indicator_id,
      indicatorName: row.indicator_name ?? row.indicator_id,
      targetReadingId: row.target_reading_id,
      releasedReadingId: row.released_reading_id,
      payload,
    };
  }
  if (row.goal_id === null) throw new Error(`submission ${row.id} is about nothing`);
  return {
    ...common,
    subject: 'goal',
    goalId: row.goal_id,
    goalTitle: row.goal_title ?? row.goal_id,
    targetEventId: row.target_event_id,
    releasedEventId: row.released_event_id,
    // Written by this application from a validated body (status-updates.ts), never from outside.
    payload: payload as SubmissionPayload,
  };
}

const SELECT = `SELECT s.*, g.title AS goal_title, i.name AS indicator_name, u.name AS decided_by_name
  FROM submissions s LEFT JOIN goals g ON g.id = s.goal_id LEFT JOIN indicators i ON i.id = s.indicator_id
  LEFT JOIN users u ON u.id = s.decided_by`;

type NewSubmission = {
  kind: SubmissionKind;
  payload: unknown;
  reporter: string;
  submittedBy: number;
  submittedAt: string;
};

export function createSubmissionsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO submissions (goal_id, indicator_id, kind, target_event_id, target_reading_id,
      payload_json, reporter, submitted_by, submitted_at)
    VALUES (@goalId, @indicatorId, @kind, @targetEventId, @targetReadingId, @payloadJson, @reporter, @submittedBy,
      @submittedAt)`);
  const byId = db.prepare<[number], Row>(`${SELECT} WHERE s.id = ?`);
  const byState = db.prepare<[{ state: SubmissionState; goal: string | null; indicator: string | null }], Row>(
    `${SELECT} WHERE s.state = @state AND (@goal IS NULL OR s.goal_id = @goal)
       AND (@indicator IS NULL OR s.indicator_id = @indicator) ORDER BY s.submitted_at, s.id`,
  );
  const pendingForGoal = db
    .prepare<[string], number>("SELECT count(*) FROM submissions WHERE goal_id = ? AND state = 'pending'")
    .pluck();
  const pendingForIndicator = db
    .prepare<[string], number>("SELECT count(*) FROM submissions WHERE indicator_id = ? AND state = 'pending'")
    .pluck();
  const pendingEvent = db
    .prepare<[number], number>("SELECT count(*) FROM submissions WHERE target_event_id = ? AND state = 'pending'")
    .pluck();
  const pendingReading = db
    .prepare<[number], number>("SELECT count(*) FROM submissions WHERE target_reading_id = ? AND state = 'pending'")
    .pluck();
  const decide = db.prepare(`UPDATE submissions SET state = @state, decided_by = @decidedBy, decided_at = @decidedAt,
      decision_reason = @reason, released_event_id = @releasedEventId, released_reading_id = @releasedReadingId
    WHERE id = @id AND state = 'pending'`);
  const add = (row: Record<string, unknown> & NewSubmission): number =>
    Number(insert.run({ ...row, payloadJson: JSON.stringify(row.payload) }).lastInsertRowid);

  return {
    insertForGoal: (row: NewSubmission & { goalId: string; targetEventId: number | null }): number =>
      add({ ...row, indicatorId: null, targetReadingId: null }),
    insertForIndicator: (row: NewSubmission & { indicatorId: string; targetReadingId: number | null }): number =>
      add({ ...row, goalId: null, targetEventId: null }),
    get: (id: number): StoredSubmission | undefined => {
      const row = byId.get(id);
      return row && toSubmission(row);
    },
    list: (state: SubmissionState, about: { goal?: string; indicator?: string } = {}): StoredSubmission[] =>
      byState.all({ state, goal: about.goal ?? null, indicator: about.indicator ?? null }).map(toSubmission),
    pendingCount: (about: { goal: string } | { indicator: string }): number =>
      ('goal' in about ? pendingForGoal.get(about.goal) : pendingForIndicator.get(about.indicator)) ?? 0,
    /** Whether a correction or withdrawal of this report already waits for release. */
    targetPending: (eventId: number): boolean => (pendingEvent.get(eventId) ?? 0) > 0,
    /** Whether a correction or withdrawal of this reading already waits for release. */
    readingTargetPending: (readingId: number): boolean => (pendingReading.get(readingId) ?? 0) > 0,
    /** Records the decision; false when it was decided meanwhile. */
    decide: (row: {
      id: number;
      state: 'released' | 'returned';
      decidedBy: number;
      decidedAt: string;
      reason: string | null;
      releasedEventId?: number | null;
      releasedReadingId?: number | null;
    }): boolean =>
      decide.run({
        ...row,
        releasedEventId: row.releasedEventId ?? null,
        releasedReadingId: row.releasedReadingId ?? null,
      }).changes === 1,
  };
}
