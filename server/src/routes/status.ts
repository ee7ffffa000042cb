import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { StatusUpdateBody, StatusUpdateParams, StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';
import { requireUser } from '../plugins/auth.ts';
import { canReportFor } from '../services/auth.ts';
import { forbidden, recordStatusUpdate } from '../services/status-updates.ts';

export const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/goals/:id/status',
    {
      onRequest: requireUser,
      // Another Ressort's goal is refused before its body is even looked at.
      preValidation: async (request) => {
        const { id } = request.params as { id?: string };
        const goal = id ? app.repos.statusWrites.goalForUpdate(id) : undefined;
        if (goal && request.user && !canReportFor(request.user, goal.ressorts)) {
          request.log.warn({ user: request.user.email, goal: id }, 'authorization failed: other Ressort');
          throw forbidden();
        }
      },
      schema: {
        operationId: 'reportStatus',
        summary: 'Status eines Ziels melden (amtliche Spur)',
        security: [{ session: [] }],
        params: StatusUpdateParams,
        body: StatusUpdateBody,
        response: {
          201: StatusUpdateResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const user = request.user;
      if (!user) throw new Error('requireUser let an anonymous request through');
      const result = recordStatusUpdate(app.db, app.repos, user, request.params.id, request.body, request.ip);
      return reply.status(201).send(result);
    },
  );
};
