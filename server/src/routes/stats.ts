import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import {
  DueQuery,
  DueResponse,
  LegislativePeriodsResponse,
  RessortStatsResponse,
  StatsQuery,
} from '@zielmonitor/shared/schemas/stats';
import { ReportedFiguresQuery, ReportedFiguresResponse } from '@zielmonitor/shared/schemas/reported-figure';
import { TimelineQuery, TimelineResponse } from '@zielmonitor/shared/schemas/timeline';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { unknownValue } from '../lib/errors.ts';
import { referenceDate } from '../repositories/goals.ts';
import { resolvePointInTime } from '../services/point-in-time.ts';
import { assertKnownFilters, knownVersion } from '../services/references.ts';
import { exportStamp } from '../services/export-stamp.ts';
import { timelineView } from '../services/timeline-view.ts';
import { RESSORT_STATS_CSV_HEADERS, ressortStatsRows } from '../services/ressort-stats-csv.ts';
import { toExcelCsv } from '../lib/csv.ts';
import { CsvResponse } from '../lib/text-response.ts';

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stats/ressorts',
    {
      schema: {
        operationId: 'getRessortStats',
        summary: 'Erfüllung je Ressort nach Status',
        security: [],
        querystring: StatsQuery,
        response: { 200: RessortStatsResponse, 400: ErrorResponse },
      },
    },
    async (request) => {
      const version = knownVersion(app.repos, request.query.version);
      const { at, echo } = resolvePointInTime(app.repos, request.query, { version: version.key, goalId: null });
      return {
        version: version.key,
        track: request.query.track,
        rule: request.query.rule,
        referenceDate: referenceDate(at.asOf),
        declaredGoalCount: version.declaredGoalCount,
        documentedGoalCount: version.documentedGoalCount,
        ruleCounts: app.repos.stats.ruleCounts(version.key, at.asOf),
        items: app.repos.stats.ressortStats(version.key, request.query.track, at, request.query.rule),
        at: echo,
      };
    },
  );

  // The per-Ressort table of the overview, for Excel: the same figures, stamped like the view.
  app.get(
    '/export/ressort-stats.csv',
    {
      schema: {
        operationId: 'exportRessortStatsCsv',
        summary: 'Erfüllung je Ressort als CSV (die Tabelle des Überblicks)',
        security: [],
        querystring: StatsQuery,
        response: { 200: CsvResponse, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { track, rule } = request.query;
      const version = knownVersion(app.repos, request.query.version);
      const { at } = resolvePointInTime(app.repos, request.query, { version: version.key, goalId: null });
      const stamp = exportStamp(
        app.repos,
        app.publicOrigin,
        { path: '/', version: version.key, params: { track, rule } },
        at,
      );
      const items = app.repos.stats.ressortStats(version.key, track, at, rule);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="zielmonitor-ressorts-${version.key}-${stamp.asOf}.csv"`)
        .send(toExcelCsv(RESSORT_STATS_CSV_HEADERS, ressortStatsRows(items, track, rule, stamp)));
    },
  );

  app.get(
    '/legislative-periods',
    {
      schema: {
        operationId: 'listLegislativePeriods',
        summary: 'Wahlperioden des Landtags',
        security: [],
        response: { 200: LegislativePeriodsResponse },
      },
    },
    async () => app.repos.periods.list(),
  );

  app.get(
    '/stats/due',
    {
      schema: {
        operationId: 'getDueStats',
        summary: 'Was je Ressort in einer Wahlperiode fällig wird',
        security: [],
        querystring: DueQuery,
        response: { 200: DueResponse, 400: ErrorResponse },
      },
    },
    async (request) => {
      const version = knownVersion(app.repos, request.query.version);
      const period = app.repos.periods.list().find((p) => p.key === request.query.period);
      if (!period) throw unknownValue('query', 'period', `unbekannte Wahlperiode „${request.query.period}“`);
      const end = period.endsOn ?? todayInBerlin();
      return { version: version.key, period, items: app.repos.stats.dueByPeriod(version.key, end) };
    },
  );

  app.get(
    '/stats/timeline',
    {
      schema: {
        operationId: 'getTimeline',
        summary: 'Statusverteilung zu jedem Periodenende',
        security: [],
        querystring: TimelineQuery,
        response: { 200: TimelineResponse, 400: ErrorResponse },
      },
    },
    async (request) => {
      const query = request.query;
      const view = await timelineView(app.repos, query);
      return {
        version: view.version,
        ressort: query.ressort ?? null,
        track: query.track,
        interval: query.interval,
        from: view.from,
        to: view.to,
        points: view.points,
        at: view.echo,
      };
    },
  );

  app.get(
    '/reported-figures',
    {
      schema: {
        operationId: 'listReportedFigures',
        summary: 'Gemeldete Gesamtzahlen von Regierung und Opposition mit Quelle',
        security: [],
        querystring: ReportedFiguresQuery,
        response: { 200: ReportedFiguresResponse, 400: ErrorResponse },
      },
    },
    async (request) => {
      assertKnownFilters(app.repos, request.query);
      const { at } = resolvePointInTime(app.repos, request.query);
      return { items: app.repos.reportedFigures.list(request.query.version, at.asOf) };
    },
  );
};
