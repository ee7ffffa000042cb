import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { CreateRoundBody, RoundDetail, RoundParams, RoundsResponse } from '@zielmonitor/shared/schemas/round';
import { requireAdmin, signedInUser } from '../plugins/auth.ts';
import { closeRound } from '../services/round-close.ts';
import { createRound, roundDetail, roundSummaries } from '../services/rounds.ts';

/** Reporting rounds: public to read (which ministry did not report is what a committee asks), admins open and close. */
export const roundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rounds',
    {
      schema: { operationId: 'listRounds', summary: 'Berichtsrunden', security: [], response: { 200: RoundsResponse } },
    },
    async () => ({
      items: roundSummaries(app.repos),
    }),
  );

  app.get(
    '/rounds/:id',
    {
      schema: {
        operationId: 'getRound',
        summary: 'Eine Berichtsrunde mit dem Stand jedes Ressorts',
        security: [],
        params: RoundParams,
        response: { 200: RoundDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => roundDetail(app.repos, request.params.id),
  );

  app.post(
    '/rounds',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'createRound',
        summary: 'Eine Berichtsrunde anlegen',
        security: [{ session: [] }],
        body: CreateRoundBody,
        response: { 201: RoundDetail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = signedInUser(request);
      return reply.status(201).send(createRound(app.db, app.repos, user, request.body, request.ip));
    },
  );

  app.post(
    '/rounds/:id/close',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'closeRound',
        summary: 'Eine Berichtsrunde abschließen und ihren Stand einfrieren',
        security: [{ session: [] }],
        params: RoundParams,
        response: { 200: RoundDetail, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      const user = signedInUser(request);
      return closeRound(app.db, app.repos, user, request.params.id, request.ip, app.publicOrigin);
    },
  );
};
