import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangesQuery, ChangesResponse, FeedQuery } from '@zielmonitor/shared/schemas/changes';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import type { Status } from '@zielmonitor/shared/schemas/common';
import { CHANGE_KIND_LABELS, STATUS_LABEL_DE, TRACK_LABELS } from '@zielmonitor/shared/vocabulary/labels';
import { toExcelCsv, toGermanDate } from '../lib/csv.ts';
import { renderAtomFeed } from '../lib/atom.ts';
import { AtomResponse, CsvResponse } from '../lib/text-response.ts';
import { absoluteUrl } from '../lib/links.ts';
import { changesInWindow } from '../services/changes.ts';
import { exportStamp } from '../services/export-stamp.ts';
import { assertKnownFilters } from '../services/references.ts';
import type { Reply } from '@zielmonitor/shared/schemas/reply';
import { replyAuthorLabel } from '@zielmonitor/shared/vocabulary/labels';

/** The replies to one report in one cell: who, what, and the evidence, one reply a paragraph. */
const repliesText = (replies: Reply[]) =>
  replies
    .map((r) => {
      const evidence = [r.evidence.url, r.evidence.reference].filter(Boolean).join(', ');
      return `${replyAuthorLabel(r.author)}: ${r.text}${evidence ? ` (Beleg: ${evidence})` : ''}`;
    })
    .join('\n\n');

const CSV_HEADERS = [
  'Art der Änderung',
  'Wirksam ab',
  'Ziel-ID',
  'Ziel',
  'Ressort',
  'Wessen Einschätzung',
  'Vorher',
  'Neu',
  'Fortschritt (%)',
  'Gemeldet von',
  'Eingetragen am',
  'Nachträglich gemeldet',
  'Grund der Berichtigung oder Rücknahme',
  'Anmerkung',
  'Beleg (URL)',
  'Beleg (Drucksache)',
  'Quelle',
  'Stellungnahmen',
  'Stand und Grundlage',
  'Link zum Zitieren',
];

export const changeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/changes',
    {
      schema: {
        operationId: 'listChanges',
        summary: 'Statusänderungen, Berichtigungen und Rücknahmen in einem Zeitraum',
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
      const query = request.query;
      const { since, until, items, at, replies } = changesInWindow(app.repos, query);
      const stamp = exportStamp(
        app.repos,
        app.publicOrigin,
        {
          path: '/aenderungen',
          version: query.version ?? null,
          params: { since, until, ressort: query.ressort, track: query.track },
        },
        { asOf: until, knownAt: at.recordedUntil },
      );
      const label = (s: Status | null) => (s ? STATUS_LABEL_DE[s] : '');
      const rows = items.map((c) => [
        CHANGE_KIND_LABELS.de[c.kind],
        toGermanDate(c.event.effectiveDate, c.event.effectiveDatePrecision),
        c.goalId,
        c.goalTitle,
        c.ressort ?? '',
        TRACK_LABELS.de[c.track],
        label(c.from),
        label(c.to),
        c.event.progress === null ? '' : String(c.event.progress),
        c.reporter,
        toGermanDate(c.recordedAt.slice(0, 10)),
        c.event.lateReport ? 'ja' : 'nein',
        c.reason ?? '',
        c.event.note ?? '',
        c.event.evidence.url ?? '',
        c.event.evidence.reference ?? '',
        c.event.sourceId ?? '',
        repliesText(replies.filter((r) => r.target.id === c.event.id)),
        stamp.text,
        stamp.citableUrl,
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="zielmonitor-aenderungen-${since}-bis-${until}.csv"`)
        .send(toExcelCsv(CSV_HEADERS, rows));
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
      const changes = app.repos.changes.latestOfficial(ressort, 50);
      // The feed's own address is the canonical one, whatever spelling of the query was requested.
      const self = `/api/feeds/changes.atom${ressort ? `?ressort=${encodeURIComponent(ressort)}` : ''}`;
      return reply
        .type('application/atom+xml; charset=utf-8')
        .send(
          renderAtomFeed({ origin: app.publicOrigin, ressort, changes, selfUrl: absoluteUrl(app.publicOrigin, self) }),
        );
    },
  );
};
