import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse } from '@zielmonitor/shared/schemas/health';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { VersionsResponse } from '@zielmonitor/shared/schemas/version';
import { RessortsResponse } from '@zielmonitor/shared/schemas/ressort';
import { AboutResponse } from '@zielmonitor/shared/schemas/health';

export const metaRoutes: FastifyPluginAsyncZod<{
  about: { feedbackEmail: string | null; operator: string | null; reviewRequired: boolean };
}> = async (app, opts) => {
  app.get(
    '/about',
    {
      schema: {
        operationId: 'getAbout',
        summary: 'Kontakt und Betreiber für die Erklärung zur Barrierefreiheit',
        security: [],
        response: { 200: AboutResponse },
      },
    },
    async () => ({
      ...opts.about,
      mailConfigured: app.mail.configured,
    }),
  );

  app.get(
    '/health',
    {
      schema: {
        operationId: 'getHealth',
        summary: 'Lebenszeichen des Dienstes und ob die Datenbank beschreibbar ist',
        security: [],
        response: { 200: HealthResponse, 503: ErrorResponse },
      },
    },
    async (_request, reply) => {
      if (!app.databaseHealth.check()) {
        return reply
          .status(503)
          .header('Retry-After', '5')
          .send({
            error: { code: 'NOT_READY', message: 'Nicht bereit: die Datenbank ist nicht beschreibbar.' },
          });
      }
      return { status: 'ok' as const, database: { writable: true as const } };
    },
  );

  app.get(
    '/versions',
    {
      schema: {
        operationId: 'listVersions',
        summary: 'Strategie-Versionen mit erklärter und belegter Zielzahl',
        security: [],
        response: { 200: VersionsResponse },
      },
    },
    async () => app.repos.versions.list(),
  );

  app.get(
    '/ressorts',
    {
      schema: {
        operationId: 'listRessorts',
        summary: 'Ressorts mit Gültigkeit und Nachfolgern',
        security: [],
        response: { 200: RessortsResponse },
      },
    },
    async () => app.repos.ressorts.list(),
  );
};
