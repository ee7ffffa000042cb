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
import { SubmissionResponse } from '@zielmonitor/shared/schemas/submission';
import { requireUser } from '../plugins/auth.ts';
import { writeContext } from './write-context.ts';
import { actorOf, responsibilityToday } from '../services/permissions.ts';
import {
  correctStatusEvent,
  forbidden,
  mayWriteOnGoal,
  recordStatusUpdate,
  withdrawStatusEvent,
} from '../services/status-updates.ts';

/** 201: in the public record at once; 202: submitted, waiting for a second person's release. */
const WRITE_RESPONSES = {
  201: StatusUpdateResponse,
  202: SubmissionResponse,
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  429: ErrorResponse,
};

export const statusRoutes: FastifyPluginAsyncZod<{ reviewRequired: boolean }> = async (app, opts) => {
  // A goal the user may write on on neither track (no Ressort of theirs responsible, no assessor)
  // is refused before its body is even looked at; the track itself is checked with the body.
  const othersRefused = async (request: FastifyRequest) => {
    const { id } = request.params as { id?: string };
    const goal = id ? app.repos.statusWrites.goalForUpdate(id) : undefined;
    if (
      goal &&
      request.user &&
      !mayWriteOnGoal(actorOf(app.repos, request.user), responsibilityToday(app.repos, goal))
    ) {
      request.log.warn({ user: request.user.email, goal: id }, 'authorization failed: not responsible');
      throw forbidden();
    }
  };
  const contextOf = (request: FastifyRequest) => writeContext(app, request, opts.reviewRequired);

  app.post(
    '/goals/:id/status',
    {
      onRequest: requireUser,
      preValidation: othersRefused,
      schema: {
        operationId: 'reportStatus',
        summary:
          'Stand eines Ziels melden: Landesregierung (track official) oder unabhängige Einschätzung (track independent)',
        security: [{ session: [] }],
        params: StatusUpdateParams,
        body: StatusUpdateBody,
        response: WRITE_RESPONSES,
      },
    },
    async (request, reply) => {
      const result = recordStatusUpdate(contextOf(request), request.params.id, request.body);
      return reply.status(result.status).send(result.body);
    },
  );

  app.post(
    '/goals/:id/status/:eventId/correction',
    {
      onRequest: requireUser,
      preValidation: othersRefused,
      schema: {
        operationId: 'correctStatus',
        summary: 'Eine frühere Meldung berichtigen',
        security: [{ session: [] }],
        params: StatusEventParams,
        body: StatusCorrectionBody,
        response: WRITE_RESPONSES,
      },
    },
    async (request, reply) => {
      const { id, eventId } = request.params;
      const result = correctStatusEvent(contextOf(request), id, eventId, request.body);
      return reply.status(result.status).send(result.body);
    },
  );

  app.post(
    '/goals/:id/status/:eventId/withdrawal',
    {
      onRequest: requireUser,
      preValidation: othersRefused,
      schema: {
        operationId: 'withdrawStatus',
        summary: 'Eine frühere Meldung zurücknehmen',
        security: [{ session: [] }],
        params: StatusEventParams,
        body: StatusWithdrawalBody,
        response: WRITE_RESPONSES,
      },
    },
    async (request, reply) => {
      const { id, eventId } = request.params;
      const result = withdrawStatusEvent(contextOf(request), id, eventId, request.body);
      return reply.status(result.status).send(result.body);
    },
  );
};
