import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse } from '@zielmonitor/shared/schemas/health';
import { VersionsResponse } from '@zielmonitor/shared/schemas/version';
import { RessortsResponse } from '@zielmonitor/shared/schemas/ressort';

export const metaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { schema: { response: { 200: HealthResponse } } }, async () => ({ status: 'ok' as const }));

  app.get('/versions', { schema: { response: { 200: VersionsResponse } } }, async () => app.repos.versions.list());

  app.get('/ressorts', { schema: { response: { 200: RessortsResponse } } }, async () => app.repos.ressorts.list());
};
