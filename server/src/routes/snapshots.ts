import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import {
  CreateSnapshotBody,
  SnapshotDetail,
  SnapshotParams,
  SnapshotPayload,
  SnapshotSummary,
  SnapshotsResponse,
} from '@zielmonitor/shared/schemas/snapshot';
import { notFound } from '../lib/errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { createSnapshot, toSummary } from '../services/snapshots.ts';

export const snapshotRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/snapshots',
    {
      schema: {
        operationId: 'listSnapshots',
        summary: 'Eingefrorene Stände mit Prüfsumme',
        security: [],
        response: { 200: SnapshotsResponse },
      },
    },
    async () => ({
      items: app.repos.snapshots.list().map(toSummary),
    }),
  );

  app.get(
    '/snapshots/:id',
    {
      schema: {
        operationId: 'getSnapshot',
        summary: 'Ein eingefrorener Stand mit Inhalt',
        security: [],
        params: SnapshotParams,
        response: { 200: SnapshotDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const snapshot = app.repos.snapshots.get(request.params.id);
      if (!snapshot) throw notFound(`Snapshot „${request.params.id}“ nicht gefunden`);
      // A snapshot never changes: it may be cached for good.
      reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      return { ...toSummary(snapshot), payload: SnapshotPayload.parse(JSON.parse(snapshot.payloadJson)) };
    },
  );

  app.post(
    '/snapshots',
    {
      onRequest: requireUser,
      schema: {
        operationId: 'createSnapshot',
        summary: 'Den aktuellen Stand einfrieren',
        security: [{ session: [] }],
        body: CreateSnapshotBody,
        response: { 201: SnapshotSummary, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = request.user;
      if (!user) throw new Error('requireUser let an anonymous request through');
      return reply.status(201).send(createSnapshot(app.db, app.repos, user, request.body.title, request.ip));
    },
  );
};
