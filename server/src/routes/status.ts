import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import {
  StatusCorrectionBody,
  StatusEventParams,
  StatusUpdateBody,
  StatusUpdateParams,
  StatusUpdateResponse,
  StatusWithdrawalBody,
} from '@zielmonitor/shared/schemas/status-update';
import { requireUser } from '../plugins/auth.ts';
import { canReportFor } from '../services/auth.ts';
import { correctStatusEvent, forbidden, recordStatusUpdate, withdrawStatusEvent } from '../services/status-updates.ts';

const WRITE_RESPONSES = {
  201: StatusUpdateResponse,
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  429: ErrorResponse,
};

export const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  // Another Ressort's goal is refused before its body is even looked at.
  const otherRessortsRefused = async (request: FastifyRequest) => {
    const { id } = request.params as { id?: string };
    const goal = id ? app.repos.statusWrites.goalForUpdate(id) : undefined;
    if (goal && request.user && !canReportFor(request.user, goal.ressorts)) {
      request.log.warn({ user: request.user.email, goal: id }, 'authorization failed: other Ressort');
      throw forbidden();
    }
  };
  const userOf = (request: FastifyRequest) => {
    if (!request.user) throw new Error('requireUser let an anonymous request through');
    return request.user;
  };

  app.post(
    '/goals/:id/status',
    {
      onRequest: requireUser,
      preValidation: otherRessortsRefused,
      schema: { params: StatusUpdateParams, body: StatusUpdateBody, response: WRITE_RESPONSES },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(recordStatusUpdate(app.db, app.repos, userOf(request), request.params.id, request.body, request.ip)),
  );

  app.post(
    '/goals/:id/status/:eventId/correction',
    {
      onRequest: requireUser,
      preValidation: otherRessortsRefused,
      schema: { params: StatusEventParams, body: StatusCorrectionBody, response: WRITE_RESPONSES },
    },
    async (request, reply) => {
      const { id, eventId } = request.params;
      return reply
        .status(201)
        .send(correctStatusEvent(app.db, app.repos, userOf(request), id, eventId, request.body, request.ip));
    },
  );

  app.post(
    '/goals/:id/status/:eventId/withdrawal',
    {
      onRequest: requireUser,
      preValidation: otherRessortsRefused,
      schema: { params: StatusEventParams, body: StatusWithdrawalBody, response: WRITE_RESPONSES },
    },
    async (request, reply) => {
      const { id, eventId } = request.params;
      return reply
        .status(201)
        .send(withdrawStatusEvent(app.db, app.repos, userOf(request), id, eventId, request.body, request.ip));
    },
  );
};
