import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { LineageQuery } from '@zielmonitor/shared/schemas/lineage';
import { TimelineQuery } from '@zielmonitor/shared/schemas/timeline';
import { lineageFlowsIn } from '@zielmonitor/shared/lineage/flows';
import { toExcelCsv } from '../lib/csv.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import { CsvResponse } from '../lib/text-response.ts';
import { LINEAGE_CSV_HEADERS, TIMELINE_CSV_HEADERS, lineageRows, timelineRows } from '../services/chart-csv.ts';
import { exportStamp } from '../services/export-stamp.ts';
import { buildLineage } from '../services/lineage.ts';
import { knownVersion } from '../services/references.ts';
import { timelineView } from '../services/timeline-view.ts';

/** The data tables of the Verlauf and the 44 → 78 chart, for Excel: the same figures, stamped like the view. */
export const chartExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export/timeline.csv',
    {
      schema: {
        operationId: 'exportTimelineCsv',
        summary: 'Statusverteilung zu jedem Periodenende als CSV (die Tabelle des Verlaufs)',
        security: [],
        querystring: TimelineQuery,
        response: { 200: CsvResponse, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { track, interval, ressort } = request.query;
      const view = await timelineView(app.repos, request.query);
      const stamp = exportStamp(
        app.repos,
        app.publicOrigin,
        { path: '/verlauf', version: view.version, params: { track, interval } },
        view.at,
      );
      const name = `zielmonitor-verlauf-${view.version}${ressort ? `-${ressort}` : ''}-${stamp.asOf}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${name}"`)
        .send(toExcelCsv(TIMELINE_CSV_HEADERS, timelineRows(view.points, ressort ?? null, track, stamp)));
    },
  );

  app.get(
    '/export/lineage.csv',
    {
      schema: {
        operationId: 'exportLineageCsv',
        summary: 'Ströme von 1.0 nach 2.0 mit ihren Zielen als CSV (die Tabelle unter dem Diagramm)',
        security: [],
        querystring: LineageQuery,
        response: { 200: CsvResponse, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const from = knownVersion(app.repos, request.query.from);
      const to = knownVersion(app.repos, request.query.to);
      const lineage = buildLineage(app.repos, from, to, request.query.track);
      const stamp = exportStamp(
        app.repos,
        app.publicOrigin,
        { path: '/44-zu-78', version: to.key, params: {} },
        // Fates are judged by the record as it stood when the new version was presented.
        { asOf: to.presentedOn, knownAt: NOW.knownAt },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="zielmonitor-44-zu-78-${from.key}-${to.key}.csv"`)
        .send(toExcelCsv(LINEAGE_CSV_HEADERS, lineageRows(lineageFlowsIn(lineage, 'de'), stamp)));
    },
  );
};
