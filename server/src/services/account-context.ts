import type { Db } from '../db/database.ts';
import type { Outbox } from '../mail/outbox.ts';
import { renderMail, type MailContent } from '../mail/render.ts';
import type { Repositories } from '../repositories/index.ts';
import type { SecondFactorPolicy } from './auth.ts';

/**
 * What the account services work with, the same for the API and the CLI: the database, mail
 * (configured or not), the public origin for links, and the second-factor policy.
 */
export type AccountContext = {
  db: Db;
  repos: Repositories;
  /** Queueing is enough: the server's sender delivers what the CLI queued too. */
  mail: { configured: false } | { configured: true; enqueue: Outbox['enqueue'] };
  origin: string;
  policy: SecondFactorPolicy;
};

/** Who does something to an account: a signed-in person, or the command line (`id: null, email: 'cli'`). */
export type AccountActor = { id: number | null; email: string; ip: string | null };

export const CLI_ACTOR: AccountActor = { id: null, email: 'cli', ip: null };

/** Appends one audit entry about an account (inside the caller's transaction). Never a secret in before/after. */
export function auditAccount(
  ctx: Pick<AccountContext, 'repos'>,
  actor: AccountActor,
  action: string,
  userId: number,
  before: unknown,
  after: unknown,
): void {
  ctx.repos.audit.append({
    actorId: actor.id,
    actor: actor.email,
    action,
    entityType: 'user',
    entityId: String(userId),
    before,
    after,
    ip: actor.ip,
  });
}

/**
 * Tells the account holder by mail that something about how they sign in changed (ASVS: notify
 * after changes to authentication details), so that a change they did not make is noticed.
 * Queued in the caller's transaction; without mail there is nobody to tell but the audit log.
 */
export function noticeToHolder(
  ctx: AccountContext,
  holder: { id: number; email: string; name: string },
  occasion: string,
  content: Pick<MailContent, 'subject' | 'title'> & { text: string },
  now: Date,
): void {
  if (!ctx.mail.configured) return;
  ctx.mail.enqueue(
    ctx,
    {
      to: [holder.email],
      dedupeKey: `account:${holder.id}:${occasion}:${now.toISOString()}`,
      ...renderMail(ctx.origin, {
        subject: content.subject,
        title: content.title,
        paragraphs: [
          `Guten Tag ${holder.name},`,
          content.text,
          'Waren Sie das nicht, wenden Sie sich bitte sofort an die Administration des Zielmonitors: Sie kann das Konto sperren und alle Sitzungen beenden.',
        ],
        links: [{ label: 'Mein Konto', path: '/konto' }],
        reason: 'Sie erhalten diese E-Mail, weil sich an der Anmeldung Ihres Kontos im Zielmonitor etwas geändert hat.',
      }),
    },
    now,
  );
}
