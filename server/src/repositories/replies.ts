import type { Reply } from '@zielmonitor/shared/schemas/reply';
import type { Db } from '../db/database.ts';

type ReplyRow = {
  id: number;
  target_kind: 'status_event' | 'reading';
  status_event_id: number | null;
  reading_id: number | null;
  author_kind: 'organisation' | 'ressort';
  author: string;
  text: string;
  evidence_url: string | null;
  evidence_reference: string | null;
  recorded_at: string;
  corrects_reply_id: number | null;
  goal_id: string | null;
  indicator_id: string | null;
  s_kind: 'correction' | 'withdrawal' | null;
  s_recorded_at: string | null;
  s_reason: string | null;
  s_replacement: number | null;
};

/** A reply with its entry's goal or indicator and its supersession as known at @knownAt. */
const SELECT = `SELECT r.*, e.goal_id, ir.indicator_id,
    s.kind AS s_kind, s.recorded_at AS s_recorded_at, s.reason AS s_reason, s.replacement_reply_id AS s_replacement
  FROM replies r
  LEFT JOIN status_events e ON e.id = r.status_event_id
  LEFT JOIN indicator_readings ir ON ir.id = r.reading_id
  LEFT JOIN reply_supersessions s ON s.reply_id = r.id AND s.recorded_at <= @knownAt`;

const toReply = (row: ReplyRow): Reply => ({
  id: row.id,
  target: {
    kind: row.target_kind,
    id: row.target_kind === 'status_event' ? (row.status_event_id ?? 0) : (row.reading_id ?? 0),
  },
  goalId: row.goal_id,
  indicatorId: row.indicator_id,
  author: { kind: row.author_kind, name: row.author },
  text: row.text,
  evidence: { url: row.evidence_url, reference: row.evidence_reference },
  recordedAt: row.recorded_at,
  corrects: row.corrects_reply_id,
  supersededBy:
    row.s_kind && row.s_recorded_at && row.s_reason !== null
      ? { kind: row.s_kind, recordedAt: row.s_recorded_at, reason: row.s_reason, replacementReplyId: row.s_replacement }
      : null,
});

export type NewReply = {
  target: Reply['target'];
  author: Reply['author'];
  text: string;
  evidenceUrl: string | null;
  evidenceReference: string | null;
  recordedAt: string;
  userId: number;
  corrects: number | null;
};

const FOREVER = '9999-12-31T23:59:59.999Z';

/** Replies (Stellungnahmen) and their corrections and withdrawals; append-only (migration 019). */
export function createRepliesRepository(db: Db) {
  const one = db.prepare<[{ id: number; knownAt: string }], ReplyRow>(`${SELECT} WHERE r.id = @id`);
  const ofGoal = db.prepare<[{ goalId: string; knownAt: string }], ReplyRow>(
    `${SELECT} WHERE e.goal_id = @goalId AND r.recorded_at <= @knownAt ORDER BY r.recorded_at, r.id`,
  );
  const ofIndicator = db.prepare<[{ indicatorId: string; knownAt: string }], ReplyRow>(
    `${SELECT} WHERE ir.indicator_id = @indicatorId AND r.recorded_at <= @knownAt ORDER BY r.recorded_at, r.id`,
  );
  const ofEvents = db.prepare<[{ ids: string; knownAt: string }], ReplyRow>(
    `${SELECT} WHERE r.status_event_id IN (SELECT value FROM json_each(@ids)) AND r.recorded_at <= @knownAt
     ORDER BY r.recorded_at, r.id`,
  );
  const entered = db.prepare<[{ from: string; until: string; knownAt: string; limit: number }], ReplyRow>(
    `${SELECT} WHERE r.target_kind = 'status_event' AND r.recorded_at >= @from AND r.recorded_at <= @until
       AND r.recorded_at <= @knownAt ORDER BY r.recorded_at DESC, r.id DESC LIMIT @limit`,
  );
  const firstBy = db
    .prepare<[number | null, number | null, string, string], number>(
      `SELECT id FROM replies WHERE status_event_id IS ? AND reading_id IS ? AND author_kind = ? AND author = ?
       AND corrects_reply_id IS NULL`,
    )
    .pluck();
  const insert = db.prepare(`INSERT INTO replies (target_kind, status_event_id, reading_id, author_kind, author, text,
      evidence_url, evidence_reference, recorded_at, user_id, corrects_reply_id)
    VALUES (@targetKind, @statusEventId, @readingId, @authorKind, @author, @text, @evidenceUrl, @evidenceReference,
      @recordedAt, @userId, @corrects)`);
  const supersede = db.prepare(`INSERT INTO reply_supersessions (reply_id, kind, replacement_reply_id, reason,
      recorded_at, user_id) VALUES (@replyId, @kind, @replacementId, @reason, @recordedAt, @userId)`);

  return {
    get: (id: number, knownAt = FOREVER): Reply | undefined => {
      const row = one.get({ id, knownAt });
      return row && toReply(row);
    },
    /** Replies to a goal's entries as known at a moment, oldest first. */
    ofGoal: (goalId: string, knownAt = FOREVER): Reply[] => ofGoal.all({ goalId, knownAt }).map(toReply),
    ofIndicator: (indicatorId: string, knownAt = FOREVER): Reply[] =>
      ofIndicator.all({ indicatorId, knownAt }).map(toReply),
    ofEvents: (ids: readonly number[], knownAt = FOREVER): Reply[] =>
      ids.length === 0 ? [] : ofEvents.all({ ids: JSON.stringify(ids), knownAt }).map(toReply),
    /** Replies to status reports entered in [from, until], newest first. */
    enteredBetween: (from: string, until: string, knownAt: string, limit: number): Reply[] =>
      entered.all({ from, until, knownAt, limit }).map(toReply),
    /** The first reply of an author to an entry, if any: nobody replies twice. */
    firstBy: (target: Reply['target'], author: Reply['author']): number | undefined =>
      firstBy.get(
        target.kind === 'status_event' ? target.id : null,
        target.kind === 'reading' ? target.id : null,
        author.kind,
        author.name,
      ),
    insert: (reply: NewReply): number =>
      Number(
        insert.run({
          targetKind: reply.target.kind,
          statusEventId: reply.target.kind === 'status_event' ? reply.target.id : null,
          readingId: reply.target.kind === 'reading' ? reply.target.id : null,
          authorKind: reply.author.kind,
          author: reply.author.name,
          text: reply.text,
          evidenceUrl: reply.evidenceUrl,
          evidenceReference: reply.evidenceReference,
          recordedAt: reply.recordedAt,
          userId: reply.userId,
          corrects: reply.corrects,
        }).lastInsertRowid,
      ),
    supersede: (s: {
      replyId: number;
      kind: 'correction' | 'withdrawal';
      replacementId: number | null;
      reason: string;
      recordedAt: string;
      userId: number;
    }): void => {
      supersede.run(s);
    },
  };
}
export type RepliesRepository = ReturnType<typeof createRepliesRepository>;
