import type { FastifyBaseLogger } from 'fastify';
import type { MailSettings } from '../config.ts';
import type { MailQueueRepository } from '../repositories/mail-queue.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import { createMailSender, type MailSender } from './sender.ts';
import { createSmtpTransport } from './transport.ts';

/**
 * Outgoing mail as features see it (`app.mail`). Without SMTP_URL there is no `enqueue` at all:
 * a feature must check `mail.configured` (the type system insists) and do without, e.g. hide its
 * controls or show an invitation link to pass on by hand. Nothing is ever dropped silently.
 */
export type Mail = { configured: false } | MailOn;

export type MailOn = {
  configured: true;
  enqueue: Outbox['enqueue'];
  sendDue: MailSender['sendDue'];
  start: MailSender['start'];
  stop: MailSender['stop'];
};

export async function createMail(
  settings: MailSettings | null,
  queue: MailQueueRepository,
  log: FastifyBaseLogger,
): Promise<Mail> {
  if (!settings) return { configured: false };
  const sender = createMailSender({
    queue,
    transport: await createSmtpTransport(settings.smtpUrl),
    from: settings.from,
    smtpUrl: settings.smtpUrl,
    log: log.child({ component: 'mail' }),
  });
  const outbox = createOutbox(settings.from, sender.wake);
  return {
    configured: true,
    enqueue: outbox.enqueue,
    sendDue: sender.sendDue,
    start: sender.start,
    stop: sender.stop,
  };
}
