import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { Repositories } from '../repositories/index.ts';
import { domainOf, parseMailbox } from './mailbox.ts';

const OneLine = /^[^\r\n]*$/;
// Headers the mailer writes itself; a feature setting one would break or forge the message.
const RESERVED_HEADERS = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'return-path',
]);

/** What a feature hands to `enqueue`: usually `{ to, dedupeKey, ...renderMail(origin, content) }`. */
const OutgoingMailSchema = z.strictObject({
  to: z.array(z.email()).min(1).max(50),
  /** Names the occasion, e.g. `round:12:reminder-7d:user:5`; the same key again is the same mail. */
  dedupeKey: z.string().min(1).max(200),
  subject: z.string().min(1).max(200).regex(OneLine),
  text: z.string().min(1),
  html: z.string().min(1),
  headers: z.record(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]*$/)
      .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), 'is set by the mailer'),
    z.string().max(2000).regex(OneLine),
  ),
});
export type OutgoingMail = z.infer<typeof OutgoingMailSchema>;

/** The transaction a mail is queued in: the caller's, so the change and its mail commit together. */
export type MailTransaction = { db: Db; repos: Pick<Repositories, 'mailQueue'> };

export type Enqueued = { id: number; created: boolean };

/**
 * Queues mails from `from` (MAIL_FROM). Each message gets a random Message-ID under the sender's
 * domain, stored with it: every try sends the same ID, so if a crash between "server accepted" and
 * "marked sent" makes the sender repeat a message, the copy is recognisably the same message.
 */
export function createOutbox(from: string, onQueued: () => void) {
  const sender = parseMailbox(from);
  if (!sender) throw new Error('MAIL_FROM is not a mailbox (loadConfig checks it)');
  const domain = domainOf(sender.address);

  return {
    /**
     * Queues one message inside the caller's open transaction and returns its id; with a dedupe
     * key seen before it queues nothing and returns the existing id (`created: false`). Throws
     * (a programming error, not bad user input) outside a transaction or with a malformed message.
     */
    enqueue: (tx: MailTransaction, mail: OutgoingMail, now = new Date()): Enqueued => {
      if (!tx.db.inTransaction) {
        throw new Error('enqueue mail inside the transaction that makes the change the mail reports');
      }
      const parsed = OutgoingMailSchema.safeParse(mail);
      if (!parsed.success) throw new Error(`malformed mail: ${z.prettifyError(parsed.error)}`);
      const result = tx.repos.mailQueue.insert({
        dedupeKey: parsed.data.dedupeKey,
        messageId: `<${crypto.randomUUID()}@${domain}>`,
        recipients: parsed.data.to,
        subject: parsed.data.subject,
        text: parsed.data.text,
        html: parsed.data.html,
        headers: parsed.data.headers,
        createdAt: now.toISOString(),
      });
      // Runs after the caller's synchronous transaction has committed (or rolled back: then the
      // sender simply finds nothing new).
      if (result.created) setImmediate(onQueued);
      return result;
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
