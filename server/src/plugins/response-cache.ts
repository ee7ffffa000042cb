import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';

/** Public reads that depend only on the URL and the data: safe to answer from cache. */
const CACHEABLE =
  /^\/api\/(goals|stats|reported-figures|versions|ressorts|changes|snapshots|export|feeds|lineage|indicators)(\/|\?|$)/;
const MAX_ENTRIES = 500;

type Entry = { etag: string; body: string; contentType: string; disposition: string | undefined };

/**
 * ETag and a small response cache for anonymous reads. The key is the URL plus a data
 * generation: a counter of this process's successful writes and SQLite's data_version,
 * which moves when another connection (a restore, the user CLI) commits. A repeated view
 * costs a 304, or at most a map lookup.
 */
export const responseCachePlugin = fp(
  async (app) => {
    let writes = 0;
    const cache = new Map<string, Entry>();
    // Prepared once: db.pragma() would compile the statement on every request.
    const dataVersion = app.db.prepare<[], number>('PRAGMA data_version').pluck();
    const generation = () => `${writes}:${dataVersion.get() ?? 0}:${todayInBerlin()}`;
    const cacheable = (request: FastifyRequest) =>
      request.method === 'GET' && request.user === null && CACHEABLE.test(request.url);
    const keyFor = (request: FastifyRequest) => `${generation()} ${request.url}`;

    app.addHook('onRequest', async (request, reply) => {
      if (!cacheable(request)) return;
      const key = keyFor(request);
      const etag = `"${crypto.createHash('sha1').update(key).digest('base64url')}"`;
      request.cacheKey = { key, etag };
      if (request.headers['if-none-match'] === etag) {
        return reply.status(304).header('ETag', etag).header('Cache-Control', 'no-cache').send();
      }
      const hit = cache.get(key);
      if (hit) {
        reply
          .header('ETag', hit.etag)
          .header('Cache-Control', 'no-cache')
          .header('X-Cache', 'hit')
          .type(hit.contentType);
        if (hit.disposition) reply.header('Content-Disposition', hit.disposition);
        return reply.send(hit.body);
      }
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const cacheKey = request.cacheKey;
      if (!cacheKey || reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('X-Cache'))
        return payload;
      reply.header('ETag', cacheKey.etag).header('Cache-Control', 'no-cache');
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value ?? '');
      cache.set(cacheKey.key, {
        etag: cacheKey.etag,
        body: payload,
        contentType: String(reply.getHeader('content-type') ?? 'application/json'),
        disposition: reply.getHeader('content-disposition') as string | undefined,
      });
      return payload;
    });

    app.addHook('onResponse', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
        writes += 1;
        cache.clear();
      }
    });
  },
  { name: 'response-cache', dependencies: ['db', 'auth'] },
);

declare module 'fastify' {
  interface FastifyRequest {
    cacheKey?: { key: string; etag: string };
  }
}
