import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import type { AuditResponse } from '@zielmonitor/shared/schemas/audit';
import type { GoalDetail, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import {
  anyText,
  createAccount,
  createTestApp,
  errorOf,
  issueFields,
  sameOrigin,
  type Account,
  type TestApp,
} from './helper.ts';

let t: TestApp;
let ctrlA: Account; // MWIDE
let ctrlB: Account; // StK
let admin: Account;
const goalOf: Record<'A' | 'B' | 'none', string> = { A: '', B: '', none: '' };

const firstGoal = async (ressort: string) => {
  const res = await t.app.inject({ url: `/api/goals?version=1.0&ressort=${ressort}&limit=1` });
  const id = res.json<GoalsResponse>().items[0]?.id;
  if (!id) throw new Error(`seed has no 1.0 goal for ${ressort}`);
  return id;
};
const revisionOf = async (id: string) => (await t.app.inject({ url: `/api/goals/${id}` })).json<GoalDetail>().revision;

beforeAll(async () => {
  t = await createTestApp();
  [ctrlA, ctrlB, admin] = await Promise.all([
    createAccount(t, { email: 'a@mwide.nrw.de', name: 'Anna A', role: 'controller', ressorts: ['MWIDE'] }),
    createAccount(t, { email: 'b@stk.nrw.de', name: 'Bernd B', role: 'controller', ressorts: ['StK'] }),
    createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] }),
  ]);
  goalOf.A = await firstGoal('MWIDE');
  goalOf.B = await firstGoal('StK');
  goalOf.none = await firstGoal('unknown');
});
afterAll(() => t.close());

const report = async (
  goalId: string,
  cookie: string | null,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = sameOrigin,
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/goals/${goalId}/status`,
    headers: { ...headers, ...(cookie && { cookie }) },
    payload: {
      status: 'in_progress',
      progress: 40,
      effectiveDate: '2021-11-30',
      note: 'Laut Meilensteinbericht',
      evidence: { reference: 'Drs. 17/14917' },
      expectedRevision: await revisionOf(goalId),
      ...body,
    },
  });

describe('authorization matrix for every write route', () => {
  const actors = () => ({ anonymous: null, controllerA: ctrlA.cookie, controllerB: ctrlB.cookie, admin: admin.cookie });
  const expected: Record<string, Record<string, number>> = {
    'status of a goal of Ressort A': { anonymous: 401, controllerA: 201, controllerB: 403, admin: 201 },
    'status of a goal of Ressort B': { anonymous: 401, controllerA: 403, controllerB: 201, admin: 201 },
    'status of a goal without Ressort': { anonymous: 401, controllerA: 403, controllerB: 403, admin: 201 },
    'audit log (admin read)': { anonymous: 401, controllerA: 403, controllerB: 403, admin: 200 },
    'snapshot creation': { anonymous: 401, controllerA: 201, controllerB: 201, admin: 201 },
    'CSV import (dry run)': { anonymous: 401, controllerA: 403, controllerB: 403, admin: 200 },
  };
  const call = async (route: string, cookie: string | null) => {
    const headers = { ...sameOrigin, ...(cookie && { cookie }) };
    if (route === 'audit log (admin read)')
      return t.app.inject({ url: '/api/audit', headers: cookie ? { cookie } : {} });
    if (route === 'snapshot creation')
      return t.app.inject({ method: 'POST', url: '/api/snapshots', headers, payload: { title: 'Matrix' } });
    if (route === 'CSV import (dry run)') {
      const csv = (await t.app.inject({ url: '/api/export/goals.csv?version=1.0' })).body;
      return t.app.inject({
        method: 'POST',
        url: '/api/import/goals?version=1.0&dryRun=true',
        headers: { ...headers, 'content-type': 'text/csv' },
        payload: csv,
      });
    }
    const goal = route.endsWith('Ressort A') ? goalOf.A : route.endsWith('Ressort B') ? goalOf.B : goalOf.none;
    return report(goal, cookie);
  };

  for (const [route, byActor] of Object.entries(expected)) {
    for (const [actor, status] of Object.entries(byActor)) {
      it(`${route}: ${actor} → ${status}`, async () => {
        const count = () =>
          Number(
            t.app.db
              .prepare(
                `SELECT (SELECT count(*) FROM status_events) + (SELECT count(*) FROM snapshots)
          + (SELECT count(*) FROM goals)`,
              )
              .pluck()
              .get(),
          );
        const before = count();
        const res = await call(route, actors()[actor as keyof ReturnType<typeof actors>]);
        expect(res.statusCode, res.body).toBe(status);
        expect(count()).toBe(status === 201 ? before + 1 : before);
      });
    }
  }

  it('logout needs a session: anonymous → 401', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: sameOrigin });
    expect(res.statusCode).toBe(401);
  });

  it('refuses writes without a same-origin Origin or Sec-Fetch-Site, even for an admin', async () => {
    expect((await report(goalOf.A, admin.cookie, {}, {})).statusCode).toBe(403);
    expect((await report(goalOf.A, admin.cookie, {}, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await report(goalOf.A, admin.cookie, {}, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await report(goalOf.A, admin.cookie, {}, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
  });
});

describe('POST /api/goals/:id/status', () => {
  it('records an official event, raises the revision and shows on the goal and in the stats', async () => {
    const revision = await revisionOf(goalOf.A);
    const res = await report(goalOf.A, ctrlA.cookie, {
      status: 'achieved',
      progress: 100,
      effectiveDate: todayInBerlin(),
      note: 'Abgeschlossen',
      evidence: { url: 'https://www.landtag.nrw.de/' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      goalId: goalOf.A,
      revision: revision + 1,
      event: {
        status: 'achieved',
        track: 'official',
        reporter: 'Anna A (MWIDE)',
        progress: 100,
        note: 'Abgeschlossen',
        evidence: { url: 'https://www.landtag.nrw.de/', reference: null },
        effectiveDate: todayInBerlin(),
      },
    });
    const goal = (await t.app.inject({ url: `/api/goals/${goalOf.A}` })).json<GoalDetail>();
    expect(goal).toMatchObject({
      status: 'achieved',
      revision: revision + 1,
      official: { status: 'achieved', reporter: 'Anna A (MWIDE)' },
    });
    expect(goal.history.official[0]).toMatchObject({ status: 'achieved', note: 'Abgeschlossen' });
  });

  it('answers a stale revision with 409 and what changed since, and records nothing', async () => {
    const stale = await revisionOf(goalOf.A);
    expect(
      (
        await report(goalOf.A, admin.cookie, {
          expectedRevision: stale,
          status: 'in_progress',
          effectiveDate: todayInBerlin(),
        })
      ).statusCode,
    ).toBe(201);
    const res = await report(goalOf.A, ctrlA.cookie, { expectedRevision: stale, status: 'missed', note: 'verfehlt' });
    expect(res.statusCode).toBe(409);
    const error = errorOf(res);
    expect(error.code).toBe('CONFLICT');
    expect(error.conflict).toMatchObject({
      revision: stale + 1,
      official: { status: 'in_progress', reporter: 'Ada Admin (Administration)' },
    });
    expect(error.conflict?.eventsSince.map((e) => e.status)).toEqual(['in_progress']);
    expect(await revisionOf(goalOf.A)).toBe(stale + 1);
  });

  it.each([
    [{ status: 'done' }, 'status'],
    [{ effectiveDate: '2999-01-01' }, 'effectiveDate'],
    [{ effectiveDate: '2021-02-30' }, 'effectiveDate'],
    [{ status: 'achieved', note: '' }, 'note'],
    [{ status: 'dropped', note: '   ' }, 'note'],
    [{ progress: 101 }, 'progress'],
    [{ progress: -1 }, 'progress'],
    [{ evidence: { url: 'javascript:alert(1)' } }, 'evidence.url'],
    [{ evidence: { url: 'https://x.de', extra: 1 } }, 'evidence.extra'],
    [{ reporter: 'Landesregierung' }, 'reporter'],
    [{ track: 'independent' }, 'track'],
    [{ expectedRevision: -1 }, 'expectedRevision'],
  ])('refuses %j with 400 naming %s, changing nothing', async (override, field) => {
    const before = t.app.db.prepare('SELECT count(*) FROM status_events').pluck().get();
    const res = await report(goalOf.A, ctrlA.cookie, override);
    expect(res.statusCode).toBe(400);
    expect(issueFields(res)).toContain(field);
    expect(t.app.db.prepare('SELECT count(*) FROM status_events').pluck().get()).toBe(before);
  });

  it('answers 404 for an unknown goal and 400 for a malformed id', async () => {
    expect((await report('v1-99', admin.cookie, { expectedRevision: 0 })).statusCode).toBe(404);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/goals/DROP%20TABLE/status',
      headers: { ...sameOrigin, cookie: admin.cookie },
      payload: {},
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('audit log', () => {
  it('holds every status write with who, before, after and address, newest first', async () => {
    const res = await t.app.inject({ url: '/api/audit?limit=500', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json<AuditResponse>();
    const writes = t.app.db
      .prepare('SELECT count(*) FROM status_events WHERE reported_by_user_id IS NOT NULL')
      .pluck()
      .get();
    expect(items.filter((e) => e.action === 'status.report')).toHaveLength(Number(writes));
    expect(total).toBe(items.length);
    expect(items[0]).toMatchObject({
      actor: anyText,
      action: 'status.report',
      entityType: 'goal',
      ip: '127.0.0.1',
    });
    expect(items[0]?.before).toHaveProperty('revision');
    expect(items[0]?.after).toHaveProperty('event');
    expect(() => t.app.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });
});
