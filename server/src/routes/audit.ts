import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditQuery, AuditResponse } from '@zielmonitor/shared/schemas/audit';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { endOfDayInBerlin, startOfDayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDateTime } from '@zielmonitor/shared/time/format';
import { toExcelCsv } from '../lib/csv.ts';
import { AppError } from '../lib/errors.ts';
import { CsvResponse } from '../lib/text-response.ts';
import { requireAdmin } from '../plugins/auth.ts';
import type { AuditFilter } from '../repositories/audit.ts';

/** The query as SQL-ready filters: days in Berlin time, the actor as a LIKE pattern. */
function filterOf(query: AuditQuery): AuditFilter {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new AppError(400, 'VALIDATION_ERROR', 'from: liegt nach to', [
      { location: 'query', field: 'from', message: 'liegt nach to' },
    ]);
  }
  return {
    actor: query.actor ? `%${query.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
    action: query.action ?? null,
    ressort: query.ressort ?? null,
    from: query.from ? startOfDayInBerlin(query.from) : null,
    to: query.to ? endOfDayInBerlin(query.to) : null,
  };
}

const SUBJECTS: Record<string, string> = { goal: 'Ziel', round: 'Berichtsrunde', snapshot: 'Stand', user: 'Konto' };

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'listAuditEntries',
        summary: 'Protokoll aller Schreibzugriffe (nur Administration)',
        security: [{ session: [] }],
        querystring: AuditQuery,
        response: { 200: AuditResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => app.repos.audit.list(filterOf(request.query), request.query.limit, request.query.offset),
  );

  // The same entries for German Excel: every entry matching the filters, newest first.
  app.get(
    '/export/audit.csv',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'exportAuditCsv',
        summary: 'Das Prüfprotokoll als CSV',
        security: [{ session: [] }],
        querystring: AuditQuery.omit({ limit: true, offset: true }),
        response: { 200: CsvResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { items } = app.repos.audit.list(filterOf({ ...request.query, limit: 1, offset: 0 }), 100_000, 0);
      const rows = items.map((e) => [
        formatDateTime(e.at, 'de'),
        e.actor,
        e.actionLabel,
        `${SUBJECTS[e.subject.type] ?? 'Sonstiges'} ${e.subject.id}`,
        e.changes
          .map(
            (c) => `${c.label}: ${c.before ?? ''}${c.before !== null && c.after !== null ? ' → ' : ''}${c.after ?? ''}`,
          )
          .join(' · '),
        e.ip ?? '',
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="zielmonitor-protokoll.csv"')
        .send(toExcelCsv(['Zeitpunkt', 'Wer', 'Was', 'Betrifft', 'Änderungen', 'Adresse'], rows));
    },
  );
};
