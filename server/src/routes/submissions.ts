import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import {
  ReleaseBody,
  ReturnBody,
  SubmissionParams,
  SubmissionResponse,
  SubmissionsQuery,
  SubmissionsResponse,
} from '@zielmonitor/shared/schemas/submission';
import { requireUser } from '../plugins/auth.ts';
import { writeContext } from './write-context.ts';
import { actorOf } from '../services/permissions.ts';
import { decideSubmission, toSubmission, visibleTo } from '../services/submissions.ts';

const DECIDE_RESPONSES = {
  200: SubmissionResponse,
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

export const submissionRoutes: FastifyPluginAsyncZod = async (app) => {
  // A release or a return exists only where reports wait for a second person.
  const contextOf = (request: FastifyRequest) => writeContext(app, request, true);

  // The submissions a signed-in user's Ressorts are responsible for (all for the administration).
  app.get(
    '/submissions',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'listSubmissions',
        summary: 'Einreichungen (Meldungen und Messwerte) der eigenen Ressorts, nach Stand',
        security: [{ session: [] }],
        querystring: SubmissionsQuery,
        response: { 200: SubmissionsResponse, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { user } = contextOf(request);
      const actor = actorOf(app.repos, user);
      const { state, goal, indicator } = request.query;
      const visible = app.repos.submissions
        .list(state, { ...(goal && { goal }), ...(indicator && { indicator }) })
        .filter((s) => visibleTo(app.repos, user, s));
      return { items: visible.map((s) => toSubmission(app.repos, s, actor)) };
    },
  );

  app.post(
    '/submissions/:id/release',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'releaseSubmission',
        summary:
          'Eingereichte Meldung oder eingereichten Messwert freigeben (Vier-Augen-Prinzip; nie die eigene Einreichung)',
        security: [{ session: [] }],
        params: SubmissionParams,
        body: ReleaseBody,
        response: DECIDE_RESPONSES,
      },
    },
    async (request) =>
      decideSubmission(contextOf(request), request.params.id, {
        release: true,
        expectedRevision: request.body.expectedRevision,
      }),
  );

  app.post(
    '/submissions/:id/return',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'returnSubmission',
        summary: 'Eingereichte Meldung oder eingereichten Messwert mit Begründung zurückgeben',
        security: [{ session: [] }],
        params: SubmissionParams,
        body: ReturnBody,
        response: DECIDE_RESPONSES,
      },
    },
    async (request) => decideSubmission(contextOf(request), request.params.id, { release: false, ...request.body }),
  );
};
