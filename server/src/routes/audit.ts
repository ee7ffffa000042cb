import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditQuery, AuditResponse } from '@zielmonitor/shared/schemas/audit';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { requireAdmin } from '../plugins/auth.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'listAuditEntries',
        summary: 'Protokoll aller Schreibzugriffe (nur Administration)',
        security: [{ session: [] }],
        querystring: AuditQuery,
        response: { 200: AuditResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => app.repos.audit.list(request.query.limit, request.query.offset),
  );
};
