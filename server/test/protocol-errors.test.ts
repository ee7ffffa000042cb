import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import { createTestApp, sameOrigin, type TestApp } from './helper.ts';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = Number(new URL(address).port);
});
afterAll(() => t.close());

/** Sends raw bytes and reads until the server closes the connection. */
function raw(request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
  });
}

const inShape = (body: string) => ErrorResponse.strict().parse(JSON.parse(body));

describe('errors below Fastify: Node’s HTTP parser', () => {
  it('answers an oversized header with 431 in the one error shape', async () => {
    const res = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers).toMatch(/content-type: application\/json/i);
    expect(inShape(res.body).error).toEqual({
      code: 'HEADERS_TOO_LARGE',
      message: 'Die Kopfzeilen der Anfrage sind zu groß (höchstens 16 KiB).',
    });
  });

  it.each([
    ['a malformed request line', 'GARBAGE\r\n\r\n'],
    ['a bad header', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'],
    ['a broken chunked body', 'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n'],
  ])('answers %s with 400 in the one error shape', async (_name, request) => {
    const res = await raw(request);
    expect(res.status).toBe(400);
    expect(inShape(res.body).error).toEqual({ code: 'BAD_REQUEST', message: 'Die Anfrage ist kein gültiges HTTP.' });
  });
});

describe('errors of the router and the body parser', () => {
  it('answers an unknown route with 404 in the one error shape', async () => {
    for (const [method, url] of [
      ['GET', '/api/gibt-es-nicht'],
      ['POST', '/irgendwo'],
      ['DELETE', '/api/goals/v1-01'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: sameOrigin });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(inShape(res.body).error.code).toBe('NOT_FOUND');
    }
  });

  it.each([
    [
      'malformed JSON',
      'application/json',
      '{"email":',
      400,
      'FST_ERR_CTP_INVALID_JSON_BODY',
      'Der Inhalt ist kein gültiges JSON.',
    ],
    [
      'an empty JSON body',
      'application/json',
      '',
      400,
      'FST_ERR_CTP_EMPTY_JSON_BODY',
      'Der Inhalt fehlt, obwohl application/json angegeben ist.',
    ],
    [
      'a content type nobody reads',
      'text/xml',
      '<a/>',
      415,
      'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      'Dieser Inhaltstyp wird hier nicht angenommen: text/xml.',
    ],
    [
      'a body over the limit',
      'application/json',
      JSON.stringify({ email: 'a@b.de', password: 'x'.repeat(100_000) }),
      413,
      'FST_ERR_CTP_BODY_TOO_LARGE',
      'Der Inhalt ist zu groß: höchstens 64 KiB je Anfrage.',
    ],
  ])('answers %s in German, in the one error shape', async (_name, type, payload, status, code, message) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { ...sameOrigin, 'content-type': type },
      payload,
    });
    expect(res.statusCode).toBe(status);
    expect(inShape(res.body).error).toEqual({ code, message });
  });
});
