import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import {
  ExportQuery,
  GOAL_CSV_COLUMNS,
  IMPORT_LIMITS,
  ImportQuery,
  ImportResult,
} from '@zielmonitor/shared/schemas/goal-csv';
import { ExportedGoal, GoalsExportResponse } from '@zielmonitor/shared/schemas/goal';
import type { StatusEvent } from '@zielmonitor/shared/schemas/status-event';
import { CHANGE_KIND_LABELS, STATUS_LABEL_DE, TRACK_LABELS } from '@zielmonitor/shared/vocabulary/labels';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { excelCsvHead, excelCsvLines, toGermanDate } from '../lib/csv.ts';
import { sendParts } from '../lib/stream.ts';
import { CsvResponse } from '../lib/text-response.ts';
import { AppError, TooManyRequests } from '../lib/errors.ts';
import { createConcurrencyGate } from '../lib/concurrency-gate.ts';
import { requireAdmin, signedInUser } from '../plugins/auth.ts';
import { goalCsvRow } from '../services/goal-csv.ts';
import { importGoalsCsv, importTooLarge } from '../services/goal-import.ts';
import { resolvePointInTime } from '../services/point-in-time.ts';
import { assertKnownFilters } from '../services/references.ts';
import type { Repositories } from '../repositories/index.ts';
import { exportStamp, type ExportStamp } from '../services/export-stamp.ts';

/**
 * The goals the table shows for these filters, in its order, and the point in time to read them
 * at. The file is sent in parts: it is read as of the request, so that a report recorded while it
 * is being sent is left out of every part rather than showing up in some. (A goal's own fields
 * changed by an import while a file is being sent would show in the parts after the change.)
 */
function exportSelection(repos: Repositories, query: ExportQuery, origin: string) {
  assertKnownFilters(repos, query);
  const { at, echo } = resolvePointInTime(repos, query, { version: query.version ?? null, goalId: null });
  const now = new Date().toISOString();
  const pinned = { ...at, knownAt: at.knownAt < now ? at.knownAt : now };
  const { version, snapshot: _snapshot, asOf: _asOf, knownAt: _knownAt, ...filters } = query;
  const stamp = exportStamp(repos, origin, { path: '/ziele', version: version ?? null, params: filters }, pinned);
  return {
    goals: repos.goals.list({ ...query, limit: 1_000_000, offset: 0 }, pinned).items,
    at: pinned,
    echo,
    stamp,
  };
}

const fileName = (query: ExportQuery, what: string, ext: string) =>
  `zielmonitor-${what}${query.version ? `-${query.version}` : ''}-${query.asOf ?? todayInBerlin()}.${ext}`;

const EVENT_HEADERS = [
  'Ziel-ID',
  'Ziel',
  'Wessen Einschätzung',
  'Art der Meldung',
  'Status',
  'Fortschritt (%)',
  'Wirksam ab',
  'Datum laut Quelle',
  'Eingetragen am',
  'Nachträglich gemeldet',
  'Gemeldet von',
  'Berichtigt oder zurückgenommen am',
  'Grund',
  'Wortlaut',
  'Anmerkung',
  'Beleg (URL)',
  'Beleg (Drucksache)',
  'Quelle',
  'Stand und Grundlage',
  'Link zum Zitieren',
];
const eventRow = (goal: { id: string; title: string }, e: StatusEvent, stamp: ExportStamp): string[] => [
  goal.id,
  goal.title,
  TRACK_LABELS.de[e.track],
  CHANGE_KIND_LABELS.de[e.kind],
  STATUS_LABEL_DE[e.status],
  e.progress === null ? '' : String(e.progress),
  toGermanDate(e.effectiveDate, e.effectiveDatePrecision),
  e.effectiveDateWording ?? '',
  toGermanDate(e.recordedAt.slice(0, 10)),
  e.lateReport ? 'ja' : 'nein',
  e.reporter,
  e.supersededBy
    ? `${e.supersededBy.kind === 'correction' ? 'berichtigt' : 'zurückgenommen'} am ${toGermanDate(e.supersededBy.recordedAt.slice(0, 10))} von ${e.supersededBy.reporter}`
    : '',
  e.supersededBy?.reason ?? '',
  e.originalWording ?? '',
  e.note ?? '',
  e.evidence.url ?? '',
  e.evidence.reference ?? '',
  e.sourceId ?? '',
  stamp.text,
  stamp.citableUrl,
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
      const { goals, at, stamp } = exportSelection(app.repos, request.query, app.publicOrigin);
      reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${fileName(request.query, 'ziele', 'csv')}"`);
      return sendParts(reply, function* () {
        yield excelCsvHead(GOAL_CSV_COLUMNS.map((c) => c.header));
        for (const { id } of goals) {
          const goal = app.repos.goals.describe(id, at);
          if (goal) yield excelCsvLines([goalCsvRow(goal, stamp)]);
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
      const { goals, at, stamp } = exportSelection(app.repos, request.query, app.publicOrigin);
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
            yield excelCsvLines(events.slice(i, i + EVENTS_PER_PART).map((e) => eventRow(goal, e, stamp)));
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
      const { goals, at, echo, stamp } = exportSelection(app.repos, request.query, app.publicOrigin);
      // Each goal passes the response schema on its way out, as the whole answer would.
      reply
        .type('application/json; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${fileName(request.query, 'ziele', 'json')}"`);
      return sendParts(reply, function* () {
        yield `{"stamp":${JSON.stringify(GoalsExportResponse.shape.stamp.parse(stamp))},"at":${JSON.stringify(GoalsExportResponse.shape.at.parse(echo))},"goals":[`;
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

  // One import at a time in this process: a second one waits for nothing and is told so.
  const importing = createConcurrencyGate({ total: 1, perKey: 1 });
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: IMPORT_LIMITS.bytes },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(
      '/import/goals',
      {
        onRequest: requireAdmin,
        bodyLimit: IMPORT_LIMITS.bytes,
        config: { tooLargeMessage: importTooLarge().message },
        schema: {
          operationId: 'importGoalsCsv',
          consumes: ['text/csv'],
          summary: 'Zielliste als CSV einlesen (Probelauf oder alles-oder-nichts)',
          security: [{ session: [] }],
          querystring: ImportQuery,
          body: z.string().max(IMPORT_LIMITS.bytes),
          response: {
            200: ImportResult,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            409: ErrorResponse,
            413: ErrorResponse,
            422: ErrorResponse,
            429: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const user = signedInUser(request);
        assertKnownFilters(app.repos, request.query);
        const leave = importing.tryEnter('import');
        if (!leave)
          throw new TooManyRequests(
            'IMPORT_BUSY',
            'Gerade läuft ein anderer Import. Bitte gleich erneut versuchen.',
            5,
          );
        let result: ImportResult;
        try {
          result = await importGoalsCsv(app.db, app.repos, user, {
            text: request.body,
            version: request.query.version,
            dryRun: request.query.dryRun,
            ip: request.ip,
          });
        } finally {
          leave();
        }
        if (!result.dryRun && result.totals.rejected > 0) {
          // Nothing was written: the rows and columns at fault (the first 100), in the one error shape.
          const more = result.totals.rejected - result.rejected.length;
          throw new AppError(
            422,
            'IMPORT_REJECTED',
            `Import abgelehnt, nichts wurde geschrieben: ${result.totals.rejected === 1 ? '1 Problem' : `${result.totals.rejected} Probleme`}${more > 0 ? ` (die ersten ${result.rejected.length} sind aufgeführt)` : ''}`,
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
