import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import {
  AssignResponsibilityBody,
  GoalDetail,
  GoalDetailQuery,
  GoalParams,
  GoalSummary,
  GoalsQuery,
  GoalsResponse,
} from '@zielmonitor/shared/schemas/goal';
import { notFound } from '../lib/errors.ts';
import { goalPermissions } from '../services/permissions.ts';
import { goalReview } from '../services/submissions.ts';
import { assignResponsibility, listGoals } from '../services/goals.ts';
import { requireAdmin, signedInUser } from '../plugins/auth.ts';
import { resolvePointInTime } from '../services/point-in-time.ts';
import { assertKnownFilters } from '../services/references.ts';

export const goalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/goals',
    {
      schema: {
        operationId: 'listGoals',
        summary: 'Ziele gefiltert, sortiert und seitenweise, mit aktuellem Status',
        security: [],
        querystring: GoalsQuery,
        response: { 200: GoalsResponse, 400: ErrorResponse },
      },
    },
    async (request) => {
      assertKnownFilters(app.repos, request.query);
      const { at, echo } = resolvePointInTime(app.repos, request.query, {
        version: request.query.version ?? null,
        goalId: null,
      });
      return { ...listGoals(app.repos, request.query, at, request.user), at: echo };
    },
  );

  app.get(
    '/goals/:id',
    {
      schema: {
        operationId: 'getGoal',
        summary: 'Ein Ziel mit beiden Statusspuren, Quellen und Herkunft',
        security: [],
        params: GoalParams,
        querystring: GoalDetailQuery,
        response: { 200: GoalDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const { at, echo } = resolvePointInTime(app.repos, request.query, { version: null, goalId: request.params.id });
      const goal = app.repos.goals.get(request.params.id, at);
      if (!goal) throw notFound(`Ziel „${request.params.id}“ nicht gefunden`);
      return {
        ...goal,
        review: goalReview(app.repos, request.user, goal),
        permissions: goalPermissions(app.repos, request.user, goal),
        at: echo,
      };
    },
  );

  app.post(
    '/goals/:id/responsibility',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'assignResponsibility',
        summary: 'Festlegen, welches Ressort ab wann für ein Ziel verantwortlich ist',
        security: [{ session: [] }],
        params: GoalParams,
        body: AssignResponsibilityBody,
        response: {
          200: GoalSummary,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request) => {
      return assignResponsibility(
        app.db,
        app.repos,
        signedInUser(request),
        request.params.id,
        request.body,
        request.ip,
      );
    },
  );
};
