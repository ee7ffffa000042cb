import type { FastifyBaseLogger } from 'fastify';
import type { MailQueueRepository, QueuedMail } from '../repositories/mail-queue.ts';
import { describeFailure, isPermanentFailure, type SmtpTransport } from './transport.ts';

/** Wait after the 1st, 2nd, … failed try; after the last one the next failure is final. */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 360] as const;
/** Tries per message: about 9 hours of an unreachable mail server before a message counts as failed. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;
/**
 * How long a claimed message belongs to the try under way. Longer than the SMTP timeouts allow a
 * try to last, so it never overlaps the next; if the process dies mid-try, the message is due
 * again when the lease ends.
 */
export const LEASE_MS = 2 * 60_000;
/** The loop looks for due retries this often; new messages wake it at once. */
const POLL_MS = 15_000;
/** Addresses and texts of sent and failed messages are erased after this. */
const RETENTION_DAYS = 30;
const REDACT_EVERY_MS = 60 * 60_000;

export type SendSummary = { sent: number; retried: number; failed: number };

type SenderDeps = {
  queue: MailQueueRepository;
  transport: SmtpTransport;
  from: string;
  smtpUrl: string;
  log: FastifyBaseLogger;
};

const retryDelayMs = (attempts: number): number =>
  (RETRY_DELAYS_MINUTES[Math.min(attempts, RETRY_DELAYS_MINUTES.length) - 1] ?? 1) * 60_000;

/**
 * Delivers queued mail, one message at a time. At least once: a message is marked sent only
 * after the server accepted it, so a crash in between sends it again (same Message-ID).
 */
export function createMailSender(deps: SenderDeps) {
  const { queue, log } = deps;
  let chain: Promise<unknown> = Promise.resolve();
  let drainsQueued = 0;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let lastRedaction = 0;

  async function deliver(mail: QueuedMail, now: () => Date): Promise<keyof SendSummary> {
    const attempt = mail.attempts + 1;
    const context = { mailId: mail.id, messageId: mail.messageId, attempt };
    try {
      const info = await deps.transport.sendMail({
        from: deps.from,
        to: mail.recipients,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId: mail.messageId,
        date: new Date(mail.createdAt),
      });
      const rejected = info.rejected.length;
      queue.markSent(
        mail.id,
        now(),
        rejected > 0 ? `Nicht angenommen für ${rejected} von ${mail.recipients.length} Empfängern` : null,
      );
      log.info(context, 'mail sent');
      return 'sent';
    } catch (err) {
      const error = describeFailure(err, deps.smtpUrl);
      if (isPermanentFailure(err) || attempt >= MAX_ATTEMPTS) {
        queue.markFailed(mail.id, now(), error);
        log.error({ ...context, error }, 'mail failed for good');
        return 'failed';
      }
      const next = new Date(now().getTime() + retryDelayMs(attempt));
      queue.markRetry(mail.id, next, error);
      log.warn({ ...context, error, next: next.toISOString() }, 'mail will be retried');
      return 'retried';
    }
  }

  async function drain(at: Date | undefined): Promise<SendSummary> {
    const summary: SendSummary = { sent: 0, retried: 0, failed: 0 };
    const now = () => at ?? new Date();
    while (!closed) {
      const [mail] = queue.claimDue(now(), new Date(now().getTime() + LEASE_MS), 1);
      if (!mail) break;
      summary[await deliver(mail, now)] += 1;
    }
    return summary;
  }

  /** Sends every message due at `at` (default: now) and resolves when none is left; runs are serial. */
  function sendDue(at?: Date): Promise<SendSummary> {
    drainsQueued += 1;
    const run = chain.then(() => drain(at)).finally(() => (drainsQueued -= 1));
    chain = run.catch(() => undefined);
    return run;
  }

  /** From the loop: one drain running and one waiting behind it cover everything queued meanwhile. */
  function kick(): void {
    if (closed || drainsQueued >= 2) return;
    sendDue().catch((err: unknown) => log.error({ err }, 'mail sender failed'));
    if (Date.now() - lastRedaction < REDACT_EVERY_MS) return;
    lastRedaction = Date.now();
    try {
      const erased = queue.redactSettledBefore(new Date(Date.now() - RETENTION_DAYS * 86_400_000), new Date());
      if (erased > 0) log.info({ erased }, 'erased addresses and texts of old mails');
    } catch (err) {
      log.error({ err }, 'erasing old mails failed');
    }
  }

  return {
    sendDue,
    /** Called after a message was queued: sends it now if the loop runs. */
    wake: (): void => {
      if (timer) kick();
    },
    /** Starts the background loop (server.ts; tests call sendDue themselves). */
    start: (): void => {
      if (timer || closed) return;
      timer = setInterval(kick, POLL_MS);
      timer.unref();
      kick();
    },
    /** Stops the loop and waits for the try under way, so the database is still open to record it. */
    stop: async (): Promise<void> => {
      closed = true;
      if (timer) clearInterval(timer);
      timer = null;
      await chain;
      deps.transport.close();
    },
  };
}
export type MailSender = ReturnType<typeof createMailSender>;
