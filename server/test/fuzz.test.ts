import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp } from './helper.ts';

/**
 * Property-based tests: malformed bodies, query strings, ids, oversized payloads, wrong
 * content types and unicode edge cases against every route. Never a 5xx, always the one
 * error shape, and a rejected write changes nothing.
 */
let t: TestApp;
let admin: Account;
beforeAll(async () => {
  // The generators run on the app's own event loop (fast-check builds its unicode tables in
  // seconds); createTestApp keeps load shedding out of the way, it has its own test.
  t = await createTestApp();
  admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada', role: 'admin', ressorts: [] });
});
afterAll(() => t.close());

const TABLES = ['goals', 'status_events', 'audit_log', 'snapshots', 'users', 'goal_sources', 'goal_co_ressorts'];
const fingerprint = () =>
  TABLES.map((table) => Number(t.app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get())).join(',');

const GET_ROUTES = [
  '/api/goals',
  '/api/stats/ressorts',
  '/api/stats/timeline',
  '/api/reported-figures',
  '/api/changes',
  '/api/versions',
  '/api/ressorts',
  '/api/snapshots',
  '/api/audit',
  '/api/export/goals.csv',
  '/api/export/goals.json',
  '/api/feeds/changes.atom',
  '/api/auth/me',
];
const PARAM_NAMES = [
  'version',
  'ressort',
  'horizon',
  'status',
  'q',
  'sort',
  'order',
  'limit',
  'offset',
  'asOf',
  'knownAt',
  'snapshot',
  'track',
  'from',
  'to',
  'interval',
  'since',
  'until',
  'dryRun',
  '__proto__',
  'constructor',
];

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '1.0',
    '2.0',
    'MWIDE',
    'unknown',
    '2021-02-30',
    '9999-99-99',
    '-1',
    '1e309',
    'NaN',
    'null',
    '[]',
    '{}',
    '%',
    '_',
    "' OR 1=1 --",
    '\u0000',
    '\uFEFF',
    '\uD800',
    'Ä'.repeat(300),
    '../../etc/passwd',
    '<script>alert(1)</script>',
    'v1-01',
  ),
);

/** Percent-encodes like a browser; a lone surrogate becomes the invalid UTF-8 a broken client might send. */
const enc = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .split('')
      .map((c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)))
      .join('');
  }
};

const expectClientError = (res: { statusCode: number; body: string; headers: Record<string, unknown> }) => {
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe('string');
    expect(typeof body.error?.message).toBe('string');
  }
};

describe('fuzzing every route', () => {
  it('GET routes answer arbitrary query strings with 2xx or a clear 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...GET_ROUTES),
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 8 })), nasty), {
          maxLength: 5,
        }),
        async (route, params) => {
          const query = params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
          expectClientError(await t.app.inject({ url: `${route}?${query}`, headers: { cookie: admin.cookie } }));
        },
      ),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('goal and snapshot ids of any shape answer 200, 400, 404 or 414', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/goals/', '/api/snapshots/'), nasty, async (prefix, id) => {
        const res = await t.app.inject({ url: `${prefix}${enc(id)}` });
        expectClientError(res);
        expect([200, 400, 404, 414]).toContain(res.statusCode);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('write routes refuse malformed bodies and content types, changing nothing', async () => {
    const goalIds = t.app.db.prepare('SELECT id FROM goals LIMIT 3').pluck().all() as string[];
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
      fc
        .record(
          {
            status: nasty,
            progress: fc.oneof(fc.integer(), fc.double(), nasty),
            effectiveDate: nasty,
            note: nasty,
            evidence: fc.oneof(fc.constant({}), fc.record({ url: nasty }), nasty),
            expectedRevision: fc.oneof(fc.integer(), nasty),
            extra: fc.option(nasty, { nil: undefined }),
          },
          { requiredKeys: [] },
        )
        .map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => ({ payload: s, type: 'application/json' })),
      fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'text/xml',
            'application/x-www-form-urlencoded',
            'multipart/form-data',
            'application/octet-stream',
          ),
          fc.string({ maxLength: 50 }),
        )
        .map(([type, payload]) => ({ payload, type })),
    );
    const route = fc.oneof(
      fc.constantFrom(...goalIds).map((id) => `/api/goals/${id}/status`),
      fc.constant('/api/snapshots'),
      fc.constant('/api/import/goals?version=1.0&dryRun=false'),
      nasty.map((id) => `/api/goals/${enc(id)}/status`),
    );
    await fc.assert(
      fc.asyncProperty(route, body, async (url, { payload, type }) => {
        const before = fingerprint();
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { ...sameOrigin, cookie: admin.cookie, 'content-type': type },
          payload,
        });
        expectClientError(res);
        if (res.statusCode >= 400) expect(fingerprint()).toBe(before);
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('oversized payloads get 413, not a crash', async () => {
    for (const size of [65 * 1024, 1024 * 1024, 8 * 1024 * 1024]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/goals/v1-01/status`,
        headers: { ...sameOrigin, cookie: admin.cookie, 'content-type': 'application/json' },
        payload: JSON.stringify({ note: 'x'.repeat(size) }),
      });
      expect(res.statusCode).toBe(413);
      expectClientError(res);
    }
  });
});
