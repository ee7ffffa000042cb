import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp } from './helper.ts';

/**
 * The indicator routes under malformed input: never a 5xx, always the one error shape, and a
 * rejected write changes nothing (the same properties fuzz.test.ts checks for the goal routes).
 */
let t: TestApp;
let admin: Account;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada', role: 'admin', ressorts: [] });
  // scrypt at N=2^17 per account and login: slow by design, slower on a busy machine.
}, 60_000);
afterAll(() => t.close());

const TABLES = [
  'indicators',
  'indicator_goals',
  'indicator_targets',
  'indicator_readings',
  'indicator_reading_supersessions',
  'audit_log',
];
const fingerprint = () =>
  TABLES.map((table) => Number(t.app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get())).join(',');

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '1.0',
    'MWIDE',
    'unknown',
    '2021-02-30',
    '2021-13',
    '2099',
    '-1',
    '1e309',
    'NaN',
    '{}',
    '\u0000',
    '\uD800',
    'Ä'.repeat(300),
    'v1-13',
    'schulen-gigabit',
  ),
);
const number = fc.oneof(fc.double(), fc.integer(), nasty);
const enc = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
};
const expectClientError = (res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe('string');
    expect(typeof body.error?.message).toBe('string');
  }
};

describe('fuzzing the indicator routes', () => {
  it('GET routes answer arbitrary query strings and ids with 2xx or a clear 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('/api/indicators', '/api/indicators/schulen-gigabit', '/api/export/indicator-readings.csv'),
          nasty.map((id) => `/api/indicators/${enc(id)}`),
        ),
        fc.array(
          fc.tuple(
            fc.constantFrom('version', 'ressort', 'goal', 'indicator', 'asOf', 'knownAt', 'snapshot', 'x'),
            nasty,
          ),
          {
            maxLength: 4,
          },
        ),
        async (route, params) => {
          const query = params.map(([k, v]) => `${k}=${enc(v)}`).join('&');
          expectClientError(await t.app.inject({ url: `${route}?${query}` }));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('write routes refuse malformed bodies, changing nothing', async () => {
    const reading = fc.record(
      {
        value: number,
        qualifier: nasty,
        date: nasty,
        note: nasty,
        evidence: fc.oneof(fc.constant({}), fc.record({ url: nasty, reference: nasty }), nasty),
        expectedRevision: fc.oneof(fc.integer(), nasty),
        kind: nasty,
        reason: nasty,
        replacement: fc.oneof(fc.constant(undefined), nasty, fc.record({ value: number, date: nasty })),
      },
      { requiredKeys: [] },
    );
    const definition = fc.record(
      {
        id: nasty,
        name: nasty,
        measure: nasty,
        unit: nasty,
        direction: nasty,
        goals: fc.oneof(nasty, fc.array(fc.record({ goalId: nasty }), { maxLength: 3 })),
        targets: fc.oneof(
          nasty,
          fc.array(fc.record({ kind: nasty, value: number, date: nasty, sourceId: nasty }), { maxLength: 3 }),
        ),
        expectedRevision: fc.oneof(fc.integer(), nasty),
      },
      { requiredKeys: [] },
    );
    const call = fc.oneof(
      reading.map((b) => ({ method: 'POST' as const, url: '/api/indicators/schulen-gigabit/readings', b })),
      reading.map((b) => ({ method: 'POST' as const, url: '/api/indicators/schulen-gigabit/readings/1/supersede', b })),
      definition.map((b) => ({ method: 'POST' as const, url: '/api/indicators', b })),
      definition.map((b) => ({ method: 'PUT' as const, url: '/api/indicators/flaeche-5g', b })),
      fc
        .string({ maxLength: 300 })
        .map((b) => ({ method: 'POST' as const, url: '/api/import/indicator-readings?dryRun=false', b })),
    );
    await fc.assert(
      fc.asyncProperty(call, async ({ method, url, b }) => {
        const before = fingerprint();
        const csv = typeof b === 'string';
        const res = await t.app.inject({
          method,
          url,
          headers: { ...sameOrigin, cookie: admin.cookie, 'content-type': csv ? 'text/csv' : 'application/json' },
          payload: csv ? b : JSON.stringify(b),
        });
        expectClientError(res);
        if (res.statusCode >= 400) expect(fingerprint()).toBe(before);
      }),
      { numRuns: 600 },
    );
  }, 120_000);
});
