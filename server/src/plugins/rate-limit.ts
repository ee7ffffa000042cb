import type { FastifyRequest } from 'fastify';
import { consume, type Limit } from '../services/limits.ts';

/**
 * A route hook that counts each request against `limit` for the client's address (the real one
 * behind a trusted proxy, see TRUST_PROXY) and answers 429 with Retry-After once it is used up.
 * It runs before the body is read. Use it as `onRequest: [limitPerAddress(LIMITS.x), …]`;
 * `applies` narrows it, e.g. to anonymous requests.
 */
export const limitPerAddress =
  (limit: Limit, applies: (request: FastifyRequest) => boolean = () => true) =>
  async (request: FastifyRequest): Promise<void> => {
    if (applies(request)) consume(request.server.db, request.server.repos, [{ limit, key: request.ip }]);
  };
