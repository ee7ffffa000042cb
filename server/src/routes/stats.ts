import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { RessortStatsResponse, StatsQuery } from '@zielmonitor/shared/schemas/stats';
import { ReportedFiguresQuery, ReportedFiguresResponse } from '@zielmonitor/shared/schemas/reported-figure';
import { assertKnownFilters } from '../services/references.ts';

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/stats/ressorts', {
    schema: { querystring: StatsQuery, response: { 200: RessortStatsResponse, 400: ErrorResponse } },
  }, async (request) => {
    assertKnownFilters(app.repos, request.query);
    const version = app.repos.versions.get(request.query.version);
    if (!version) throw new Error('version vanished after check');
    return {
      version: version.key,
      track: request.query.track,
      declaredGoalCount: version.declaredGoalCount,
      documentedGoalCount: version.documentedGoalCount,
      items: app.repos.stats.ressortStats(version.key, request.query.track),
    };
  });

  app.get('/reported-figures', {
    schema: { querystring: ReportedFiguresQuery, response: { 200: ReportedFiguresResponse, 400: ErrorResponse } },
  }, async (request) => {
    assertKnownFilters(app.repos, request.query);
    return { items: app.repos.reportedFigures.list(request.query.version) };
  });
};
