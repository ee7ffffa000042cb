import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { ReadingParams } from '@zielmonitor/shared/schemas/indicator-write';
import { ReplyBody, ReplyParams, ReplyResponse, ReplySupersedeBody } from '@zielmonitor/shared/schemas/reply';
import { StatusEventParams } from '@zielmonitor/shared/schemas/status-update';
import { requireUser } from '../plugins/auth.ts';
import { writeContext } from './write-context.ts';
import { createReply, supersedeReply, type ReplyContext } from '../services/replies.ts';

const RESPONSES = {
  201: ReplyResponse,
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  429: ErrorResponse,
};

/** Replies (Stellungnahmen) under reports, assessments and readings, and their corrections and withdrawals. */
export const replyRoutes: FastifyPluginAsyncZod = async (app) => {
  // A reply never waits for a release: it changes no figure.
  const contextOf = (request: FastifyRequest): ReplyContext => writeContext(app, request, false);

  app.post(
    '/goals/:id/status/:eventId/replies',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'replyToStatusEvent',
        summary:
          'Stellungnahme zu einer Meldung oder Einschätzung abgeben (einmal je Organisation oder Ressort; die andere Seite)',
        security: [{ session: [] }],
        params: StatusEventParams,
        body: ReplyBody,
        response: RESPONSES,
      },
    },
    async (request, reply) => {
      const { id, eventId } = request.params;
      const result = createReply(contextOf(request), { kind: 'status_event', id: eventId }, id, request.body);
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/indicators/:id/readings/:readingId/replies',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'replyToReading',
        summary: 'Stellungnahme zu einem Messwert abgeben (einmal je Organisation oder Ressort; die andere Seite)',
        security: [{ session: [] }],
        params: ReadingParams,
        body: ReplyBody,
        response: RESPONSES,
      },
    },
    async (request, reply) => {
      const { id, readingId } = request.params;
      const result = createReply(contextOf(request), { kind: 'reading', id: readingId }, id, request.body);
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/replies/:replyId/supersede',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'supersedeReply',
        summary: 'Stellungnahme berichtigen oder zurücknehmen (mit Grund; die frühere Fassung bleibt sichtbar)',
        security: [{ session: [] }],
        params: ReplyParams,
        body: ReplySupersedeBody,
        response: RESPONSES,
      },
    },
    async (request, reply) => {
      const result = supersedeReply(contextOf(request), request.params.replyId, request.body);
      return reply.status(201).send(result);
    },
  );
};
