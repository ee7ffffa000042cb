import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { timeSlices } from './time-slices.ts';

const SLICE_CHARS = 64 * 1024;

/**
 * A response body made a part at a time, in slices of about 10 ms with the event loop free in
 * between: an export of a long history never holds up other requests for long, and is never one
 * string in memory. `parts` runs lazily, as the client reads.
 */
function streamParts(parts: () => Iterable<string>): Readable {
  return Readable.from(
    (async function* () {
      const slices = timeSlices();
      let buffered = '';
      for (const part of parts()) {
        buffered += part;
        if (buffered.length >= SLICE_CHARS || slices.due()) {
          yield buffered;
          buffered = '';
          await slices.pause();
        }
      }
      if (buffered) yield buffered;
    })(),
  );
}

/**
 * Sends `parts` as the body. The route keeps its response schema for the OpenAPI description;
 * a stream passes Fastify's serializer by, so each caller checks what it yields.
 */
export function sendParts(reply: FastifyReply, parts: () => Iterable<string>): FastifyReply {
  return reply.send(streamParts(parts));
}
