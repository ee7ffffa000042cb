import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { GoalDetail, GoalDetailQuery, GoalParams, GoalsQuery, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import { notFound } from '../lib/errors.ts';
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
      const { at, echo } = resolvePointInTime(app.repos, request.query);
      return { ...app.repos.goals.list(request.query, at), at: echo };
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
      const { at, echo } = resolvePointInTime(app.repos, request.query);
      const goal = app.repos.goals.get(request.params.id, at);
      if (!goal) throw notFound(`Ziel „${request.params.id}“ nicht gefunden`);
      return { ...goal, at: echo };
    },
  );
};
