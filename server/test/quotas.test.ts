import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, waitText } from '../src/services/limits.ts';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp, errorOf } from './helper.ts';
import type { GoalDetail } from '@zielmonitor/shared/schemas/goal';

let t: TestApp;
let admin: Account;
let adminId: number;
beforeAll(async () => {
  t = await createTestApp({ reviewRequired: false }); // reports enter the record at once (201)
  admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] });
  adminId = t.app.repos.users.findByEmail('admin@nrw.de')?.id ?? -1;
});
afterAll(() => t.close());

const count = (sql: string) => Number(t.app.db.prepare(sql).pluck().get());
/** Fills a limit's window for a key up to `leave` remaining hits, as if they had been used an hour ago. */
const use = (bucket: string, key: string, n: number) => {
  const anHourAgo = new Date(Date.now() - 60 * 60_000);
  for (let i = 0; i < n; i++) t.app.repos.rateLimits.add(bucket, key, anHourAgo);
};
const report = async (expectedRevision?: number) =>
  t.app.inject({
    method: 'POST',
    url: '/api/goals/v1-01/status',
    headers: { ...sameOrigin, cookie: admin.cookie },
    payload: {
      status: 'in_progress',
      effectiveDate: '2021-11-30',
      note: '',
      evidence: {},
      expectedRevision:
        expectedRevision ?? (await t.app.inject({ url: '/api/goals/v1-01' })).json<GoalDetail>().revision,
    },
  });

describe('per-account quota for status reports', () => {
  it('refuses the report beyond the quota with 429 and Retry-After, writing nothing', async () => {
    use(LIMITS.statusReportsPerAccount.bucket, String(adminId), LIMITS.statusReportsPerAccount.max - 1);
    expect((await report()).statusCode).toBe(201);
    const events = count('SELECT count(*) FROM status_events');
    const audit = count('SELECT count(*) FROM audit_log');
    const refused = await report();
    expect(refused.statusCode).toBe(429);
    expect(errorOf(refused)).toEqual({
      code: 'QUOTA_EXCEEDED',
      message: `Mit diesem Konto wurden in 24 Stunden 500 Meldungen zum Stand von Zielen abgegeben, mehr sind nicht möglich. Die nächste ist in 23 Stunden möglich.`,
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(22 * 3600);
    expect(count('SELECT count(*) FROM status_events')).toBe(events);
    expect(count('SELECT count(*) FROM audit_log')).toBe(audit);
  });

  it('does not count a report that failed (a revision conflict)', async () => {
    const key = String(adminId);
    const before = count(`SELECT count(*) FROM rate_limit_hits WHERE bucket = 'status-report' AND key = '${key}'`);
    expect((await report(0)).statusCode).not.toBe(201);
    expect(count(`SELECT count(*) FROM rate_limit_hits WHERE bucket = 'status-report' AND key = '${key}'`)).toBe(
      before,
    );
  });
});

describe('per-account quota for snapshots', () => {
  it('refuses the snapshot beyond the quota with 429, writing nothing', async () => {
    // Each call freezes other content (another date): freezing the same content again is no new snapshot.
    let day = 10;
    const create = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/snapshots',
        headers: { ...sameOrigin, cookie: admin.cookie },
        payload: {
          title: 'Stand für den Ausschuss',
          view: { path: '/', params: { version: '1.0', asOf: `2021-01-${day++}` } },
        },
      });
    use(LIMITS.snapshotsPerAccount.bucket, String(adminId), LIMITS.snapshotsPerAccount.max - 1);
    expect((await create()).statusCode).toBe(201);
    const snapshots = count('SELECT count(*) FROM snapshots');
    const refused = await create();
    expect(refused.statusCode).toBe(429);
    expect(errorOf(refused).code).toBe('QUOTA_EXCEEDED');
    expect(refused.headers['retry-after']).toBeDefined();
    expect(count('SELECT count(*) FROM snapshots')).toBe(snapshots);
  });
});

describe('per-address limit for anonymous snapshot requests', () => {
  const anonymous = (remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/snapshots',
      remoteAddress,
      headers: sameOrigin,
      payload: { title: 'Anonym', view: { path: '/', params: { version: '1.0', asOf: '2021-02-01' } } },
    });

  it('answers 429 with Retry-After once an address has used its allowance; other addresses and accounts go on', async () => {
    // The first freezes, the others find the same content frozen: every request counts for the address.
    for (let i = 0; i < LIMITS.snapshotsPerAddress.max; i++)
      expect((await anonymous('203.0.113.50')).statusCode).toBe(i === 0 ? 201 : 200);
    const before = count('SELECT count(*) FROM snapshots');
    const limited = await anonymous('203.0.113.50');
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM snapshots')).toBe(before);
    expect((await anonymous('203.0.113.51')).statusCode).toBe(200);
  });
});

describe('German waiting times', () => {
  it.each([
    [1, 'in 1 Sekunde'],
    [45, 'in 45 Sekunden'],
    [60, 'in 60 Sekunden'],
    [900, 'in 15 Minuten'],
    [3600, 'in 60 Minuten'],
    [5400, 'in 2 Stunden'],
    [86_400, 'in 24 Stunden'],
  ])('%d s → %s', (seconds, text) => {
    expect(waitText(seconds)).toBe(text);
  });
});
