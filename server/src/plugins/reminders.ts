import fp from 'fastify-plugin';
import { isBusy } from '../lib/sqlite-errors.ts';
import { queueReminders } from '../services/reminders.ts';

const INTERVAL_MS = 60 * 60_000;

/**
 * With mail configured, queues the workflow's reminders (services/reminders.ts) once the server
 * listens and then every hour; the mail sender delivers them. Without mail there is nothing to do.
 * Each reminder carries a dedupe key, so a restart or a second run never sends one twice.
 */
export const remindersPlugin = fp<{ reviewRequired: boolean }>(
  async (app, opts) => {
    const mail = app.mail;
    if (!mail.configured) return;
    const run = () => {
      try {
        const queued = queueReminders({
          db: app.db,
          repos: app.repos,
          mail,
          origin: app.publicOrigin,
          reviewRequired: opts.reviewRequired,
        });
        if (queued.rounds + queued.reviews > 0) app.log.info({ queued }, 'reminders queued');
      } catch (err) {
        // Locked by a backup or restore right now: the next run will do.
        if (!isBusy(err)) app.log.error({ err }, 'queueing reminders failed');
      }
    };
    let timer: NodeJS.Timeout | undefined;
    // After listening: only then is the public origin known when PUBLIC_ORIGIN is not set.
    app.addHook('onListen', async () => {
      run();
      timer = setInterval(run, INTERVAL_MS).unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'reminders', dependencies: ['db', 'mail'] },
);
