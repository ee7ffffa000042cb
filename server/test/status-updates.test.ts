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
import type { StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';

let t: TestApp;
let ctrlA: Account; // MHKBD: since 2022 a successor of the MWIDE, whose goals goal A is one of
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
  t = await createTestApp({ reviewRequired: false });
  [ctrlA, ctrlB, admin] = await Promise.all([
    createAccount(t, { email: 'a@mhkbd.nrw.de', name: 'Anna A', role: 'controller', ressorts: ['MHKBD'] }),
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
    'snapshot creation': { anonymous: 201, controllerA: 201, controllerB: 201, admin: 201 },
    'CSV import (dry run)': { anonymous: 401, controllerA: 403, controllerB: 403, admin: 200 },
    'correction of a report of Ressort A': { anonymous: 401, controllerA: 201, controllerB: 403, admin: 201 },
    'withdrawal of a report of Ressort A': { anonymous: 401, controllerA: 201, controllerB: 403, admin: 201 },
    'correction of an independent assessment of Ressort A': {
      anonymous: 401,
      controllerA: 403,
      controllerB: 403,
      admin: 201,
    },
  };
  /** Rows a successful write adds to the record (status events, supersessions, snapshots, goals). */
  const added: Record<string, number> = {
    'correction of a report of Ressort A': 2,
    'correction of an independent assessment of Ressort A': 2,
  };
  // Every actor freezes another date, so no snapshot is the content of one made before.
  const snapshotDates: Record<string, string> = {
    anonymous: '2021-01-01',
    controllerA: '2021-02-01',
    controllerB: '2021-03-01',
    admin: '2021-04-01',
  };
  /** A fresh report (by the admin) to correct or withdraw, of either track. */
  const freshReport = async (track: 'official' | 'independent') => {
    if (track === 'official') {
      const res = await report(goalOf.A, admin.cookie, { effectiveDate: '2021-12-01' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<StatusUpdateResponse>().event.id;
    }
    // Independent assessments come from the seed; an unsuperseded one of goal A's Ressort.
    const id = t.app.db
      .prepare(
        `SELECT e.id FROM status_events e JOIN goals g ON g.id = e.goal_id
         WHERE g.lead_ressort = 'MWIDE' AND e.track = 'independent'
           AND NOT EXISTS (SELECT 1 FROM status_supersessions s WHERE s.superseded_event_id = e.id)
         ORDER BY e.id LIMIT 1`,
      )
      .pluck()
      .get() as number;
    return id;
  };
  const prepared = new Map<string, number>();
  const call = async (route: string, cookie: string | null) => {
    const headers = { ...sameOrigin, ...(cookie && { cookie }) };
    if (route === 'audit log (admin read)')
      return t.app.inject({ url: '/api/audit', headers: cookie ? { cookie } : {} });
    if (route === 'snapshot creation') {
      const actor = Object.entries(actors()).find(([, c]) => c === cookie)?.[0] ?? 'anonymous';
      return t.app.inject({
        method: 'POST',
        url: '/api/snapshots',
        headers,
        payload: { view: { path: '/', params: { version: '1.0', asOf: snapshotDates[actor] ?? '2021-05-01' } } },
      });
    }
    const target = prepared.get(route);
    if (target !== undefined) {
      const goalId = t.app.db.prepare('SELECT goal_id FROM status_events WHERE id = ?').pluck().get(target) as string;
      const kind = route.startsWith('withdrawal') ? 'withdrawal' : 'correction';
      return t.app.inject({
        method: 'POST',
        url: `/api/goals/${goalId}/status/${target}/${kind}`,
        headers,
        payload: {
          ...(kind === 'correction' && {
            status: 'planned',
            effectiveDate: '2021-12-01',
            // An independent assessment stands on reasons and evidence, corrected or not.
            note: route.includes('independent') ? 'Laut Beschlussvorlage nur geplant' : '',
            evidence: route.includes('independent') ? { reference: 'Drs. 17/1234' } : {},
          }),
          reason: 'Falscher Status übertragen, laut Vorlage nur geplant',
          expectedRevision: await revisionOf(goalId),
        },
      });
    }
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
        if (route.startsWith('correction') || route.startsWith('withdrawal')) {
          prepared.set(route, await freshReport(route.includes('independent') ? 'independent' : 'official'));
        }
        const count = () =>
          Number(
            t.app.db
              .prepare(
                `SELECT (SELECT count(*) FROM status_events) + (SELECT count(*) FROM snapshots)
          + (SELECT count(*) FROM goals) + (SELECT count(*) FROM status_supersessions)`,
              )
              .pluck()
              .get(),
          );
        const before = count();
        const res = await call(route, actors()[actor as keyof ReturnType<typeof actors>]);
        expect(res.statusCode, res.body).toBe(status);
        expect(count()).toBe(status === 201 ? before + (added[route] ?? 1) : before);
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
        reporter: 'Anna A (MHKBD)',
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
      official: { status: 'achieved', reporter: 'Anna A (MHKBD)' },
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
    [{ track: 'government' }, 'track'],
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
    const count = (sql: string) => Number(t.app.db.prepare(sql).pluck().get());
    const actions = (action: string) => items.filter((e) => e.action === action);
    // Every report and correction is a status event entered by an account; every withdrawal a supersession.
    expect(actions('status.report').length + actions('status.correct').length).toBe(
      count('SELECT count(*) FROM status_events WHERE reported_by_user_id IS NOT NULL'),
    );
    expect(actions('status.correct')).toHaveLength(
      count("SELECT count(*) FROM status_supersessions WHERE kind = 'correction'"),
    );
    expect(actions('status.withdraw')).toHaveLength(
      count("SELECT count(*) FROM status_supersessions WHERE kind = 'withdrawal'"),
    );
    expect(total).toBe(items.length);
    // Read as an administration reads it: German words and labelled changes, never codes or JSON.
    const latest = items.find((e) => e.action === 'status.report');
    expect(latest).toMatchObject({
      actor: anyText,
      actionLabel: 'Stand gemeldet',
      subject: { type: 'goal', id: anyText },
      ip: '127.0.0.1',
    });
    expect(latest?.changes[0]).toMatchObject({ label: 'Status', after: anyText });
    expect(JSON.stringify(items)).not.toMatch(/in_progress|partially_achieved"/);
    expect(() => t.app.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });
});
