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
import { actorOf, mayReport, responsibilityToday } from '../services/permissions.ts';
import { decideSubmission, toSubmission } from '../services/submissions.ts';
import type { WriteContext } from '../services/status-updates.ts';

const DECIDE_RESPONSES = {
  200: SubmissionResponse,
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

export const submissionRoutes: FastifyPluginAsyncZod = async (app) => {
  const contextOf = (request: FastifyRequest): WriteContext => {
    if (!request.user) throw new Error('requireUser let an anonymous request through');
    return { db: app.db, repos: app.repos, user: request.user, ip: request.ip, now: new Date(), reviewRequired: true };
  };

  // The submissions a signed-in user's Ressorts are responsible for (all for the administration).
  app.get(
    '/submissions',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'listSubmissions',
        summary: 'Meldungen, die auf die Freigabe durch eine zweite Person warten',
        security: [{ session: [] }],
        querystring: SubmissionsQuery,
        response: { 200: SubmissionsResponse, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const user = contextOf(request).user;
      const actor = actorOf(app.repos, user);
      const visible = app.repos.submissions.list(request.query.state, request.query.goal ?? null).filter((s) => {
        if (user.role === 'admin') return true;
        const goal = app.repos.statusWrites.goalForUpdate(s.goalId);
        return goal !== undefined && mayReport(actor, responsibilityToday(app.repos, goal));
      });
      return { items: visible.map((s) => toSubmission(app.repos, s, actor)) };
    },
  );

  app.post(
    '/submissions/:id/release',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'releaseSubmission',
        summary: 'Eine eingereichte Meldung freigeben',
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
        summary: 'Eine eingereichte Meldung mit Begründung zurückgeben',
        security: [{ session: [] }],
        params: SubmissionParams,
        body: ReturnBody,
        response: DECIDE_RESPONSES,
      },
    },
    async (request) => decideSubmission(contextOf(request), request.params.id, { release: false, ...request.body }),
  );
};
