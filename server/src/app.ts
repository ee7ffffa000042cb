import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { applyGermanValidationMessages } from '@zielmonitor/shared/schemas/locale';
import { authPlugin } from './plugins/auth.ts';
import { dbPlugin } from './plugins/db.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { responseCachePlugin } from './plugins/response-cache.ts';
import { securityPlugin, type PressureOptions } from './plugins/security.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { changeRoutes } from './routes/changes.ts';
import { dataExchangeRoutes } from './routes/data-exchange.ts';
import { goalRoutes } from './routes/goals.ts';
import { lineageRoutes } from './routes/lineage.ts';
import { snapshotRoutes } from './routes/snapshots.ts';
import { metaRoutes } from './routes/meta.ts';
import { statsRoutes } from './routes/stats.ts';
import { statusRoutes } from './routes/status.ts';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './services/auth.ts';

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
  /** The origin the dashboard and API are published under (PUBLIC_ORIGIN), e.g. https://zielmonitor.nrw.de. */
  publicOrigin?: string;
  /** Load-shedding thresholds; tests lower them to provoke a 503. */
  pressure?: PressureOptions;
};

/** Registers plugins and routes; never listens, so tests run exactly the production app. */
export async function buildApp(opts: AppOptions) {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 64 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
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
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  const session = opts.session ?? DEFAULT_SESSION_POLICY;
  await app.register(securityPlugin, opts.pressure ? { pressure: opts.pressure } : {});
  await app.register(dbPlugin, { databasePath: opts.databasePath, seedDir: opts.seedDir });
  await app.register(openapiPlugin, { publicOrigin: opts.publicOrigin ?? null });
  await app.register(authPlugin, { session });
  await app.register(responseCachePlugin);
  await app.register(
    async (api) => {
      await api.register(metaRoutes, { about: opts.about ?? { feedbackEmail: null, operator: null } });
      await api.register(goalRoutes);
      await api.register(statsRoutes);
      await api.register(authRoutes, { session });
      await api.register(statusRoutes);
      await api.register(auditRoutes);
      await api.register(changeRoutes);
      await api.register(snapshotRoutes);
      await api.register(dataExchangeRoutes);
      await api.register(lineageRoutes);
    },
    { prefix: '/api' },
  );

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
