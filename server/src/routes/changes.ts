import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangesQuery, ChangesResponse, FeedQuery } from '@zielmonitor/shared/schemas/changes';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { endOfDayInBerlin, todayInBerlin } from '@zielmonitor/shared/time/berlin';
import type { Status } from '@zielmonitor/shared/schemas/common';
import { STATUS_LABELS } from '@zielmonitor/shared/schemas/goal-csv';
import { toExcelCsv, toGermanDate } from '../lib/csv.ts';
import { AppError } from '../lib/errors.ts';
import { renderAtomFeed } from '../lib/atom.ts';
import { absoluteUrl } from '../lib/links.ts';
import { NOW } from '../repositories/current-status-sql.ts';
import { assertKnownFilters } from '../services/references.ts';

export const changeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/changes',
    {
      schema: { querystring: ChangesQuery, response: { 200: ChangesResponse, 400: ErrorResponse } },
    },
    async (request) => {
      const query = request.query;
      assertKnownFilters(app.repos, query);
      const until = query.until ?? todayInBerlin();
      if (query.since > until) {
        throw new AppError(400, 'VALIDATION_ERROR', 'since: liegt nach until', [
          { location: 'query', field: 'since', message: 'liegt nach until' },
        ]);
      }
      return {
        since: query.since,
        until,
        ...app.repos.changes.inWindow({
          ...query,
          until,
          knownAt: query.knownAt ? endOfDayInBerlin(query.knownAt) : NOW.knownAt,
        }),
      };
    },
  );

  app.get(
    '/export/changes.csv',
    {
      schema: { querystring: ChangesQuery, response: { 200: z.string(), 400: ErrorResponse } },
    },
    async (request, reply) => {
      const query = request.query;
      assertKnownFilters(app.repos, query);
      const until = query.until ?? todayInBerlin();
      const { items } = app.repos.changes.inWindow({
        ...query,
        until,
        knownAt: query.knownAt ? endOfDayInBerlin(query.knownAt) : NOW.knownAt,
      });
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
        .header('Content-Disposition', `attachment; filename="zielmonitor-aenderungen-${query.since}-bis-${until}.csv"`)
        .send(toExcelCsv(headers, rows));
    },
  );

  app.get(
    '/feeds/changes.atom',
    {
      // Strings with a non-JSON content type bypass the serializer: the XML is sent as it is.
      schema: { querystring: FeedQuery, response: { 200: z.string(), 400: ErrorResponse } },
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
