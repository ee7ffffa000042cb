import fp from 'fastify-plugin';
import { isBusy } from '../lib/sqlite-errors.ts';
import { notifyNobody, type Notify } from '../services/notices.ts';
import { notifySubscribers } from '../services/subscriber-mail.ts';
import { runVoicesJobs } from '../services/voices-jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Tells subscribers about a change to the public record; call inside the change's transaction. */
    notify: Notify;
  }
}

const INTERVAL_MS = 60 * 60_000;

/**
 * Subscriptions at work: `app.notify` queues the mails (or digest lines) for a change in the
 * transaction that makes it; once the server listens and then every hour, the daily digests,
 * "round overdue" notices and reminders of open correction requests are queued. Without mail
 * configured nobody can subscribe, and there is nothing to do.
 */
export const voicesPlugin = fp(
  async (app) => {
    const mail = app.mail;
    if (!mail.configured) {
      app.decorate<Notify>('notify', notifyNobody);
      return;
    }
    const context = () => ({ db: app.db, repos: app.repos, mail, origin: app.publicOrigin });
    app.decorate<Notify>('notify', (notice) => {
      notifySubscribers(context(), notice);
    });
    const run = () => {
      try {
        const queued = runVoicesJobs(context());
        if (queued.digests + queued.overdueRounds + queued.requestReminders > 0)
          app.log.info({ queued }, 'subscriber mail queued');
      } catch (err) {
        // Locked by a backup or restore right now: the next run will do.
        if (!isBusy(err)) app.log.error({ err }, 'queueing subscriber mail failed');
      }
    };
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onListen', async () => {
      run();
      timer = setInterval(run, INTERVAL_MS).unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'voices', dependencies: ['db', 'mail'] },
);
