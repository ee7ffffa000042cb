import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIV3 } from 'openapi-types';
import { allowLoggedErrors } from './loud-failures.ts';
import { createAccount, createTestApp, errorOf, testLogger, type Account, type TestApp } from './helper.ts';

let t: TestApp;
let admin: Account;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada', role: 'admin', ressorts: [] });
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sends a strict CSP and the usual hardening headers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "script-src 'self'",
      "default-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('marks authenticated answers no-store, public ones not', async () => {
    expect(
      (await t.app.inject({ url: '/api/goals', headers: { cookie: admin.cookie } })).headers['cache-control'],
    ).toBe('no-store');
    expect((await t.app.inject({ url: '/api/goals' })).headers['cache-control']).not.toBe('no-store');
  });
});

describe('error answers', () => {
  it('refuse oversized bodies with 413 in the one error shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://localhost:80', 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.de', password: 'x'.repeat(100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('FST_ERR_CTP_BODY_TOO_LARGE');
  });

  it('refuse malformed JSON and wrong content types with a 4xx, not a 5xx', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://localhost:80', 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toBeTruthy();
    const type = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://localhost:80', 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expect(type.statusCode).toBe(415);
    expect(errorOf(type).code).toBeTruthy();
  });
});

describe('OpenAPI', () => {
  it('describes every API route from the zod schemas', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json<OpenAPIV3.Document>();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/goals',
      '/api/goals/{id}',
      '/api/stats/ressorts',
      '/api/goals/{id}/status',
      '/api/stats/timeline',
      '/api/changes',
      '/api/snapshots',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    const status = spec.paths['/api/goals/{id}/status']?.post;
    expect(Object.keys(status?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
    const parameters = spec.paths['/api/goals']?.get?.parameters ?? [];
    expect(parameters.flatMap((p) => ('name' in p ? [p.name] : []))).toEqual(
      expect.arrayContaining(['version', 'ressort', 'q', 'asOf']),
    );
  });

  it('serves browsable docs', async () => {
    const res = await t.app.inject({ url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('overload', () => {
  it('answers 503 with Retry-After instead of queueing when the event loop lags', async () => {
    // The shed request is logged as an error: that is what an operator must see.
    allowLoggedErrors(/"code":"OVERLOADED"/);
    const { buildApp } = await import('../src/app.ts');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-pressure-'));
    const app = await buildApp({
      databasePath: path.join(dir, 'p.sqlite'),
      seedDir: null,
      clientDist: null,
      pressure: { maxEventLoopDelay: 20, sampleInterval: 5 },
      logger: testLogger,
    });
    await app.ready();
    try {
      const until = Date.now() + 200;
      while (Date.now() < until) {
        /* block the event loop on purpose */
      }
      // The overdue sampling timer runs first and records the lag; then the request arrives.
      await new Promise((r) => setTimeout(r, 1));
      const res = await app.inject({ url: '/api/versions' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(errorOf(res).code).toBe('OVERLOADED');
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
