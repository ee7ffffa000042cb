import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import type { GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp } from './helper.ts';

let t: TestApp;
let admin: Account;
beforeAll(async () => {
  t = await createTestApp({ reviewRequired: false });
  admin = await createAccount(t, { email: 'admin@nrw.de', name: 'Ada', role: 'admin', ressorts: [] });
});
afterAll(() => t.close());

describe('ETag and response cache', () => {
  it('answers a repeated anonymous view with 304, and a write makes it stale', async () => {
    const first = await t.app.inject({ url: '/api/stats/ressorts?version=1.0' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await t.app.inject({ url: '/api/stats/ressorts?version=1.0', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const goal = (await t.app.inject({ url: '/api/goals?version=1.0&ressort=MWIDE&limit=1' })).json<GoalsResponse>()
      .items[0];
    if (!goal) throw new Error('seed has no MWIDE goal in 1.0');
    const write = await t.app.inject({
      method: 'POST',
      url: `/api/goals/${goal.id}/status`,
      headers: { ...sameOrigin, cookie: admin.cookie },
      payload: {
        status: 'achieved',
        effectiveDate: todayInBerlin(),
        note: 'fertig',
        evidence: {},
        expectedRevision: goal.revision,
      },
    });
    expect(write.statusCode).toBe(201);
    const after = await t.app.inject({ url: '/api/stats/ressorts?version=1.0', headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json()).not.toEqual(first.json());
  });

  it('notices writes by another connection through data_version', async () => {
    const first = await t.app.inject({ url: '/api/goals?version=2.0' });
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(t.databasePath);
    other.prepare("UPDATE goals SET title = 'Von außen geändert' WHERE id = 'v2-01'").run();
    other.close();
    const after = await t.app.inject({
      url: '/api/goals?version=2.0',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(after.statusCode).toBe(200);
    expect(after.json<GoalsResponse>().items[0]?.title).toBe('Von außen geändert');
  });

  it('never caches what a logged-in user sees', async () => {
    const res = await t.app.inject({ url: '/api/goals?version=1.0', headers: { cookie: admin.cookie } });
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
