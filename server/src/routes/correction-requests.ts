import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AnswerBody,
  CorrectionRequest,
  CorrectionRequestBody,
  CorrectionRequestCreated,
  CorrectionRequestStats,
  CorrectionRequestsQuery,
  CorrectionRequestsResponse,
  RequestParams,
} from '@zielmonitor/shared/schemas/correction-request';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { requireUser, signedInUser } from '../plugins/auth.ts';
import { limitPerAddress } from '../plugins/rate-limit.ts';
import { answerRequest } from '../services/correction-answers.ts';
import { listRequests, requestStats, submitRequest } from '../services/correction-requests.ts';
import { LIMITS } from '../services/limits.ts';

/** "Fehler melden": the public form, the public counts, and the queue of those who answer. */
export const correctionRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/correction-requests',
    {
      // Counted before the body is read: refused and malformed requests count too.
      onRequest: limitPerAddress(LIMITS.correctionRequestsPerAddress),
      schema: {
        operationId: 'submitCorrectionRequest',
        summary:
          'Fehler melden, ohne Konto, zu einem Ziel, einer Meldung, einer Kennzahl, einem Messwert oder einer Zahl des Überblicks: was falsch ist, ein Beleg, wahlweise eine E-Mail-Adresse für die Antwort',
        security: [],
        body: CorrectionRequestBody,
        response: { 201: CorrectionRequestCreated, 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const context = { db: app.db, repos: app.repos, mail: app.mail, origin: app.publicOrigin };
      return reply.status(201).send(submitRequest(context, request.body));
    },
  );

  app.get(
    '/correction-requests/stats',
    {
      schema: {
        operationId: 'correctionRequestStats',
        summary: 'Offene und beantwortete Hinweise je Ressort (öffentlich)',
        security: [],
        response: { 200: CorrectionRequestStats },
      },
    },
    async () => requestStats(app.repos),
  );

  app.get(
    '/correction-requests',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'listCorrectionRequests',
        summary:
          'Hinweise zum Beantworten: alle für die Administration, die eigenen Ressorts für Controlling und Prüfung',
        security: [{ session: [] }],
        querystring: CorrectionRequestsQuery,
        response: { 200: CorrectionRequestsResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => ({ items: listRequests(app.repos, signedInUser(request), request.query.state ?? null) }),
  );

  app.post(
    '/correction-requests/:id/answer',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'answerCorrectionRequest',
        summary: 'Hinweis beantworten: berichtigt (mit Verweis auf die Berichtigung) oder abgelehnt (mit Grund)',
        security: [{ session: [] }],
        params: RequestParams,
        body: AnswerBody,
        response: {
          200: CorrectionRequest,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request) =>
      answerRequest(
        {
          db: app.db,
          repos: app.repos,
          mail: app.mail,
          origin: app.publicOrigin,
          user: signedInUser(request),
          ip: request.ip,
          now: new Date(),
        },
        request.params.id,
        request.body,
      ),
  );
};
