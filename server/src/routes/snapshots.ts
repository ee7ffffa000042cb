import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import {
  CreateSnapshotBody,
  CreateSnapshotResponse,
  SnapshotDetail,
  SnapshotParams,
  SnapshotPayload,
  SnapshotsResponse,
} from '@zielmonitor/shared/schemas/snapshot';
import { notFound } from '../lib/errors.ts';
import { limitPerAddress } from '../plugins/rate-limit.ts';
import { LIMITS } from '../services/limits.ts';
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
      items: app.repos.snapshots.list().map((s) => toSummary(s, app.publicOrigin)),
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
      return {
        ...toSummary(snapshot, app.publicOrigin),
        payload: SnapshotPayload.parse(JSON.parse(snapshot.payloadJson)),
      };
    },
  );

  // Anyone may freeze a view, signed in or not: 201 for a new snapshot, 200 for one frozen before.
  app.post(
    '/snapshots',
    {
      // Anyone may freeze a view; anonymous requests count against their address.
      onRequest: limitPerAddress(LIMITS.snapshotsPerAddress, (request) => request.user === null),
      schema: {
        operationId: 'createSnapshot',
        summary: 'Eine Ansicht einfrieren (auch ohne Anmeldung)',
        security: [{}, { session: [] }],
        body: CreateSnapshotBody,
        response: { 200: CreateSnapshotResponse, 201: CreateSnapshotResponse, 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = createSnapshot(app.db, app.repos, request.user, request.body, request.ip, app.publicOrigin);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
};
