import fp from 'fastify-plugin';
import type { MailSettings } from '../config.ts';
import { createMail, type Mail } from '../mail/mail.ts';

declare module 'fastify' {
  interface FastifyInstance {
    mail: Mail;
  }
}

/**
 * Decorates `app.mail`. The sender loop does not start here: server.ts starts it after listening,
 * tests call `app.mail.sendDue()` or start it themselves. On close it stops before the database
 * closes, waiting for a try under way.
 */
export const mailPlugin = fp<{ settings: MailSettings | null }>(
  async (app, opts) => {
    const mail = await createMail(opts.settings, app.repos.mailQueue, app.log);
    app.decorate<Mail>('mail', mail);
    if (mail.configured) app.addHook('preClose', () => mail.stop());
  },
  { name: 'mail', dependencies: ['db'] },
);
