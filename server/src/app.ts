import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { applyGermanValidationMessages } from '@zielmonitor/shared/schemas/locale';
import { authPlugin } from './plugins/auth.ts';
import { dbPlugin } from './plugins/db.ts';
import { mailPlugin } from './plugins/mail.ts';
import { HOUSEKEEPING_INTERVAL_MS, housekeepingPlugin } from './plugins/housekeeping.ts';
import { remindersPlugin } from './plugins/reminders.ts';
import { voicesPlugin } from './plugins/voices.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { responseCachePlugin } from './plugins/response-cache.ts';
import { securityPlugin, type PressureOptions } from './plugins/security.ts';
import { clientErrorHandler, registerErrorHandling } from './plugins/errors.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { accountRoutes } from './routes/account.ts';
import { userRoutes } from './routes/users.ts';
import { accountsPlugin } from './plugins/accounts.ts';
import { changeRoutes } from './routes/changes.ts';
import { dataExchangeRoutes } from './routes/data-exchange.ts';
import { goalRoutes } from './routes/goals.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { indicatorExchangeRoutes } from './routes/indicator-exchange.ts';
import { dcatRoutes } from './routes/dcat.ts';
import { licensePlugin } from './plugins/license.ts';
import { dataLicense, type LicenseUri } from './lib/licenses.ts';
import { lineageRoutes } from './routes/lineage.ts';
import { chartExportRoutes } from './routes/chart-exports.ts';
import { snapshotRoutes } from './routes/snapshots.ts';
import { metaRoutes } from './routes/meta.ts';
import { statsRoutes } from './routes/stats.ts';
import { statusRoutes } from './routes/status.ts';
import { submissionRoutes } from './routes/submissions.ts';
import { roundRoutes } from './routes/rounds.ts';
import { replyRoutes } from './routes/replies.ts';
import { correctionRequestRoutes } from './routes/correction-requests.ts';
import { oneClickUnsubscribeRoute, subscriptionRoutes } from './routes/subscriptions.ts';
import { entryFeedRoutes } from './routes/entry-feeds.ts';
import { DEFAULT_LOGIN_CONCURRENCY, DEFAULT_SESSION_POLICY, type SessionPolicy } from './services/auth.ts';
import type { GateLimits } from './lib/concurrency-gate.ts';
import type { MailSettings, TrustProxy } from './config.ts';
import { isHttpsOrigin, listeningOrigin } from './lib/links.ts';

applyGermanValidationMessages();

export type AppOptions = {
  databasePath: string;
  /** Folder with the seed JSON files; null never seeds. */
  seedDir: string | null;
  /** Built dashboard (client/dist); null or missing serves the API only. */
  clientDist: string | null;
  logger?: FastifyServerOptions['logger'];
  session?: SessionPolicy;
  about?: { feedbackEmail: string | null; operator: string | null };
  /** Whether government reports wait for a second person's release (REVIEW_REQUIRED, default on). */
  reviewRequired?: boolean;
  /** Licence of the exports and the DCAT catalogue (DATA_LICENSE); default: DL-DE-BY 2.0. */
  dataLicense?: LicenseUri;
  /** Load-shedding thresholds; tests lower them to provoke a 503. */
  pressure?: PressureOptions;
  /** SMTP_URL and MAIL_FROM; null or absent: mail is not configured. */
  mail?: MailSettings | null;
  /** PUBLIC_ORIGIN, e.g. `https://zielmonitor.landtag.example`; absent: the listening address. */
  publicOrigin?: string;
  /** TRUST_PROXY: which reverse proxies' X-Forwarded-* headers are believed; absent: none. */
  trustProxy?: TrustProxy;
  /** How often expired sessions, old login attempts and limiter hits are purged (default hourly). */
  housekeepingIntervalMs?: number;
  /** Password hashes at once, in total and per client; tests of the limits raise them. */
  loginConcurrency?: GateLimits;
  /** MFA_REQUIRED: every writing account needs a second factor (default on). */
  mfaRequired?: boolean;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The origin every absolute link starts with: PUBLIC_ORIGIN, else the listening address. */
    readonly publicOrigin: string;
  }
}

/**
 * Fastify's trustProxy: a hop count becomes the function Fastify itself would build from it
 * (its types leave out the number form): trust the first n hops as seen from this process.
 */
const trustProxyOption = (trust: TrustProxy | undefined) =>
  trust === undefined ? false : typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

/** Registers plugins and routes; never listens, so tests run exactly the production app. */
export async function buildApp(opts: AppOptions) {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 64 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    clientErrorHandler,
    // Only the configured proxies may speak for the client (its address, https); nobody else can.
    trustProxy: trustProxyOption(opts.trustProxy),
    // Errors the router raises before any route runs (malformed URL, overlong id) get the one error shape too.
    frameworkErrors: (error, _request, rawReply) => {
      const reply: FastifyReply = rawReply;
      reply.status(error.statusCode ?? 400).send({
        error: {
          code: error.code,
          message:
            error.code === 'FST_ERR_MAX_PARAM_LENGTH'
              ? 'Die ID in der Adresse ist zu lang'
              : 'Die Adresse ist ungültig kodiert',
        },
      });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('publicOrigin', {
    getter: () => opts.publicOrigin ?? listeningOrigin(app.server.address()),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  const session = opts.session ?? DEFAULT_SESSION_POLICY;
  await app.register(securityPlugin, { hsts: isHttpsOrigin(opts.publicOrigin), pressure: opts.pressure });
  await app.register(dbPlugin, { databasePath: opts.databasePath, seedDir: opts.seedDir });
  await app.register(mailPlugin, { settings: opts.mail ?? null });
  await app.register(housekeepingPlugin, {
    session,
    intervalMs: opts.housekeepingIntervalMs ?? HOUSEKEEPING_INTERVAL_MS,
  });
  await app.register(remindersPlugin, { reviewRequired: opts.reviewRequired ?? true });
  await app.register(voicesPlugin);
  await app.register(openapiPlugin, { publicOrigin: opts.publicOrigin ?? null });
  await app.register(authPlugin, {
    session,
    publicOrigin: opts.publicOrigin,
    mfaRequired: opts.mfaRequired ?? true,
  });
  await app.register(accountsPlugin, {
    session,
    mfaRequired: opts.mfaRequired ?? true,
    loginConcurrency: opts.loginConcurrency ?? DEFAULT_LOGIN_CONCURRENCY,
  });
  await app.register(responseCachePlugin);
  const license = dataLicense(opts.dataLicense);
  await app.register(licensePlugin, { license });
  await app.register(
    async (api) => {
      await api.register(metaRoutes, {
        about: { feedbackEmail: null, operator: null, ...opts.about, reviewRequired: opts.reviewRequired ?? true },
      });
      await api.register(goalRoutes);
      await api.register(statsRoutes);
      await api.register(authRoutes);
      await api.register(accountRoutes);
      await api.register(userRoutes);
      await api.register(statusRoutes, { reviewRequired: opts.reviewRequired ?? true });
      await api.register(submissionRoutes);
      await api.register(roundRoutes);
      await api.register(replyRoutes);
      await api.register(correctionRequestRoutes);
      await api.register(subscriptionRoutes);
      await api.register(entryFeedRoutes);
      await api.register(auditRoutes);
      await api.register(changeRoutes);
      await api.register(snapshotRoutes);
      await api.register(dataExchangeRoutes);
      await api.register(lineageRoutes);
      await api.register(chartExportRoutes);
      await api.register(indicatorRoutes, { reviewRequired: opts.reviewRequired ?? true });
      await api.register(indicatorExchangeRoutes);
      await api.register(dcatRoutes, {
        license,
        publisher: opts.about?.operator ?? null,
        contact: opts.about?.feedbackEmail ?? null,
      });
    },
    { prefix: '/api' },
  );

  // Outside /api: the address in every subscriber mail's List-Unsubscribe header (a GET is the page).
  await app.register(oneClickUnsubscribeRoute);

  const indexHtml = opts.clientDist ? path.join(opts.clientDist, 'index.html') : null;
  const hasClient = indexHtml !== null && fs.existsSync(indexHtml);
  if (hasClient && opts.clientDist) {
    const clientDist = opts.clientDist;
    await app.register(fastifyStatic, {
      // Files are looked up per request (no route per file, nothing globbed at start-up), and
      // the build writes .br and .gz beside each asset: sent as they are, never compressed per request.
      root: clientDist,
      index: false,
      preCompressed: true,
      // File names under /assets carry a content hash: a browser keeps them for good. Everything
      // else (index.html, sw.js) is checked on every visit, so a new release is seen at once.
      cacheControl: false,
      setHeaders: (response, file) => {
        const hashed = path.relative(clientDist, file).startsWith(`assets${path.sep}`);
        response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        response.setHeader('Vary', 'Accept-Encoding');
      },
    });
    // The start page gets its own route: through the static wildcard, `/` is a directory without an
    // index, which @fastify/static answers 403 when the client accepts no compressed copy.
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.type('text/html').sendFile('index.html'));
  }

  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api') && !path.extname(request.url.split('?')[0] ?? '');
    if (isPage && hasClient) return reply.type('text/html').sendFile('index.html');
    if (isPage) {
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><title>Zielmonitor</title><p>Das Dashboard ist nicht gebaut. Bitte <code>npm start</code> verwenden oder <code>npm run build</code> ausführen.</p>',
        );
    }
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `Keine Route für ${request.method} ${request.url.split('?')[0]}` },
    });
  });

  return app;
}
export type App = Awaited<ReturnType<typeof buildApp>>;
