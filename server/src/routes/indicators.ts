import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import {
  IndicatorDetail,
  IndicatorDetailQuery,
  IndicatorParams,
  IndicatorsQuery,
  IndicatorsResponse,
} from '@zielmonitor/shared/schemas/indicator';
import {
  CreateIndicatorBody,
  ReadingBody,
  ReadingParams,
  ReadingResponse,
  SupersedeBody,
  UpdateIndicatorBody,
} from '@zielmonitor/shared/schemas/indicator-write';
import { SubmissionResponse } from '@zielmonitor/shared/schemas/submission';
import { notFound, unknownValue } from '../lib/errors.ts';
import { requireAdmin, requireUser, signedInUser } from '../plugins/auth.ts';
import { writeContext } from './write-context.ts';
import { referenceDate } from '../repositories/goals.ts';
import { indicatorPermissions, mayReportIndicator } from '../services/permissions.ts';
import { createIndicator, updateIndicator } from '../services/indicator-admin.ts';
import {
  forbiddenIndicator,
  mayWriteOnIndicator,
  recordReading,
  supersedeReading,
} from '../services/indicator-readings.ts';
import { indicatorDetail, listIndicators } from '../services/indicators.ts';
import { resolvePointInTime } from '../services/point-in-time.ts';
import { indicatorReview } from '../services/reading-submission-view.ts';
import { assertKnownFilters } from '../services/references.ts';

/** 201: in the public record at once; 202: submitted, waiting for a second person's release. */
const READING_RESPONSES = {
  201: ReadingResponse,
  202: SubmissionResponse,
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

const WRITE_ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

export const indicatorRoutes: FastifyPluginAsyncZod<{ reviewRequired: boolean }> = async (app, opts) => {
  const contextOf = (request: FastifyRequest) => writeContext(app, request, opts.reviewRequired);
  // Another Ressort's indicator is refused before its body is even looked at.
  const ownRessort = async (request: FastifyRequest) => {
    const { id } = request.params as { id?: string };
    if (!id || !request.user || !app.repos.indicators.get(id)) return;
    if (!mayWriteOnIndicator(app.repos, request.user, id)) {
      request.log.warn({ user: request.user.email, indicator: id }, 'authorization failed: other Ressort');
      throw forbiddenIndicator();
    }
  };
  const detail = (
    request: FastifyRequest,
    id: string,
    query: { asOf?: string | undefined; knownAt?: string | undefined; snapshot?: string | undefined; limit?: number },
  ) => {
    const { at, echo } = resolvePointInTime(app.repos, query);
    const reference = referenceDate(at.asOf);
    const found = indicatorDetail(
      app.repos.indicators,
      id,
      at,
      reference,
      request.user !== null && mayReportIndicator(app.repos, request.user, id),
      query.limit,
    );
    if (!found) throw notFound(`Kennzahl „${id}“ nicht gefunden`);
    const shown = new Set(found.readings.map((r) => r.id));
    // Replies to the readings shown: one to a reading beyond the view's limit or date is not part of it.
    const replies = app.repos.replies.ofIndicator(id, at.knownAt).filter((r) => shown.has(r.target.id));
    const may = indicatorPermissions(app.repos, request.user, id, found.readings, replies);
    return { ...found, review: indicatorReview(app.repos, request.user, id), replies, ...may, at: echo };
  };

  app.get(
    '/indicators',
    {
      schema: {
        operationId: 'listIndicators',
        summary: 'Kennzahlen mit Zielwerten und letztem Messwert',
        security: [],
        querystring: IndicatorsQuery,
        response: { 200: IndicatorsResponse, 400: ErrorResponse },
      },
    },
    async (request) => {
      assertKnownFilters(app.repos, request.query);
      if (request.query.goal !== undefined && !app.repos.goalWrites.get(request.query.goal)) {
        throw unknownValue('query', 'goal', `unbekanntes Ziel „${request.query.goal}“`);
      }
      const { at, echo } = resolvePointInTime(app.repos, request.query);
      return { items: listIndicators(app.repos.indicators, request.query, at, referenceDate(at.asOf)), at: echo };
    },
  );

  app.get(
    '/indicators/:id',
    {
      schema: {
        operationId: 'getIndicator',
        summary: 'Eine Kennzahl mit Zielpfad und Messwerten',
        security: [],
        params: IndicatorParams,
        querystring: IndicatorDetailQuery,
        response: { 200: IndicatorDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => detail(request, request.params.id, request.query),
  );

  app.post(
    '/indicators/:id/readings',
    {
      onRequest: requireUser,
      preValidation: ownRessort,
      schema: {
        operationId: 'addReading',
        summary: 'Messwert melden (wartet mit REVIEW_REQUIRED auf Freigabe: 202)',
        security: [{ session: [] }],
        params: IndicatorParams,
        body: ReadingBody,
        response: READING_RESPONSES,
      },
    },
    async (request, reply) => {
      const result = recordReading(contextOf(request), request.params.id, request.body);
      return reply.status(result.status).send(result.body);
    },
  );

  app.post(
    '/indicators/:id/readings/:readingId/supersede',
    {
      onRequest: requireUser,
      preValidation: ownRessort,
      schema: {
        operationId: 'supersedeReading',
        summary: 'Messwert berichtigen oder zurückziehen (amtliche wartet mit REVIEW_REQUIRED auf Freigabe: 202)',
        security: [{ session: [] }],
        params: ReadingParams,
        body: SupersedeBody,
        response: READING_RESPONSES,
      },
    },
    async (request, reply) => {
      const { id, readingId } = request.params;
      const result = supersedeReading(contextOf(request), id, readingId, request.body);
      return reply.status(result.status).send(result.body);
    },
  );

  app.post(
    '/indicators',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'createIndicator',
        summary: 'Eine Kennzahl anlegen',
        security: [{ session: [] }],
        body: CreateIndicatorBody,
        response: { 201: IndicatorDetail, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      createIndicator(app.db, app.repos, signedInUser(request), request.body, request.ip);
      return reply.status(201).send(detail(request, request.body.id, {}));
    },
  );

  app.put(
    '/indicators/:id',
    {
      onRequest: requireAdmin,
      schema: {
        operationId: 'updateIndicator',
        summary: 'Eine Kennzahl ändern',
        security: [{ session: [] }],
        params: IndicatorParams,
        body: UpdateIndicatorBody,
        response: { 200: IndicatorDetail, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      updateIndicator(app.db, app.repos, signedInUser(request), request.params.id, request.body, request.ip);
      return detail(request, request.params.id, {});
    },
  );
};
