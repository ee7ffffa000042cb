import type { Status, Track } from '@zielmonitor/shared/schemas/common';
import type { RequestState, RequestSubjectKind } from '@zielmonitor/shared/schemas/correction-request';
import type { CountingRule } from '@zielmonitor/shared/vocabulary/counting-rules';
import type { FigureMeasure } from '@zielmonitor/shared/vocabulary/figure-words';
import type { Db } from '../db/database.ts';

/** A figure of the overview a request is about (migration 021): its basis, seen and counted value. */
export type StoredFigure = {
  measure: FigureMeasure;
  status: Status | null;
  ressort: string | null;
  version: string;
  track: Track;
  rule: CountingRule;
  asOf: string;
  knownAt: string;
  valueSeen: number;
  valueComputed: number;
};

export type StoredRequest = {
  id: number;
  subjectKind: RequestSubjectKind;
  goalId: string | null;
  indicatorId: string | null;
  statusEventId: number | null;
  readingId: number | null;
  figure: StoredFigure | null;
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
  figure_id: number | null;
  f_measure: FigureMeasure | null;
  f_status: Status | null;
  f_ressort: string | null;
  f_version: string | null;
  f_track: Track | null;
  f_rule: CountingRule | null;
  f_as_of: string | null;
  f_known_at: string | null;
  f_value_seen: number | null;
  f_value_computed: number | null;
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
    f.measure AS f_measure, f.status AS f_status, f.ressort_code AS f_ressort, f.version_key AS f_version,
    f.track AS f_track, f.rule AS f_rule, f.as_of AS f_as_of, f.known_at AS f_known_at,
    f.value_seen AS f_value_seen, f.value_computed AS f_value_computed,
    (SELECT group_concat(ressort_code, ',') FROM (SELECT ressort_code FROM correction_request_ressorts
       WHERE request_id = c.id ORDER BY ressort_code)) AS ressorts
  FROM correction_requests c LEFT JOIN users u ON u.id = c.answered_by
  LEFT JOIN request_figures f ON f.id = c.figure_id`;

const toFigure = (row: Row): StoredFigure | null =>
  row.f_measure === null ||
  row.f_version === null ||
  row.f_track === null ||
  row.f_rule === null ||
  row.f_as_of === null ||
  row.f_known_at === null ||
  row.f_value_seen === null ||
  row.f_value_computed === null
    ? null
    : {
        measure: row.f_measure,
        status: row.f_status,
        ressort: row.f_ressort,
        version: row.f_version,
        track: row.f_track,
        rule: row.f_rule,
        asOf: row.f_as_of,
        knownAt: row.f_known_at,
        valueSeen: row.f_value_seen,
        valueComputed: row.f_value_computed,
      };

const toRequest = (row: Row): StoredRequest => ({
  id: row.id,
  subjectKind: row.subject_kind,
  goalId: row.goal_id,
  indicatorId: row.indicator_id,
  statusEventId: row.status_event_id,
  readingId: row.reading_id,
  figure: toFigure(row),
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
      reading_id, figure_id, description, evidence_url, email, created_at)
    VALUES (@subjectKind, @goalId, @indicatorId, @statusEventId, @readingId, @figureId, @description, @evidenceUrl,
      @email, @createdAt)`);
  const insertFigure = db.prepare(`INSERT INTO request_figures (measure, status, ressort_code, version_key, track,
      rule, as_of, known_at, value_seen, value_computed)
    VALUES (@measure, @status, @ressort, @version, @track, @rule, @asOf, @knownAt, @valueSeen, @valueComputed)`);
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
      const { ressorts, figure, ...row } = request;
      const figureId = figure ? Number(insertFigure.run(figure).lastInsertRowid) : null;
      const id = Number(insert.run({ ...row, figureId }).lastInsertRowid);
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
