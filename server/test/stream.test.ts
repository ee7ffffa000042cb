import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { sendParts } from '../src/lib/stream.ts';

/** Busy-waits: a part that takes this long to make, as a long goal history does. */
const work = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* making a part */ }
};

describe('sendParts', () => {
  it('sends exactly the parts, in order, and lets other work run while it makes them', async () => {
    const app = Fastify();
    const parts = Array.from({ length: 40 }, (_, i) => `Teil ${i};`);
    app.get('/export', async (_request, reply) => sendParts(reply, function* () {
      for (const part of parts) {
        work(3);
        yield part;
      }
    }));
    await app.ready();
    // A timer due in 1 ms: if the 120 ms of parts were made in one go, it could only fire after them.
    let timerFiredAt = Infinity;
    const started = performance.now();
    setTimeout(() => (timerFiredAt = performance.now() - started), 1);
    const res = await app.inject({ url: '/export' });
    const total = performance.now() - started;
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(parts.join(''));
    expect(timerFiredAt).toBeLessThan(total / 2);
    await app.close();
  });
});
