import type { Db } from '../db/database.ts';

import type { SubmissionKind } from '@zielmonitor/shared/schemas/submission';
export type SubmissionState = 'pending' | 'released' | 'returned';

/** What a submission carries: the validated body of the report, correction or withdrawal. */
/** Stored as JSON: a key that is undefined is simply not written, so the request bodies fit as they are. */
export type SubmissionPayload = {
  status?: string | undefined;
  progress?: number | null | undefined;
  effectiveDate?: string | undefined;
  note?: string | undefined;
  evidence?: { url?: string | undefined; reference?: string | undefined } | undefined;
  reason?: string | undefined;
};

export type StoredSubmission = {
  id: number;
  goalId: string;
  goalTitle: string;
  kind: SubmissionKind;
  targetEventId: number | null;
  payload: SubmissionPayload;
  reporter: string;
  submittedBy: number;
  submittedAt: string;
  state: SubmissionState;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  releasedEventId: number | null;
};

type Row = {
  id: number;
  goal_id: string;
  goal_title: string;
  kind: SubmissionKind;
  target_event_id: number | null;
  payload_json: string;
  reporter: string;
  submitted_by: number;
  submitted_at: string;
  state: SubmissionState;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  released_event_id: number | null;
};

const toSubmission = (row: Row): StoredSubmission => ({
  id: row.id,
  goalId: row.goal_id,
  goalTitle: row.goal_title,
  kind: row.kind,
  targetEventId: row.target_event_id,
  payload: JSON.parse(row.payload_json) as SubmissionPayload,
  reporter: row.reporter,
  submittedBy: row.submitted_by,
  submittedAt: row.submitted_at,
  state: row.state,
  decidedBy: row.decided_by_name,
  decidedAt: row.decided_at,
  decisionReason: row.decision_reason,
  releasedEventId: row.released_event_id,
});

const SELECT = `SELECT s.*, g.title AS goal_title, u.name AS decided_by_name
  FROM submissions s JOIN goals g ON g.id = s.goal_id LEFT JOIN users u ON u.id = s.decided_by`;

export function createSubmissionsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO submissions (goal_id, kind, target_event_id, payload_json, reporter,
      submitted_by, submitted_at) VALUES (@goalId, @kind, @targetEventId, @payloadJson, @reporter, @submittedBy, @submittedAt)`);
  const byId = db.prepare<[number], Row>(`${SELECT} WHERE s.id = ?`);
  const byState = db.prepare<[{ state: SubmissionState; goal: string | null }], Row>(
    `${SELECT} WHERE s.state = @state AND (@goal IS NULL OR s.goal_id = @goal) ORDER BY s.submitted_at, s.id`,
  );
  const pendingFor = db
    .prepare<[string], number>("SELECT count(*) FROM submissions WHERE goal_id = ? AND state = 'pending'")
    .pluck();
  const pendingTarget = db
    .prepare<[number], number>("SELECT count(*) FROM submissions WHERE target_event_id = ? AND state = 'pending'")
    .pluck();
  const decide = db.prepare(`UPDATE submissions SET state = @state, decided_by = @decidedBy, decided_at = @decidedAt,
      decision_reason = @reason, released_event_id = @releasedEventId WHERE id = @id AND state = 'pending'`);

  return {
    insert: (row: {
      goalId: string;
      kind: SubmissionKind;
      targetEventId: number | null;
      payload: SubmissionPayload;
      reporter: string;
      submittedBy: number;
      submittedAt: string;
    }): number => Number(insert.run({ ...row, payloadJson: JSON.stringify(row.payload) }).lastInsertRowid),
    get: (id: number): StoredSubmission | undefined => {
      const row = byId.get(id);
      return row && toSubmission(row);
    },
    list: (state: SubmissionState, goal: string | null = null): StoredSubmission[] =>
      byState.all({ state, goal }).map(toSubmission),
    pendingCount: (goalId: string): number => pendingFor.get(goalId) ?? 0,
    /** Whether a correction or withdrawal of this report already waits for release. */
    targetPending: (eventId: number): boolean => (pendingTarget.get(eventId) ?? 0) > 0,
    /** Records the decision; false when it was decided meanwhile. */
    decide: (row: {
      id: number;
      state: 'released' | 'returned';
      decidedBy: number;
      decidedAt: string;
      reason: string | null;
      releasedEventId: number | null;
    }): boolean => decide.run(row).changes === 1,
  };
}
