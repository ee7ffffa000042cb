import type { RequestState, RequestSubjectKind } from '@zielmonitor/shared/schemas/correction-request';
import type { Db } from '../db/database.ts';

export type StoredRequest = {
  id: number;
  subjectKind: RequestSubjectKind;
  goalId: string | null;
  indicatorId: string | null;
  statusEventId: number | null;
  readingId: number | null;
  description: string;
  evidenceUrl: string | null;
  /** Only until the answer is queued; never leaves the server except as the answer's recipient. */
  email: string | null;
  createdAt: string;
  state: RequestState;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  linkedEventId: number | null;
  linkedReadingId: number | null;
  ressorts: string[];
};

type Row = {
  id: number;
  subject_kind: RequestSubjectKind;
  goal_id: string | null;
  indicator_id: string | null;
  status_event_id: number | null;
  reading_id: number | null;
  description: string;
  evidence_url: string | null;
  email: string | null;
  created_at: string;
  state: RequestState;
  answer: string | null;
  answered_at: string | null;
  answered_by_name: string | null;
  linked_event_id: number | null;
  linked_reading_id: number | null;
  ressorts: string | null;
};

const SELECT = `SELECT c.*, u.name AS answered_by_name,
    (SELECT group_concat(ressort_code, ',') FROM (SELECT ressort_code FROM correction_request_ressorts
       WHERE request_id = c.id ORDER BY ressort_code)) AS ressorts
  FROM correction_requests c LEFT JOIN users u ON u.id = c.answered_by`;

const toRequest = (row: Row): StoredRequest => ({
  id: row.id,
  subjectKind: row.subject_kind,
  goalId: row.goal_id,
  indicatorId: row.indicator_id,
  statusEventId: row.status_event_id,
  readingId: row.reading_id,
  description: row.description,
  evidenceUrl: row.evidence_url,
  email: row.email,
  createdAt: row.created_at,
  state: row.state,
  answer: row.answer,
  answeredAt: row.answered_at,
  answeredBy: row.answered_by_name,
  linkedEventId: row.linked_event_id,
  linkedReadingId: row.linked_reading_id,
  ressorts: row.ressorts ? row.ressorts.split(',') : [],
});

export type RequestCounts = { ressort: string | null; open: number; accepted: number; declined: number };

/** Correction requests from the public (migration 019). */
export function createCorrectionRequestsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO correction_requests (subject_kind, goal_id, indicator_id, status_event_id,
      reading_id, description, evidence_url, email, created_at)
    VALUES (@subjectKind, @goalId, @indicatorId, @statusEventId, @readingId, @description, @evidenceUrl, @email, @createdAt)`);
  const insertRessort = db.prepare<[number, string]>(
    'INSERT INTO correction_request_ressorts (request_id, ressort_code) VALUES (?, ?)',
  );
  const one = db.prepare<[number], Row>(`${SELECT} WHERE c.id = ?`);
  const all = db.prepare<[{ state: string | null }], Row>(
    `${SELECT} WHERE (@state IS NULL OR c.state = @state) ORDER BY c.state <> 'open', c.created_at DESC, c.id DESC LIMIT 500`,
  );
  // The answer and the erasure of the address are one write: the address is gone once the answer is queued.
  const answer = db.prepare(`UPDATE correction_requests SET state = @state, answer = @answer, answered_at = @answeredAt,
      answered_by = @answeredBy, linked_event_id = @linkedEventId, linked_reading_id = @linkedReadingId, email = NULL
    WHERE id = @id AND state = 'open'`);
  const counts = db.prepare<[], RequestCounts>(`SELECT r.ressort_code AS ressort,
      sum(c.state = 'open') AS open, sum(c.state = 'accepted') AS accepted, sum(c.state = 'declined') AS declined
    FROM correction_requests c LEFT JOIN correction_request_ressorts r ON r.request_id = c.id
    GROUP BY r.ressort_code ORDER BY r.ressort_code`);
  const totals = db.prepare<[], Omit<RequestCounts, 'ressort'>>(`SELECT coalesce(sum(state = 'open'), 0) AS open,
      coalesce(sum(state = 'accepted'), 0) AS accepted, coalesce(sum(state = 'declined'), 0) AS declined
    FROM correction_requests`);

  return {
    /** Call inside a transaction: the request and its Ressorts are one write. */
    insert(
      request: Omit<
        StoredRequest,
        'id' | 'state' | 'answer' | 'answeredAt' | 'answeredBy' | 'linkedEventId' | 'linkedReadingId'
      >,
    ): number {
      const { ressorts, ...row } = request;
      const id = Number(insert.run(row).lastInsertRowid);
      ressorts.forEach((code) => insertRessort.run(id, code));
      return id;
    },
    get: (id: number): StoredRequest | undefined => {
      const row = one.get(id);
      return row && toRequest(row);
    },
    list: (state: RequestState | null): StoredRequest[] => all.all({ state }).map(toRequest),
    answer: (a: {
      id: number;
      state: 'accepted' | 'declined';
      answer: string | null;
      answeredAt: string;
      answeredBy: number;
      linkedEventId: number | null;
      linkedReadingId: number | null;
    }): boolean => answer.run(a).changes === 1,
    /** Open and answered requests per Ressort (null: about nothing with a Ressort), and in total. */
    counts: (): { perRessort: RequestCounts[]; total: Omit<RequestCounts, 'ressort'> } => ({
      perRessort: counts.all(),
      total: totals.get() ?? { open: 0, accepted: 0, declined: 0 },
    }),
  };
}
