import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, mailSettings } from './config.ts';
import { StartupError } from './plugins/db.ts';

/** Configuration and app, or the reason not to start, said plainly (no stack trace) and exit 1. */
async function prepare() {
  try {
    const config = loadConfig();
    const app = await buildApp({
      databasePath: config.DATABASE_PATH,
      seedDir: config.SEED_DIR,
      clientDist: config.CLIENT_DIST,
      logger: { level: config.LOG_LEVEL },
      about: { feedbackEmail: config.FEEDBACK_EMAIL ?? null, operator: config.OPERATOR_NAME ?? null },
      dataLicense: config.DATA_LICENSE,
      ...(config.PUBLIC_ORIGIN !== undefined && { publicOrigin: config.PUBLIC_ORIGIN }),
      mail: mailSettings(config),
      ...(config.TRUST_PROXY !== undefined && { trustProxy: config.TRUST_PROXY }),
      reviewRequired: config.REVIEW_REQUIRED,
    });
    return { config, app };
  } catch (err) {
    if (!(err instanceof StartupError || err instanceof ConfigError)) throw err;
    process.stderr.write(`Zielmonitor startet nicht: ${err.message}\n`);
    process.exit(1);
  }
}
const { config, app } = await prepare();

// For `npm run bench`: how long the event loop was ever blocked while serving (from listening on).
const loop = config.REPORT_EVENT_LOOP === '1' ? monitorEventLoopDelay({ resolution: 5 }) : null;

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    if (loop)
      console.log(JSON.stringify({ eventLoopMaxMs: loop.max / 1e6, eventLoopP99Ms: loop.percentile(99) / 1e6 }));
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  });
}

try {
  await app.listen({ host: config.HOST, port: config.PORT });
  loop?.enable();
  // Queued mail goes out in the background; app.close() stops the loop before the database closes.
  if (app.mail.configured) app.mail.start();
  app.log.info(`Zielmonitor läuft auf http://${config.HOST}:${config.PORT}; öffentliche Adresse ${app.publicOrigin}`);
  if (!config.PUBLIC_ORIGIN && !['127.0.0.1', '::1', 'localhost'].includes(config.HOST)) {
    app.log.warn(
      'PUBLIC_ORIGIN ist nicht gesetzt: Links in Feeds und Snapshots zeigen auf die Adresse, an der der Server lauscht',
    );
  }
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    app.log.fatal(`Port ${config.PORT} auf ${config.HOST} ist belegt. Anderen Port wählen, z. B.: PORT=3001 npm start`);
  } else {
    app.log.fatal({ err }, 'server failed to start');
  }
  await app.close();
  process.exit(1);
}
