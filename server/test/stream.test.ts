import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { sendParts } from '../src/lib/stream.ts';

/** Busy-waits: a part that takes this long to make, as a long goal history does. */
const work = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* making a part */
  }
};

describe('sendParts', () => {
  it('sends exactly the parts, in order, and lets other work run between parts that take long to make', async () => {
    const app = Fastify();
    const log: string[] = [];
    const parts = Array.from({ length: 6 }, (_, i) => `Teil ${i};`);
    app.get('/export', async (_request, reply) =>
      sendParts(reply, function* () {
        for (const part of parts) {
          // Longer than a slice, as a long goal history is: every part ends one.
          work(15);
          log.push(part);
          yield part;
        }
      }),
    );
    await app.ready();
    const response = app.inject({ url: '/export' });
    // Other work that is ready at once: made in one go, the parts would all come before it.
    setImmediate(() => log.push('other'));
    const res = await response;
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(parts.join(''));
    expect(log.indexOf('other')).toBeGreaterThan(-1);
    expect(log.indexOf('other')).toBeLessThan(log.indexOf(parts[parts.length - 1] ?? ''));
    await app.close();
  });
});
