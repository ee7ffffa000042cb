import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import {
  READING_CSV_COLUMNS,
  ReadingsExportQuery,
  ReadingsImportQuery,
  ReadingsImportResult,
} from '@zielmonitor/shared/schemas/indicator-csv';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { excelCsvHead, excelCsvLines } from '../lib/csv.ts';
import { AppError, unknownValue } from '../lib/errors.ts';
import { sendParts } from '../lib/stream.ts';
import { CsvResponse } from '../lib/text-response.ts';
import { requireAdmin, signedInUser } from '../plugins/auth.ts';
import { readingCsvRow } from '../services/indicator-csv-row.ts';
import { importReadingsCsv } from '../services/indicator-csv.ts';
import { pathOf, toReading } from '../services/indicators.ts';
import { resolvePointInTime } from '../services/point-in-time.ts';
import { assertKnownFilters } from '../services/references.ts';

const IMPORT_LIMIT = 5 * 1024 * 1024;
const READINGS_PER_PART = 100;

/** Readings as CSV for German Excel, and the lossless import of that file (admins, dry run first). */
export const indicatorExchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export/indicator-readings.csv',
    {
      schema: {
        operationId: 'exportIndicatorReadingsCsv',
        summary: 'Messwerte der Kennzahlen als CSV',
        security: [],
        querystring: ReadingsExportQuery,
        response: { 200: CsvResponse, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const query = request.query;
      assertKnownFilters(app.repos, query);
      if (query.indicator !== undefined && !app.repos.indicators.get(query.indicator)) {
        throw unknownValue('query', 'indicator', `unbekannte Kennzahl „${query.indicator}“`);
      }
      const { at } = resolvePointInTime(app.repos, query);
      // Read as of the request: a reading recorded while the file is sent is in no part of it.
      const now = new Date().toISOString();
      const pinned = { ...at, knownAt: at.knownAt < now ? at.knownAt : now };
      const rows = app.repos.indicators.list(query).filter((i) => !query.indicator || i.id === query.indicator);
      const name = `zielmonitor-messwerte${query.indicator ? `-${query.indicator}` : ''}-${query.asOf ?? todayInBerlin()}.csv`;
      reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}"`);
      return sendParts(reply, function* () {
        yield excelCsvHead(READING_CSV_COLUMNS.map((c) => c.header));
        for (const indicator of rows) {
          const path = pathOf(app.repos.indicators.targets(indicator.id));
          // Oldest first: a file reads as a time series.
          const readings = app.repos.indicators.readings(indicator.id, pinned).reverse();
          // Reading an indicator's series and formatting it are separate parts: each stays short.
          yield '';
          for (let i = 0; i < readings.length; i += READINGS_PER_PART) {
            yield excelCsvLines(
              readings
                .slice(i, i + READINGS_PER_PART)
                .map((r) => readingCsvRow(indicator, toReading(r, path, indicator.direction))),
            );
          }
        }
      });
    },
  );

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: IMPORT_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/import/indicator-readings',
      {
        onRequest: requireAdmin,
        bodyLimit: IMPORT_LIMIT,
        schema: {
          operationId: 'importIndicatorReadings',
          consumes: ['text/csv'],
          summary: 'Messwerte aus einer CSV-Datei einlesen (Probelauf oder alles-oder-nichts)',
          security: [{ session: [] }],
          querystring: ReadingsImportQuery,
          body: z.string().max(IMPORT_LIMIT),
          response: {
            200: ReadingsImportResult,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request) => {
        const user = signedInUser(request);
        const result = importReadingsCsv(app.db, app.repos, user, {
          text: request.body,
          dryRun: request.query.dryRun,
          ip: request.ip,
        });
        if (!result.dryRun && result.rejected.length > 0) {
          // Nothing was written: the rows and columns at fault, in the one error shape.
          throw new AppError(
            422,
            'IMPORT_REJECTED',
            `Import abgelehnt, nichts wurde geschrieben: ${result.rejected.length} ${result.rejected.length === 1 ? 'Problem' : 'Probleme'}`,
            result.rejected.map((p) => ({
              location: 'body',
              field: p.column ? `Zeile ${p.line}, ${p.column}` : `Zeile ${p.line}`,
              message: p.message,
            })),
          );
        }
        return result;
      },
    );
  });
};
