import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { LineageQuery, LineageResponse } from '@zielmonitor/shared/schemas/lineage';
import { buildLineage } from '../services/lineage.ts';
import { knownVersion } from '../services/references.ts';

export const lineageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/lineage',
    {
      schema: {
        operationId: 'getLineage',
        summary: 'Schicksal jedes 1.0-Ziels und Herkunft jedes 2.0-Ziels',
        security: [],
        querystring: LineageQuery,
        response: { 200: LineageResponse, 400: ErrorResponse },
      },
    },
    async (request) => {
      const from = knownVersion(app.repos, request.query.from);
      const to = knownVersion(app.repos, request.query.to);
      return buildLineage(app.repos, from, to, request.query.track);
    },
  );
};
