import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalDetail, GoalSummary, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { RoundDetail, RoundsResponse } from '@zielmonitor/shared/schemas/round';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import type { SubmissionResponse, SubmissionsResponse } from '@zielmonitor/shared/schemas/submission';
import {
  anyList,
  createAccount,
  createTestApp,
  sameOrigin,
  type Account,
  type TestApp,
  issueFields,
  errorOf,
} from './helper.ts';

/**
 * The ministries' reporting workflow on the real seed: the MWIDE was dissolved on 29.06.2022 and
 * its goals passed to its successors MWIKE and MHKBD; reports wait for a second person's release;
 * a reporting round shows per Ressort what was reported, what waits and what is missing.
 */
describe('the reporting workflow', () => {
  let t: TestApp;
  let mwide: Account; // a controller of the dissolved MWIDE
  let mhkbd: Account; // controller of a successor
  let mwike: Account; // controller of the other successor
  let reviewer: Account; // reviewer of the MHKBD
  let otherReviewer: Account; // reviewer of the MSB
  let admin: Account;
  let goal = '';

  beforeAll(async () => {
    t = await createTestApp({ reviewRequired: true });
    [mwide, mhkbd, mwike, reviewer, otherReviewer, admin] = await Promise.all([
      createAccount(t, { email: 'alt@mwide.nrw.de', name: 'Alf Alt', role: 'controller', ressorts: ['MWIDE'] }),
      createAccount(t, { email: 'kim@mhkbd.nrw.de', name: 'Kim K', role: 'controller', ressorts: ['MHKBD'] }),
      createAccount(t, { email: 'wim@mwike.nrw.de', name: 'Wim W', role: 'controller', ressorts: ['MWIKE'] }),
      createAccount(t, { email: 'rita@mhkbd.nrw.de', name: 'Rita R', role: 'reviewer', ressorts: ['MHKBD'] }),
      createAccount(t, { email: 'rolf@msb.nrw.de', name: 'Rolf R', role: 'reviewer', ressorts: ['MSB'] }),
      createAccount(t, { email: 'ada@nrw.de', name: 'Ada', role: 'admin', ressorts: [] }),
    ]);
    const goals = (await t.app.inject({ url: '/api/goals?version=1.0&ressort=MWIDE&limit=1' })).json<GoalsResponse>();
    goal = goals.items[0]?.id ?? '';
    expect(goal).not.toBe('');
    // Six accounts, each with a password hash and a login: seconds on a busy machine.
  }, 60_000);
  afterAll(() => t.close());

  const get = async <T>(url: string, who?: Account) => {
    const res = await t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const post = (url: string, who: Account | null, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { ...sameOrigin, ...(who && { cookie: who.cookie }) }, payload });
  const revision = async () => (await get<GoalDetail>(`/api/goals/${goal}`)).revision;
  const report = async (who: Account, status = 'in_progress') =>
    post(`/api/goals/${goal}/status`, who, {
      status,
      effectiveDate: '2026-11-01',
      note: status === 'achieved' ? 'Abgeschlossen laut Vorlage' : '',
      evidence: {},
      expectedRevision: await revision(),
    });
  const officialCount = () =>
    Number(t.app.db.prepare("SELECT count(*) FROM status_events WHERE track = 'official'").pluck().get());

  it('passes a dissolved Ressort’s goals to its successors, unsettled while there are two', async () => {
    const detail = await get<GoalDetail>(`/api/goals/${goal}`);
    expect(detail.leadRessort).toBe('MWIDE');
    expect(detail.responsibility).toEqual({
      ressorts: ['MHKBD', 'MWIKE'],
      unsettled: true,
      involved: anyList,
      assignment: null,
    });
    // As of a day before the re-cut, the MWIDE itself was responsible.
    const then = await get<GoalDetail>(`/api/goals/${goal}?asOf=2022-01-31`);
    expect(then.responsibility.ressorts).toEqual(['MWIDE']);
    // The dissolved Ressort's controller may not report any more; both successors may.
    expect((await report(mwide)).statusCode).toBe(403);
    expect((await get<GoalDetail>(`/api/goals/${goal}`, mhkbd)).permissions.canReport).toBe(true);
    expect((await get<GoalDetail>(`/api/goals/${goal}`, mwike)).permissions.canReport).toBe(true);
    // "Meine Ziele" of the successors list the inherited goals; the old Ressort's list is empty.
    const mine = await get<GoalsResponse>('/api/goals?reportable=true&limit=500', mhkbd);
    expect(mine.items.map((g) => g.id)).toContain(goal);
    expect((await get<GoalsResponse>('/api/goals?reportable=true&limit=500', mwide)).total).toBe(0);
    expect((await t.app.inject({ url: '/api/goals?reportable=true' })).statusCode).toBe(401);
  });

  it('lets an administration settle the responsibility, with a date and a basis', async () => {
    const bad = await post(`/api/goals/${goal}/responsibility`, admin, {
      ressort: 'MSB',
      validFrom: '2022-06-29',
      basis: 'Zuschnitt der Landesregierung 2022',
      expectedRevision: await revision(),
    });
    expect(bad.statusCode).toBe(400);
    expect(issueFields(bad)[0]).toBe('ressort');
    expect(
      (
        await post(`/api/goals/${goal}/responsibility`, mhkbd, {
          ressort: 'MHKBD',
          validFrom: '2022-06-29',
          basis: 'Zuschnitt der Landesregierung 2022',
          expectedRevision: await revision(),
        })
      ).statusCode,
    ).toBe(403);
    const res = await post(`/api/goals/${goal}/responsibility`, admin, {
      ressort: 'MHKBD',
      validFrom: '2022-06-29',
      basis: 'Die Digitalisierung ging 2022 an das MHKBD (Organisationserlass)',
      expectedRevision: await revision(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<GoalSummary>().responsibility).toMatchObject({ ressorts: ['MHKBD'], unsettled: false });
    expect((await get<GoalDetail>(`/api/goals/${goal}`, mwike)).permissions.canReport).toBe(false);
    expect((await report(mwike)).statusCode).toBe(403);
    const ressortGoals = await get<GoalsResponse>('/api/goals?responsible=MHKBD&limit=500');
    expect(ressortGoals.items.map((g) => g.id)).toContain(goal);
    const mwikeGoals = await get<GoalsResponse>('/api/goals?responsible=MWIKE&limit=500');
    expect(mwikeGoals.items.map((g) => g.id)).not.toContain(goal);
  });

  it('keeps a report out of the public record until a second person releases it', async () => {
    const before = officialCount();
    const statsBefore = await get<RessortStatsResponse>('/api/stats/ressorts?version=1.0');
    const res = await report(mhkbd, 'achieved');
    expect(res.statusCode, res.body).toBe(202);
    const { submission } = res.json<SubmissionResponse>();
    expect(submission).toMatchObject({ state: 'pending', kind: 'report', status: 'achieved', canDecide: false });
    expect(officialCount()).toBe(before);
    expect(await get<RessortStatsResponse>('/api/stats/ressorts?version=1.0')).toEqual(statsBefore);

    // The public sees only that a report waits; the Ressort's people see which.
    const publicView = await get<GoalDetail>(`/api/goals/${goal}`);
    expect(publicView.review).toEqual({ pending: 1, submissions: [] });
    expect((await get<GoalDetail>(`/api/goals/${goal}`, reviewer)).review.submissions[0]).toMatchObject({
      id: submission.id,
      canDecide: true,
    });

    // Nobody releases their own report; a reviewer of another Ressort may not either.
    const expectedRevision = await revision();
    const own = await post(`/api/submissions/${submission.id}/release`, mhkbd, { expectedRevision });
    expect(own.statusCode).toBe(403);
    expect(errorOf(own).code).toBe('OWN_SUBMISSION');
    expect(
      (await post(`/api/submissions/${submission.id}/release`, otherReviewer, { expectedRevision })).statusCode,
    ).toBe(403);
    expect(
      (await post(`/api/submissions/${submission.id}/release`, reviewer, { expectedRevision: 0 })).statusCode,
    ).toBe(409);
    expect(officialCount()).toBe(before);

    const released = await post(`/api/submissions/${submission.id}/release`, reviewer, { expectedRevision });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json<SubmissionResponse>().submission).toMatchObject({ state: 'released', decidedBy: 'Rita R' });
    expect(officialCount()).toBe(before + 1);
    const detail = await get<GoalDetail>(`/api/goals/${goal}`);
    expect(detail.status).toBe('achieved');
    expect(detail.history.official[0]).toMatchObject({ reporter: 'Kim K (MHKBD)', status: 'achieved' });
    expect(detail.review.pending).toBe(0);
    // Released means published: entered into the record at the release, by the reviewer's hand.
    const row = t.app.db
      .prepare(
        'SELECT recorded_at, released_by_user_id, reported_by_user_id FROM status_events ORDER BY id DESC LIMIT 1',
      )
      .get() as { recorded_at: string; released_by_user_id: number; reported_by_user_id: number };
    expect(row.released_by_user_id).not.toBe(row.reported_by_user_id);
    expect(row.recorded_at >= submission.submittedAt).toBe(true);
    // A decided submission is final.
    expect(
      (
        await post(`/api/submissions/${submission.id}/return`, admin, {
          reason: 'Zu spät bemerkt, bitte prüfen',
          expectedRevision: await revision(),
        })
      ).statusCode,
    ).toBe(409);
  });

  it('returns a report with a reason, and it never counts', async () => {
    const before = officialCount();
    const res = await report(mhkbd, 'missed');
    expect(res.statusCode).toBe(400); // "verfehlt" needs a reason in the note
    const ok = await post(`/api/goals/${goal}/status`, mhkbd, {
      status: 'missed',
      effectiveDate: '2026-11-02',
      note: 'Frist verstrichen',
      evidence: {},
      expectedRevision: await revision(),
    });
    expect(ok.statusCode, ok.body).toBe(202);
    const id = ok.json<SubmissionResponse>().submission.id;
    const noReason = await post(`/api/submissions/${id}/return`, admin, {
      reason: 'nein',
      expectedRevision: await revision(),
    });
    expect(noReason.statusCode).toBe(400);
    const returned = await post(`/api/submissions/${id}/return`, admin, {
      reason: 'Bitte Beleg ergänzen: welche Frist?',
      expectedRevision: await revision(),
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json<SubmissionResponse>().submission).toMatchObject({
      state: 'returned',
      decisionReason: 'Bitte Beleg ergänzen: welche Frist?',
    });
    expect(officialCount()).toBe(before);
    const list = await get<SubmissionsResponse>('/api/submissions?state=returned', mhkbd);
    expect(list.items.map((s) => s.id)).toContain(id);
  });

  it('runs a reporting round: what was reported, waits for release or is missing, per Ressort, publicly', async () => {
    const opened = await post('/api/rounds', admin, {
      name: 'Bericht zur Ausschusssitzung 12/2026',
      version: '1.0',
      opensOn: '2026-11-01',
      dueOn: '2026-12-10',
      ressorts: ['MHKBD', 'MWIKE'],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json<RoundDetail>();
    const mhkbdRow = round.ressorts.find((r) => r.ressort === 'MHKBD');
    if (!mhkbdRow) throw new Error('the round has no row for the MHKBD');
    // The goal reported and released above counts; the MHKBD's other goals are missing.
    expect(mhkbdRow.goals.find((g) => g.goalId === goal)).toMatchObject({ state: 'reported' });
    expect(mhkbdRow.complete).toBe(mhkbdRow.missing === 0 && mhkbdRow.pending === 0);
    expect(mhkbdRow.overdueSince).toBeNull();
    // Public, without an account.
    const publicRound = await get<RoundDetail>(`/api/rounds/${round.id}`);
    expect(publicRound.name).toBe('Bericht zur Ausschusssitzung 12/2026');
    expect((await get<RoundsResponse>('/api/rounds')).items[0]).toMatchObject({ id: round.id, closedAt: null });

    const closed = await post(`/api/rounds/${round.id}/close`, admin, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<RoundDetail>().snapshotId).toMatch(/^berichtsrunde-/);
    expect((await post(`/api/rounds/${round.id}/close`, admin, {})).statusCode).toBe(409);
    // Frozen: a later report changes nothing on the closed round.
    await report(mwike, 'planned');
    expect(await get<RoundDetail>(`/api/rounds/${round.id}`)).toEqual(closed.json<RoundDetail>());
  });

  it('lets only administrations open and close rounds', async () => {
    const body = { name: 'Quartal 1/2027', version: '1.0', dueOn: '2027-03-31', ressorts: ['MSB'] };
    expect((await post('/api/rounds', null, body)).statusCode).toBe(401);
    expect((await post('/api/rounds', mhkbd, body)).statusCode).toBe(403);
    expect((await post('/api/rounds', reviewer, body)).statusCode).toBe(403);
    const bad = await post('/api/rounds', admin, { ...body, ressorts: ['XYZ'] });
    expect(bad.statusCode).toBe(400);
    expect(issueFields(bad)[0]).toBe('ressorts.0');
  });
});

describe('authorization matrix of the workflow routes', () => {
  let t: TestApp;
  const accounts: Record<string, Account | null> = {};
  let goal = '';
  beforeAll(async () => {
    t = await createTestApp({ reviewRequired: true });
    const made = await Promise.all([
      createAccount(t, { email: 'c@mhkbd.nrw.de', name: 'C', role: 'controller', ressorts: ['MHKBD'] }),
      createAccount(t, { email: 'd@mwide.nrw.de', name: 'D', role: 'controller', ressorts: ['MWIDE'] }),
      createAccount(t, { email: 'o@msb.nrw.de', name: 'O', role: 'controller', ressorts: ['MSB'] }),
      createAccount(t, { email: 'r@mhkbd.nrw.de', name: 'R', role: 'reviewer', ressorts: ['MHKBD'] }),
      createAccount(t, { email: 'q@msb.nrw.de', name: 'Q', role: 'reviewer', ressorts: ['MSB'] }),
      createAccount(t, { email: 'a@nrw.de', name: 'A', role: 'admin', ressorts: [] }),
    ]);
    [
      accounts.controller,
      accounts.dissolvedController,
      accounts.otherController,
      accounts.reviewer,
      accounts.otherReviewer,
      accounts.admin,
    ] = made;
    accounts.anonymous = null;
    goal =
      (await t.app.inject({ url: '/api/goals?version=1.0&ressort=MWIDE&limit=1' })).json<GoalsResponse>().items[0]
        ?.id ?? '';
    expect(goal).not.toBe('');
  }, 60_000);
  afterAll(() => t.close());

  const revision = async () => (await t.app.inject({ url: `/api/goals/${goal}` })).json<GoalDetail>().revision;
  const post = (url: string, who: Account | null, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { ...sameOrigin, ...(who && { cookie: who.cookie }) }, payload });
  const rows = () =>
    Number(
      t.app.db
        .prepare(
          `SELECT (SELECT count(*) FROM status_events) + (SELECT count(*) FROM submissions)
            + (SELECT count(*) FROM submissions WHERE state <> 'pending') + (SELECT count(*) FROM goal_assignments)
            + (SELECT count(*) FROM reporting_rounds) + (SELECT count(*) FROM reporting_rounds WHERE closed_at IS NOT NULL)`,
        )
        .pluck()
        .get(),
    );
  /** A fresh submission by the MHKBD controller to release or return. */
  const pendingSubmission = async () => {
    const res = await post(`/api/goals/${goal}/status`, accounts.controller ?? null, {
      status: 'in_progress',
      effectiveDate: '2026-11-01',
      note: '',
      evidence: {},
      expectedRevision: await revision(),
    });
    expect(res.statusCode, res.body).toBe(202);
    return res.json<SubmissionResponse>().submission.id;
  };

  const routes: Record<
    string,
    { expected: Record<string, number>; call: (who: Account | null) => Promise<{ statusCode: number; body: string }> }
  > = {
    'submit a report': {
      expected: {
        anonymous: 401,
        controller: 202,
        dissolvedController: 403,
        otherController: 403,
        reviewer: 202,
        otherReviewer: 403,
        admin: 202,
      },
      call: async (who) =>
        post(`/api/goals/${goal}/status`, who, {
          status: 'planned',
          effectiveDate: '2026-11-01',
          note: '',
          evidence: {},
          expectedRevision: await revision(),
        }),
    },
    'release a submission': {
      expected: {
        anonymous: 401,
        controller: 403,
        dissolvedController: 403,
        otherController: 403,
        reviewer: 200,
        otherReviewer: 403,
        admin: 200,
      },
      call: async (who) => {
        const id = await pendingSubmission();
        return post(`/api/submissions/${id}/release`, who, { expectedRevision: await revision() });
      },
    },
    'return a submission': {
      expected: {
        anonymous: 401,
        controller: 403,
        dissolvedController: 403,
        otherController: 403,
        reviewer: 200,
        otherReviewer: 403,
        admin: 200,
      },
      call: async (who) => {
        const id = await pendingSubmission();
        return post(`/api/submissions/${id}/return`, who, {
          reason: 'Beleg fehlt noch, bitte ergänzen',
          expectedRevision: await revision(),
        });
      },
    },
    'settle responsibility': {
      expected: {
        anonymous: 401,
        controller: 403,
        dissolvedController: 403,
        otherController: 403,
        reviewer: 403,
        otherReviewer: 403,
        admin: 200,
      },
      call: async (who) =>
        post(`/api/goals/${goal}/responsibility`, who, {
          ressort: 'MHKBD',
          validFrom: '2022-06-29',
          basis: 'Organisationserlass der Landesregierung',
          expectedRevision: await revision(),
        }),
    },
    'open a round': {
      expected: {
        anonymous: 401,
        controller: 403,
        dissolvedController: 403,
        otherController: 403,
        reviewer: 403,
        otherReviewer: 403,
        admin: 201,
      },
      call: (who) =>
        post('/api/rounds', who, { name: 'Matrix-Runde', version: '1.0', dueOn: '2099-01-01', ressorts: ['MHKBD'] }),
    },
  };

  for (const [route, { expected, call }] of Object.entries(routes)) {
    for (const [actor, status] of Object.entries(expected)) {
      it(`${route}: ${actor} → ${status}`, async () => {
        const before = rows();
        // Preparing a submission to decide is not part of what is counted.
        const res = await call(accounts[actor] ?? null);
        const afterCall = rows();
        expect(res.statusCode, res.body).toBe(status);
        if (status >= 400) {
          const prepared = route.endsWith('submission') ? 1 : 0;
          expect(afterCall).toBe(before + prepared);
        } else {
          expect(afterCall).toBeGreaterThan(before);
        }
      });
    }
  }

  it('nobody releases their own report, not even an administration', async () => {
    const res = await post(`/api/goals/${goal}/status`, accounts.admin ?? null, {
      status: 'planned',
      effectiveDate: '2026-11-01',
      note: '',
      evidence: {},
      expectedRevision: await revision(),
    });
    const id = res.json<SubmissionResponse>().submission.id;
    const own = await post(`/api/submissions/${id}/release`, accounts.admin ?? null, {
      expectedRevision: await revision(),
    });
    expect(own.statusCode).toBe(403);
    expect(errorOf(own).code).toBe('OWN_SUBMISSION');
  });
});
