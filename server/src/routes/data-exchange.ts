import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { ExportQuery, GOAL_CSV_COLUMNS, ImportQuery, ImportResult } from '@zielmonitor/shared/schemas/goal-csv';
import { ExportedGoal, GoalsExportResponse } from '@zielmonitor/shared/schemas/goal';
import type { StatusEvent } from '@zielmonitor/shared/schemas/status-event';
import { STATUS_LABELS } from '@zielmonitor/shared/schemas/goal-csv';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { excelCsvHead, excelCsvLines, toGermanDate } from '../lib/csv.ts';
import { sendParts } from '../lib/stream.ts';
import { CsvResponse } from '../lib/text-response.ts';
import { AppError } from '../lib/errors.ts';
import { requireAdmin } from '../plugins/auth.ts';
import { goalCsvRow, importGoalsCsv } from '../services/goal-csv.ts';
import { resolvePointInTime } from '../services/point-in-time.ts';
import { assertKnownFilters } from '../services/references.ts';
import type { Repositories } from '../repositories/index.ts';

const IMPORT_LIMIT = 5 * 1024 * 1024;

/**
 * The goals the table shows for these filters, in its order, and the point in time to read them
 * at. The file is sent in parts: it is read as of the request, so that a report recorded while it
 * is being sent is left out of every part rather than showing up in some. (A goal's own fields
 * changed by an import while a file is being sent would show in the parts after the change.)
 */
function exportSelection(repos: Repositories, query: ExportQuery) {
  assertKnownFilters(repos, query);
  const { at, echo } = resolvePointInTime(repos, query);
  const now = new Date().toISOString();
  const pinned = { ...at, knownAt: at.knownAt < now ? at.knownAt : now };
  return { goals: repos.goals.list({ ...query, limit: 1_000_000, offset: 0 }, pinned).items, at: pinned, echo };
}

const fileName = (query: ExportQuery, what: string, ext: string) =>
  `zielmonitor-${what}${query.version ? `-${query.version}` : ''}-${query.asOf ?? todayInBerlin()}.${ext}`;

const EVENT_HEADERS = [
  'Ziel-ID',
  'Ziel',
  'Spur',
  'Status',
  'Fortschritt (%)',
  'Wirksam ab',
  'Datum laut Quelle',
  'Erfasst am',
  'Gemeldet von',
  'Wortlaut',
  'Anmerkung',
  'Beleg (URL)',
  'Beleg (Drucksache)',
  'Quelle',
];
const eventRow = (goal: { id: string; title: string }, e: StatusEvent): string[] => [
  goal.id,
  goal.title,
  e.track === 'official' ? 'Landesregierung' : 'unabhängig',
  STATUS_LABELS[e.status],
  e.progress === null ? '' : String(e.progress),
  toGermanDate(e.effectiveDate),
  e.effectiveDateWording ?? '',
  toGermanDate(e.recordedAt.slice(0, 10)),
  e.reporter,
  e.originalWording ?? '',
  e.note ?? '',
  e.evidence.url ?? '',
  e.evidence.reference ?? '',
  e.sourceId ?? '',
];
const EVENTS_PER_PART = 250;

export const dataExchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export/goals.csv',
    {
      schema: {
        operationId: 'exportGoalsCsv',
        summary: 'Die gefilterte Zielliste als CSV (für Excel)',
        security: [],
        querystring: ExportQuery,
        response: { 200: CsvResponse, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { goals, at } = exportSelection(app.repos, request.query);
      reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${fileName(request.query, 'ziele', 'csv')}"`);
      return sendParts(reply, function* () {
        yield excelCsvHead(GOAL_CSV_COLUMNS.map((c) => c.header));
        for (const { id } of goals) {
          const goal = app.repos.goals.describe(id, at);
          if (goal) yield excelCsvLines([goalCsvRow(goal)]);
        }
      });
    },
  );

  app.get(
    '/export/status-events.csv',
    {
      schema: {
        operationId: 'exportStatusEventsCsv',
        summary: 'Statusverlauf der gefilterten Ziele als CSV',
        security: [],
        querystring: ExportQuery,
        response: { 200: CsvResponse, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { goals, at } = exportSelection(app.repos, request.query);
      reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${fileName(request.query, 'statusverlauf', 'csv')}"`);
      return sendParts(reply, function* () {
        yield excelCsvHead(EVENT_HEADERS);
        for (const goal of goals) {
          const { official, independent } = app.repos.goals.history(goal.id, at);
          const events = [...official, ...independent];
          // A long history in several parts: formatting 2,000 events as CSV takes 25 ms.
          for (let i = 0; i < events.length; i += EVENTS_PER_PART)
            yield excelCsvLines(events.slice(i, i + EVENTS_PER_PART).map((e) => eventRow(goal, e)));
        }
      });
    },
  );

  app.get(
    '/export/goals.json',
    {
      schema: {
        operationId: 'exportGoalsJson',
        summary: 'Die gefilterten Ziele mit Verlauf als JSON',
        security: [],
        querystring: ExportQuery,
        response: { 200: GoalsExportResponse, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { goals, at, echo } = exportSelection(app.repos, request.query);
      // Each goal passes the response schema on its way out, as the whole answer would.
      reply
        .type('application/json; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${fileName(request.query, 'ziele', 'json')}"`);
      return sendParts(reply, function* () {
        yield `{"at":${JSON.stringify(GoalsExportResponse.shape.at.parse(echo))},"goals":[`;
        let first = true;
        for (const { id } of goals) {
          const goal = app.repos.goals.get(id, at);
          if (!goal) continue;
          // Reading a long history and checking it are two parts: at 2,000 events each takes ~15 ms.
          yield '';
          yield `${first ? '' : ','}${JSON.stringify(ExportedGoal.parse(goal))}`;
          first = false;
        }
        yield ']}';
      });
    },
  );

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: IMPORT_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(
      '/import/goals',
      {
        onRequest: requireAdmin,
        bodyLimit: IMPORT_LIMIT,
        schema: {
          operationId: 'importGoalsCsv',
          consumes: ['text/csv'],
          summary: 'Zielliste als CSV einlesen (Probelauf oder alles-oder-nichts)',
          security: [{ session: [] }],
          querystring: ImportQuery,
          body: z.string().max(IMPORT_LIMIT),
          response: {
            200: ImportResult,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const user = request.user;
        if (!user) throw new Error('requireAdmin let an anonymous request through');
        assertKnownFilters(app.repos, request.query);
        const result = importGoalsCsv(app.db, app.repos, user, {
          text: request.body,
          version: request.query.version,
          dryRun: request.query.dryRun,
          ip: request.ip,
        });
        if (!result.dryRun && result.rejected.length > 0) {
          // Nothing was written: the rows and columns at fault, in the one error shape.
          throw new AppError(
            422,
            'IMPORT_REJECTED',
            `Import abgelehnt, nichts wurde geschrieben: ${result.rejected.length} Problem(e)`,
            result.rejected.map((p) => ({
              location: 'body',
              field: p.column ? `Zeile ${p.line}, ${p.column}` : `Zeile ${p.line}`,
              message: p.message,
            })),
          );
        }
        return reply.status(200).send(result);
      },
    );
  });
};
