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
import { limitPerAddress } from '../plugins/rate-limit.ts';
import { LIMITS } from '../services/limits.ts';
import { createSnapshot, toSummary } from '../services/snapshots.ts';

export const snapshotRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/snapshots', { schema: { response: { 200: SnapshotsResponse } } }, async () => ({
    items: app.repos.snapshots.list().map((s) => toSummary(s, app.publicOrigin)),
  }));

  app.get(
    '/snapshots/:id',
    {
      schema: { params: SnapshotParams, response: { 200: SnapshotDetail, 400: ErrorResponse, 404: ErrorResponse } },
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

  app.post(
    '/snapshots',
    {
      // Anonymous requests count against their address first (for when snapshots may be made without an account).
      onRequest: [limitPerAddress(LIMITS.snapshotsPerAddress, (request) => request.user === null), requireUser],
      schema: {
        body: CreateSnapshotBody,
        response: { 201: SnapshotSummary, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = request.user;
      if (!user) throw new Error('requireUser let an anonymous request through');
      return reply
        .status(201)
        .send(createSnapshot(app.db, app.repos, user, request.body.title, request.ip, app.publicOrigin));
    },
  );
};
