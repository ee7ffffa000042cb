import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { ExportQuery, ImportQuery, ImportResult } from '@zielmonitor/shared/schemas/goal-csv';
import { GoalDetail } from '@zielmonitor/shared/schemas/goal';
import { STATUS_LABELS } from '@zielmonitor/shared/schemas/goal-csv';
import { todayInBerlin } from '@zielmonitor/shared/schemas/status-update';
import { toExcelCsv, toGermanDate } from '../lib/csv.ts';
import { AppError } from '../lib/errors.ts';
import { requireAdmin } from '../plugins/auth.ts';
import { goalsCsv, importGoalsCsv } from '../services/goal-csv.ts';
import { resolvePointInTime } from '../services/point-in-time.ts';
import { assertKnownFilters } from '../services/references.ts';
import type { Repositories } from '../repositories/index.ts';

const IMPORT_LIMIT = 5 * 1024 * 1024;

/** The goals the table shows for these filters, in its order, each with sources and history. */
function exportedGoals(repos: Repositories, query: z.infer<typeof ExportQuery>) {
  assertKnownFilters(repos, query);
  const { at, echo } = resolvePointInTime(repos, query);
  const ids = repos.goals.list({ ...query, limit: 1_000_000, offset: 0 }, at).items.map((g) => g.id);
  const goals = ids.map((id) => repos.goals.get(id, at)).filter((g) => g !== undefined);
  return { goals, echo };
}

const fileName = (query: z.infer<typeof ExportQuery>, what: string, ext: string) =>
  `zielmonitor-${what}${query.version ? `-${query.version}` : ''}-${query.asOf ?? todayInBerlin()}.${ext}`;

export const dataExchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/export/goals.csv', { schema: { querystring: ExportQuery, response: { 200: z.string(), 400: ErrorResponse } } }, async (request, reply) => {
    const { goals } = exportedGoals(app.repos, request.query);
    return reply.type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${fileName(request.query, 'ziele', 'csv')}"`)
      .send(goalsCsv(goals));
  });

  app.get('/export/status-events.csv', { schema: { querystring: ExportQuery, response: { 200: z.string(), 400: ErrorResponse } } }, async (request, reply) => {
    const { goals } = exportedGoals(app.repos, request.query);
    const headers = ['Ziel-ID', 'Ziel', 'Spur', 'Status', 'Fortschritt (%)', 'Wirksam ab', 'Datum laut Quelle', 'Erfasst am', 'Gemeldet von', 'Wortlaut', 'Anmerkung', 'Beleg (URL)', 'Beleg (Drucksache)', 'Quelle'];
    const rows = goals.flatMap((g) => [...g.history.official, ...g.history.independent].map((e) => [
      g.id, g.title, e.track === 'official' ? 'Landesregierung' : 'unabhängig', STATUS_LABELS[e.status], e.progress === null ? '' : String(e.progress),
      toGermanDate(e.effectiveDate), e.effectiveDateWording ?? '', toGermanDate(e.recordedAt.slice(0, 10)), e.reporter,
      e.originalWording ?? '', e.note ?? '', e.evidence.url ?? '', e.evidence.reference ?? '', e.sourceId ?? '',
    ]));
    return reply.type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${fileName(request.query, 'statusverlauf', 'csv')}"`)
      .send(toExcelCsv(headers, rows));
  });

  app.get('/export/goals.json', {
    schema: { querystring: ExportQuery, response: { 200: z.object({ at: GoalDetail.shape.at, goals: z.array(GoalDetail.omit({ at: true })) }), 400: ErrorResponse } },
  }, async (request, reply) => {
    const { goals, echo } = exportedGoals(app.repos, request.query);
    reply.header('Content-Disposition', `attachment; filename="${fileName(request.query, 'ziele', 'json')}"`);
    return { at: echo, goals };
  });

  await app.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post('/import/goals', {
      onRequest: requireAdmin,
      bodyLimit: IMPORT_LIMIT,
      schema: {
        querystring: ImportQuery,
        body: z.string().max(IMPORT_LIMIT),
        response: { 200: ImportResult, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
      },
    }, async (request, reply) => {
      const user = request.user;
      if (!user) throw new Error('requireAdmin let an anonymous request through');
      assertKnownFilters(app.repos, request.query);
      const result = importGoalsCsv(app.db, app.repos, user, { text: request.body, version: request.query.version, dryRun: request.query.dryRun, ip: request.ip });
      if (!result.dryRun && result.rejected.length > 0) {
        // Nothing was written: the rows and columns at fault, in the one error shape.
        throw new AppError(422, 'IMPORT_REJECTED', `Import abgelehnt, nichts wurde geschrieben: ${result.rejected.length} Problem(e)`,
          result.rejected.map((p) => ({ location: 'body', field: p.column ? `Zeile ${p.line}, ${p.column}` : `Zeile ${p.line}`, message: p.message })));
      }
      return reply.status(200).send(result);
    });
  });
};
