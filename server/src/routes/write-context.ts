import type { FastifyInstance, FastifyRequest } from 'fastify';
import { signedInUser } from '../plugins/auth.ts';
import type { WriteContext } from '../services/status-updates.ts';

/** Who writes to the record, from where and when: the one way a route hands a write to its service. */
export const writeContext = (app: FastifyInstance, request: FastifyRequest, reviewRequired: boolean): WriteContext => ({
  db: app.db,
  repos: app.repos,
  user: signedInUser(request),
  ip: request.ip,
  now: new Date(),
  reviewRequired,
  notify: app.notify,
});
