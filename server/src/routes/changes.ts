import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangesQuery, ChangesResponse, FeedQuery } from '@zielmonitor/shared/schemas/changes';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import type { Status } from '@zielmonitor/shared/schemas/common';
import { STATUS_LABELS } from '@zielmonitor/shared/schemas/goal-csv';
import { toExcelCsv, toGermanDate } from '../lib/csv.ts';
import { renderAtomFeed } from '../lib/atom.ts';
import { CsvResponse, textResponse } from '../lib/text-response.ts';
import { changesInWindow } from '../services/changes.ts';
import { assertKnownFilters } from '../services/references.ts';

const AtomResponse = textResponse('application/atom+xml', 'Atom-Feed (RFC 4287)');

export const changeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/changes',
    {
      schema: {
        operationId: 'listChanges',
        summary: 'Statusänderungen in einem Zeitraum mit dem vorherigen Status',
        security: [],
        querystring: ChangesQuery,
        response: { 200: ChangesResponse, 400: ErrorResponse },
      },
    },
    async (request) => changesInWindow(app.repos, request.query),
  );

  app.get(
    '/export/changes.csv',
    {
      schema: {
        operationId: 'exportChangesCsv',
        summary: 'Statusänderungen eines Zeitraums als CSV',
        security: [],
        querystring: ChangesQuery,
        response: { 200: CsvResponse, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { since, until, items } = changesInWindow(app.repos, request.query);
      const headers = [
        'Wirksam ab',
        'Ziel-ID',
        'Ziel',
        'Ressort',
        'Spur',
        'Vorher',
        'Neu',
        'Fortschritt (%)',
        'Gemeldet von',
        'Erfasst am',
        'Anmerkung',
        'Beleg (URL)',
        'Beleg (Drucksache)',
        'Quelle',
      ];
      const label = (s: Status | null) => (s ? STATUS_LABELS[s] : '');
      const rows = items.map((c) => [
        toGermanDate(c.event.effectiveDate),
        c.goalId,
        c.goalTitle,
        c.ressort ?? '',
        c.event.track === 'official' ? 'Landesregierung' : 'unabhängig',
        label(c.from),
        label(c.to),
        c.event.progress === null ? '' : String(c.event.progress),
        c.event.reporter,
        toGermanDate(c.event.recordedAt.slice(0, 10)),
        c.event.note ?? '',
        c.event.evidence.url ?? '',
        c.event.evidence.reference ?? '',
        c.event.sourceId ?? '',
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="zielmonitor-aenderungen-${since}-bis-${until}.csv"`)
        .send(toExcelCsv(headers, rows));
    },
  );

  app.get(
    '/feeds/changes.atom',
    {
      // Strings with a non-JSON content type bypass the serializer: the XML is sent as it is.
      schema: {
        operationId: 'getChangesFeed',
        summary: 'Atom-Feed der amtlichen Statusänderungen',
        security: [],
        querystring: FeedQuery,
        response: { 200: AtomResponse, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      assertKnownFilters(app.repos, request.query);
      const ressort = request.query.ressort ?? null;
      const base = `${request.protocol}://${request.host}`;
      const changes = app.repos.changes.latestOfficial(ressort, 50);
      return reply
        .type('application/atom+xml; charset=utf-8')
        .send(renderAtomFeed({ base, ressort, changes, selfUrl: `${base}${request.url}` }));
    },
  );
};
