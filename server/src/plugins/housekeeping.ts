import fp from 'fastify-plugin';
import { isBusy } from '../lib/sqlite-errors.ts';
import type { SessionPolicy } from '../services/auth.ts';
import { purgeExpired } from '../services/housekeeping.ts';

export const HOUSEKEEPING_INTERVAL_MS = 60 * 60_000;

/**
 * Purges expired sessions, old login attempts and spent limiter hits once when the server is ready
 * and then every hour. The timer never keeps the process alive and stops with the server.
 */
export const housekeepingPlugin = fp<{ session: SessionPolicy; intervalMs: number }>(
  async (app, opts) => {
    const run = () => {
      try {
        const purged = purgeExpired(app.repos, opts.session);
        if (Object.values(purged).some((n) => n > 0)) app.log.info({ purged }, 'housekeeping');
      } catch (err) {
        // Locked by a backup or restore right now: the next round will do.
        if (!isBusy(err)) app.log.error({ err }, 'housekeeping failed');
      }
    };
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      run();
      timer = setInterval(run, opts.intervalMs).unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'housekeeping', dependencies: ['db'] },
);
