import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse } from '@zielmonitor/shared/schemas/health';
import { VersionsResponse } from '@zielmonitor/shared/schemas/version';
import { RessortsResponse } from '@zielmonitor/shared/schemas/ressort';
import { AboutResponse } from '@zielmonitor/shared/schemas/health';

export const metaRoutes: FastifyPluginAsyncZod<{
  about: { feedbackEmail: string | null; operator: string | null };
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
    async () => opts.about,
  );

  app.get(
    '/health',
    {
      schema: {
        operationId: 'getHealth',
        summary: 'Lebenszeichen des Dienstes',
        security: [],
        response: { 200: HealthResponse },
      },
    },
    async () => ({ status: 'ok' as const }),
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
