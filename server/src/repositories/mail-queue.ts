import type { Db } from '../db/database.ts';

export type MailState = 'pending' | 'sent' | 'failed';

export type NewQueuedMail = {
  dedupeKey: string;
  messageId: string;
  recipients: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  createdAt: string;
};

export type QueuedMail = NewQueuedMail & {
  id: number;
  state: MailState;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  failedAt: string | null;
  lastError: string | null;
  redactedAt: string | null;
};

type Row = {
  id: number;
  dedupe_key: string;
  message_id: string;
  recipients: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: string;
  state: MailState;
  created_at: string;
  attempts: number;
  next_attempt_at: string | null;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
  redacted_at: string | null;
};

const toMail = (row: Row): QueuedMail => ({
  id: row.id,
  dedupeKey: row.dedupe_key,
  messageId: row.message_id,
  recipients: JSON.parse(row.recipients) as string[],
  subject: row.subject,
  text: row.text_body,
  html: row.html_body,
  headers: JSON.parse(row.headers) as Record<string, string>,
  state: row.state,
  createdAt: row.created_at,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  sentAt: row.sent_at,
  failedAt: row.failed_at,
  lastError: row.last_error,
  redactedAt: row.redacted_at,
});

/** The outgoing mail queue (migration 016). Times are ISO strings, so they compare as text. */
export function createMailQueueRepository(db: Db) {
  type InsertParams = Omit<NewQueuedMail, 'recipients' | 'headers'> & { recipients: string; headers: string };
  const insert = db.prepare<InsertParams, { id: number }>(
    `INSERT INTO mail_queue (dedupe_key, message_id, recipients, subject, text_body, html_body, headers, created_at, next_attempt_at)
     VALUES (@dedupeKey, @messageId, @recipients, @subject, @text, @html, @headers, @createdAt, @createdAt)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
  );
  const idByKey = db.prepare<[string], number>('SELECT id FROM mail_queue WHERE dedupe_key = ?').pluck();
  const byId = db.prepare<[number], Row>('SELECT * FROM mail_queue WHERE id = ?');
  const byState = db.prepare<[MailState, number], Row>('SELECT * FROM mail_queue WHERE state = ? ORDER BY id LIMIT ?');
  // One statement picks and leases, so two senders never take the same message.
  const claim = db.prepare<[string, string, number], Row>(
    `UPDATE mail_queue SET next_attempt_at = ?
     WHERE id IN (SELECT id FROM mail_queue WHERE state = 'pending' AND next_attempt_at <= ?
                  ORDER BY next_attempt_at, id LIMIT ?)
     RETURNING *`,
  );
  const sent = db.prepare<[string, string | null, number]>(
    `UPDATE mail_queue SET state = 'sent', sent_at = ?, last_error = ?, attempts = attempts + 1, next_attempt_at = NULL
     WHERE id = ? AND state = 'pending'`,
  );
  const retry = db.prepare<[string, string, number]>(
    `UPDATE mail_queue SET next_attempt_at = ?, last_error = ?, attempts = attempts + 1
     WHERE id = ? AND state = 'pending'`,
  );
  const failed = db.prepare<[string, string, number]>(
    `UPDATE mail_queue SET state = 'failed', failed_at = ?, last_error = ?, attempts = attempts + 1, next_attempt_at = NULL
     WHERE id = ? AND state = 'pending'`,
  );
  const redact = db.prepare<[string, string]>(
    `UPDATE mail_queue SET recipients = '[]', subject = '', text_body = '', html_body = '', headers = '{}', redacted_at = ?
     WHERE state <> 'pending' AND redacted_at IS NULL AND coalesce(sent_at, failed_at) < ?`,
  );
  // A subscription's mails are keyed `sub:<id>:…`; the prefix is a parameter, its LIKE wildcards escaped.
  const cancelPrefixed = db.prepare<[string, string, string]>(
    `UPDATE mail_queue SET state = 'failed', failed_at = ?, last_error = ?, next_attempt_at = NULL
     WHERE state = 'pending' AND dedupe_key LIKE ? ESCAPE '\\'`,
  );
  const erasePrefixed = db.prepare<[string, string]>(
    `UPDATE mail_queue SET recipients = '[]', subject = '', text_body = '', html_body = '', headers = '{}', redacted_at = ?
     WHERE state <> 'pending' AND redacted_at IS NULL AND dedupe_key LIKE ? ESCAPE '\\'`,
  );

  return {
    /**
     * Forgets the mails queued under a dedupe-key prefix (a subscription that ended): those not yet
     * sent are not sent, and address and text of all of them are erased. The rows stay for deduplication.
     */
    forgetPrefixed(prefix: string, reason: string, now: Date): number {
      const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const cancelled = cancelPrefixed.run(now.toISOString(), reason, pattern).changes;
      erasePrefixed.run(now.toISOString(), pattern);
      return cancelled;
    },
    /** Adds a message; with a dedupe key already queued (in any state) it adds nothing. */
    insert(mail: NewQueuedMail): { id: number; created: boolean } {
      const row = insert.get({
        dedupeKey: mail.dedupeKey,
        messageId: mail.messageId,
        recipients: JSON.stringify(mail.recipients),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: JSON.stringify(mail.headers),
        createdAt: mail.createdAt,
      });
      if (row) return { id: row.id, created: true };
      const id = idByKey.get(mail.dedupeKey);
      if (id === undefined) throw new Error('mail_queue: conflicting dedupe key vanished');
      return { id, created: false };
    },
    get: (id: number): QueuedMail | undefined => {
      const row = byId.get(id);
      return row && toMail(row);
    },
    /** Oldest first; for the admin view of failed messages and for tests. */
    list: (state: MailState, limit = 100): QueuedMail[] => byState.all(state, limit).map(toMail),
    /** Takes up to `limit` due messages and leases them until `leaseUntil` (a crash makes them due again then). */
    claimDue: (now: Date, leaseUntil: Date, limit: number): QueuedMail[] =>
      claim.all(leaseUntil.toISOString(), now.toISOString(), limit).map(toMail),
    markSent: (id: number, now: Date, note: string | null): void => {
      sent.run(now.toISOString(), note, id);
    },
    markRetry: (id: number, nextAttemptAt: Date, error: string): void => {
      retry.run(nextAttemptAt.toISOString(), error, id);
    },
    markFailed: (id: number, now: Date, error: string): void => {
      failed.run(now.toISOString(), error, id);
    },
    /** Erases addresses and texts of messages settled before `before`; returns how many. */
    redactSettledBefore: (before: Date, now: Date): number =>
      redact.run(now.toISOString(), before.toISOString()).changes,
  };
}
export type MailQueueRepository = ReturnType<typeof createMailQueueRepository>;
