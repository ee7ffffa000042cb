import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthsBefore } from '@zielmonitor/shared/indicators/trajectory';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import type { AuditResponse } from '@zielmonitor/shared/schemas/audit';
import type { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import type { GoalDetail } from '@zielmonitor/shared/schemas/goal';
import type { IndicatorDetail } from '@zielmonitor/shared/schemas/indicator';
import type { RoundDetail } from '@zielmonitor/shared/schemas/round';
import type { SubmissionResponse, SubmissionsResponse } from '@zielmonitor/shared/schemas/submission';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp } from './helper.ts';

/**
 * Four-eyes release of indicator readings on the real seed: schulen-gigabit and haushalte-gigabit
 * measure goals of the dissolved MWIDE, whose digital affairs the MHKBD reports today. A reading,
 * a correction or a withdrawal waits as a submission and counts only once a second person releases it.
 */
let t: TestApp;
const who: Record<string, Account | null> = { anonymous: null };

beforeAll(async () => {
  t = await createTestApp({ reviewRequired: true });
  const made = await Promise.all([
    createAccount(t, { email: 'kim@mhkbd.nrw.de', name: 'Kim K', role: 'controller', ressorts: ['MHKBD'] }),
    createAccount(t, { email: 'alt@mwide.nrw.de', name: 'Alf Alt', role: 'controller', ressorts: ['MWIDE'] }),
    createAccount(t, { email: 'ole@msb.nrw.de', name: 'Ole O', role: 'controller', ressorts: ['MSB'] }),
    createAccount(t, { email: 'rita@mhkbd.nrw.de', name: 'Rita R', role: 'reviewer', ressorts: ['MHKBD'] }),
    createAccount(t, { email: 'rolf@msb.nrw.de', name: 'Rolf R', role: 'reviewer', ressorts: ['MSB'] }),
    createAccount(t, { email: 'ada@nrw.de', name: 'Ada', role: 'admin', ressorts: [] }),
  ]);
  [who.controller, who.dissolvedController, who.otherController, who.reviewer, who.otherReviewer, who.admin] = made;
  // Six accounts, each with a password hash and a login: seconds on a busy machine.
}, 60_000);
afterAll(() => t.close());

const account = (role: string): Account => {
  const found = who[role];
  if (!found) throw new Error(`no account ${role}`);
  return found;
};
const get = async <T>(url: string, as: Account | null = null): Promise<T> => {
  const res = await t.app.inject({ url, headers: as ? { cookie: as.cookie } : {} });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
const indicator = (id: string, as: Account | null = null) => get<IndicatorDetail>(`/api/indicators/${id}`, as);
type Answer = Awaited<ReturnType<typeof post>>;
/** The answer to a write that waits for release (202) or a decision (200). */
const submitted = (res: Answer) => res.json<SubmissionResponse>().submission;
/** The error of a 4xx answer, in the one shape. */
const errorOf = (res: Answer) => res.json<ErrorResponse>().error;
const firstField = (res: Answer) => errorOf(res).issues?.[0]?.field;
const post = (url: string, as: Account | null, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url, headers: { ...sameOrigin, ...(as && { cookie: as.cookie }) }, payload });
const put = (url: string, as: Account, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PUT', url, headers: { ...sameOrigin, cookie: as.cookie }, payload });
const count = (sql: string) => Number(t.app.db.prepare(sql).pluck().get());
const revision = async (id: string) => (await indicator(id)).revision;
// Last month: a month counts from its last day, so the current one may not be over yet.
const lastMonth = monthsBefore(todayInBerlin(), 1).slice(0, 7);
const reading = (value: number) => ({
  value,
  date: lastMonth,
  note: 'Stand laut Breitbandbüro',
  evidence: { reference: 'Vorlage 18/123' },
});
const report = async (id: string, as: Account | null, value = 93.5) =>
  post(`/api/indicators/${id}/readings`, as, { ...reading(value), expectedRevision: await revision(id) });
const supersede = async (id: string, readingId: number, as: Account | null, body: Record<string, unknown>) =>
  post(`/api/indicators/${id}/readings/${readingId}/supersede`, as, {
    ...body,
    expectedRevision: await revision(id),
  });
const release = async (id: number, indicator: string, as: Account | null) =>
  post(`/api/submissions/${id}/release`, as, { expectedRevision: await revision(indicator) });

describe('a reading waits for a second person’s release', () => {
  const id = 'schulen-gigabit';
  let submissionId = 0;
  let releasedReading = 0;

  it('is stored as a submission: the rating, the readings, the export and the goal stay as they were', async () => {
    const before = await indicator(id);
    const csvBefore = (await t.app.inject({ url: `/api/export/indicator-readings.csv?indicator=${id}` })).body;
    const goalBefore = await get<GoalDetail>('/api/goals/v1-13');
    const readings = count('SELECT count(*) FROM indicator_readings');

    const res = await report(id, account('controller'));
    expect(res.statusCode, res.body).toBe(202);
    const { submission, revision: next } = res.json<SubmissionResponse>();
    submissionId = submission.id;
    expect(next).toBe(before.revision + 1);
    expect(submission).toMatchObject({
      about: { type: 'indicator', id, title: before.name, revision: next, path: `/kennzahlen/${id}` },
      kind: 'report',
      targetId: null,
      status: null,
      reading: {
        unit: 'percent',
        value: { value: 93.5, qualifier: 'exact', datePrecision: 'month', dateWording: null },
        target: null,
      },
      evidence: { url: null, reference: 'Vorlage 18/123' },
      reporter: 'Kim K (MHKBD)',
      state: 'pending',
      canDecide: false,
      mine: true,
    });
    expect(count('SELECT count(*) FROM indicator_readings')).toBe(readings);
    const after = await indicator(id);
    expect(after.rating).toEqual(before.rating);
    expect(after.readings).toEqual(before.readings);
    expect((await t.app.inject({ url: `/api/export/indicator-readings.csv?indicator=${id}` })).body).toBe(csvBefore);
    expect((await get<GoalDetail>('/api/goals/v1-13')).schedule).toEqual(goalBefore.schedule);
  });

  it('shows publicly only that a reading waits; those of the Ressort see which', async () => {
    expect((await indicator(id)).review).toEqual({ pending: 1, submissions: [] });
    expect((await indicator(id, account('otherReviewer'))).review.submissions).toEqual([]);
    const own = (await indicator(id, account('controller'))).review.submissions;
    expect(own).toMatchObject([{ id: submissionId, canDecide: false, mine: true }]);
    const reviewer = (await indicator(id, account('reviewer'))).review.submissions;
    expect(reviewer).toMatchObject([{ id: submissionId, canDecide: true, mine: false }]);
    // The list of releases holds readings beside reports, for the Ressort's people only.
    const list = await get<SubmissionsResponse>('/api/submissions', account('reviewer'));
    expect(list.items.map((s) => s.id)).toContain(submissionId);
    expect(
      (await get<SubmissionsResponse>(`/api/submissions?indicator=${id}`, account('reviewer'))).items,
    ).toHaveLength(1);
    expect((await get<SubmissionsResponse>('/api/submissions', account('otherReviewer'))).items).toEqual([]);
    expect((await get<SubmissionsResponse>('/api/submissions?indicator=flaeche-5g', account('admin'))).items).toEqual(
      [],
    );
    const bad = await t.app.inject({
      url: '/api/submissions?indicator=Schulen!',
      headers: { cookie: account('reviewer').cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(firstField(bad)).toBe('indicator');
  });

  it('is released by nobody but a second person of the Ressort, with the current revision', async () => {
    const readings = count('SELECT count(*) FROM indicator_readings');
    const own = await release(submissionId, id, account('controller'));
    expect(own.statusCode).toBe(403);
    expect(errorOf(own).code).toBe('OWN_SUBMISSION');
    expect((await release(submissionId, id, account('otherReviewer'))).statusCode).toBe(403);
    expect((await release(submissionId, id, account('dissolvedController'))).statusCode).toBe(403);
    const stale = await post(`/api/submissions/${submissionId}/release`, account('reviewer'), {
      expectedRevision: (await revision(id)) - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('CONFLICT');
    const noRevision = await post(`/api/submissions/${submissionId}/release`, account('reviewer'), {});
    expect(noRevision.statusCode).toBe(400);
    expect(firstField(noRevision)).toBe('expectedRevision');
    expect(count('SELECT count(*) FROM indicator_readings')).toBe(readings);
    expect((await indicator(id)).rating.official.reading?.value).not.toBe(93.5);
  });

  it('counts from the release on: entered at the release, by the reviewer’s hand, and audited', async () => {
    const before = await indicator(id);
    const res = await release(submissionId, id, account('reviewer'));
    expect(res.statusCode, res.body).toBe(200);
    const submission = submitted(res);
    expect(submission).toMatchObject({ state: 'released', decidedBy: 'Rita R', canDecide: false });
    releasedReading = submission.releasedId ?? 0;
    const after = await indicator(id);
    expect(after.revision).toBe(before.revision + 1);
    expect(after.review).toEqual({ pending: 0, submissions: [] });
    // Target 100 % by the end of 2022: the path stands at 100 %.
    expect(after.rating.official).toMatchObject({ state: 'behind', reading: { id: releasedReading, value: 93.5 } });
    expect(after.readings[0]).toMatchObject({ id: releasedReading, reporter: 'Kim K (MHKBD)', track: 'official' });
    const row = t.app.db
      .prepare(
        'SELECT recorded_at, reported_by_user_id, released_by_user_id, indicator_revision FROM indicator_readings WHERE id = ?',
      )
      .get(releasedReading) as Record<string, unknown>;
    expect(row.recorded_at).toBe(submission.decidedAt);
    expect(row.recorded_at).not.toBe(submission.submittedAt);
    expect(row.reported_by_user_id).toBe(t.app.repos.users.findByEmail('kim@mhkbd.nrw.de')?.id);
    expect(row.released_by_user_id).toBe(t.app.repos.users.findByEmail('rita@mhkbd.nrw.de')?.id);
    expect(row.indicator_revision).toBe(after.revision);
    const csv = (await t.app.inject({ url: `/api/export/indicator-readings.csv?indicator=${id}` })).body;
    expect(csv).toContain('93,5');

    const audit = await get<AuditResponse>(`/api/audit?action=indicator.reading.release`, account('admin'));
    expect(audit.items[0]).toMatchObject({ actionLabel: 'Messwert freigegeben', subject: { type: 'indicator', id } });
    expect(audit.items[0]?.changes).toEqual(
      expect.arrayContaining([
        { label: 'Einreichung', before: 'wartet auf Freigabe', after: 'freigegeben' },
        { label: 'Wert', before: null, after: '93,5' },
      ]),
    );
    const submittedAudit = await get<AuditResponse>(`/api/audit?action=indicator.reading.submit`, account('admin'));
    expect(submittedAudit.items[0]?.changes).toEqual(
      expect.arrayContaining([
        { label: 'Art', before: null, after: 'Messwert' },
        { label: 'Wert', before: null, after: '93,5' },
      ]),
    );
    // A decision is final.
    const again = await post(`/api/submissions/${submissionId}/return`, account('admin'), {
      reason: 'Doch noch einmal prüfen bitte',
      expectedRevision: after.revision,
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('ALREADY_DECIDED');
  });

  it('holds corrections back too: the corrected value counts until the correction is released', async () => {
    const res = await supersede(id, releasedReading, account('controller'), {
      kind: 'correction',
      reason: 'Tippfehler: 95,5 statt 93,5',
      replacement: reading(95.5),
    });
    expect(res.statusCode, res.body).toBe(202);
    const submission = submitted(res);
    expect(submission).toMatchObject({
      kind: 'correction',
      targetId: releasedReading,
      reason: 'Tippfehler: 95,5 statt 93,5',
      reading: { value: { value: 95.5 }, target: { value: 93.5 } },
    });
    expect((await indicator(id)).rating.official.reading?.value).toBe(93.5);
    // One supersession of a reading at a time.
    const second = await supersede(id, releasedReading, account('reviewer'), {
      kind: 'withdrawal',
      reason: 'Doppelt gemeldet',
    });
    expect(second.statusCode).toBe(409);
    expect((await release(submission.id, id, account('admin'))).statusCode).toBe(200);
    const after = await indicator(id);
    expect(after.rating.official.reading?.value).toBe(95.5);
    const old = after.readings.find((r: { id: number }) => r.id === releasedReading);
    expect(old?.superseded).toMatchObject({ kind: 'correction', by: 'Kim K' });
  });

  it('refuses to release a withdrawal whose reading was superseded meanwhile (409), writing nothing', async () => {
    const current = (await indicator(id)).rating.official.reading?.id ?? 0;
    const res = await supersede(id, current, account('controller'), { kind: 'withdrawal', reason: 'Falsche Zählung' });
    expect(res.statusCode, res.body).toBe(202);
    // The API never supersedes a reading twice; a database restored from elsewhere might hold it so.
    t.app.db.transaction(() =>
      t.app.repos.indicatorWrites.supersede({
        readingId: current,
        kind: 'withdrawal',
        replacementId: null,
        reason: 'Im Archiv zurückgezogen',
        recordedAt: new Date().toISOString(),
        userId: 1,
        releasedBy: null,
      }),
    )();
    const before = count('SELECT count(*) FROM indicator_reading_supersessions');
    const refused = await release(submitted(res).id, id, account('reviewer'));
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('ALREADY_SUPERSEDED');
    expect(count('SELECT count(*) FROM indicator_reading_supersessions')).toBe(before);
    expect((await indicator(id)).review.pending).toBe(1);
    const returned = await post(`/api/submissions/${submitted(res).id}/return`, account('reviewer'), {
      reason: 'Der Messwert ist schon zurückgezogen',
      expectedRevision: await revision(id),
    });
    expect(returned.statusCode, returned.body).toBe(200);
  });
});

describe('a returned reading never counts', () => {
  it('needs a reason of at least 10 characters, and shows under “returned” for the one who submitted it', async () => {
    const id = 'haushalte-glasfaser';
    const readings = count('SELECT count(*) FROM indicator_readings');
    const res = await report(id, account('controller'), 61);
    expect(res.statusCode, res.body).toBe(202);
    const sid = submitted(res).id;
    const short = await post(`/api/submissions/${sid}/return`, account('reviewer'), {
      reason: 'nein',
      expectedRevision: await revision(id),
    });
    expect(short.statusCode).toBe(400);
    expect(firstField(short)).toBe('reason');
    const returned = await post(`/api/submissions/${sid}/return`, account('reviewer'), {
      reason: 'Beleg fehlt: welche Vorlage genau?',
      expectedRevision: await revision(id),
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(submitted(returned)).toMatchObject({
      state: 'returned',
      decisionReason: 'Beleg fehlt: welche Vorlage genau?',
    });
    expect(count('SELECT count(*) FROM indicator_readings')).toBe(readings);
    const mine = await get<SubmissionsResponse>('/api/submissions?state=returned', account('controller'));
    expect(mine.items.map((s) => s.id)).toContain(sid);
  });

  it('is checked again on release: a value the indicator no longer admits is refused, naming the field', async () => {
    const definition = {
      name: 'Mobilfunk an Schulen',
      measure: 'Anteil der Schulen mit 5G-Empfang.',
      unit: 'percent',
      direction: 'higher_is_better',
      goals: [{ goalId: 'v1-16' }],
      targets: [],
    };
    const created = await post('/api/indicators', account('admin'), { id: 'schulen-5g', ...definition });
    expect(created.statusCode, created.body).toBe(201);
    const res = await report('schulen-5g', account('controller'), 42.5);
    expect(res.statusCode, res.body).toBe(202);
    // The administration redefines it as a count meanwhile: 42.5 schools is no count.
    const edited = await put('/api/indicators/schulen-5g', account('admin'), {
      ...definition,
      unit: 'count',
      unitSingular: 'Schule',
      unitPlural: 'Schulen',
      expectedRevision: await revision('schulen-5g'),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const refused = await release(submitted(res).id, 'schulen-5g', account('reviewer'));
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused)).toMatchObject({
      code: 'NO_LONGER_VALID',
      issues: [{ field: 'reading.value', message: 'Eine Anzahl ist eine ganze Zahl ab 0' }],
    });
    expect(count("SELECT count(*) FROM indicator_readings WHERE indicator_id = 'schulen-5g'")).toBe(0);
  });
});

describe('authorization matrix of the reading release paths', () => {
  const id = 'haushalte-gigabit';
  const rows = () =>
    count(`SELECT (SELECT count(*) FROM indicator_readings) + (SELECT count(*) FROM indicator_reading_supersessions)
      + (SELECT count(*) FROM submissions) + (SELECT count(*) FROM submissions WHERE state <> 'pending')`);
  /** A pending reading submission by the MHKBD's controller. */
  const pending = async () => {
    const res = await report(id, account('controller'));
    expect(res.statusCode, res.body).toBe(202);
    return submitted(res).id;
  };
  /** A released official reading nobody has superseded. */
  const released = async () => {
    const res = await release(await pending(), id, account('admin'));
    expect(res.statusCode, res.body).toBe(200);
    return submitted(res).releasedId as number;
  };
  const writers = {
    anonymous: 401,
    controller: 202,
    dissolvedController: 403,
    otherController: 403,
    reviewer: 202,
    otherReviewer: 403,
    admin: 202,
  };
  const deciders = {
    anonymous: 401,
    controller: 403, // their own
    dissolvedController: 403,
    otherController: 403,
    reviewer: 200,
    otherReviewer: 403,
    admin: 200,
  };
  const routes: Record<
    string,
    {
      expected: Record<string, number>;
      prepare: () => Promise<number>;
      call: (as: Account | null, prepared: number) => Promise<{ statusCode: number; body: string }>;
    }
  > = {
    'submit a reading': { expected: writers, prepare: async () => 0, call: (as) => report(id, as) },
    'submit a correction of a reading': {
      expected: writers,
      prepare: released,
      call: (as, readingId) =>
        supersede(id, readingId, as, { kind: 'correction', reason: 'Stand berichtigt', replacement: reading(80) }),
    },
    'submit a withdrawal of a reading': {
      expected: writers,
      prepare: released,
      call: (as, readingId) => supersede(id, readingId, as, { kind: 'withdrawal', reason: 'Doppelt gezählt' }),
    },
    'release a reading': {
      expected: deciders,
      prepare: pending,
      call: (as, sid) => release(sid, id, as),
    },
    'return a reading': {
      expected: deciders,
      prepare: pending,
      call: async (as, sid) =>
        post(`/api/submissions/${sid}/return`, as, {
          reason: 'Beleg fehlt noch, bitte ergänzen',
          expectedRevision: await revision(id),
        }),
    },
  };

  for (const [route, { expected, prepare, call }] of Object.entries(routes)) {
    for (const [role, status] of Object.entries(expected)) {
      it(`${route}: ${role} → ${status}`, async () => {
        const prepared = await prepare();
        const before = rows();
        const res = await call(who[role] ?? null, prepared);
        expect(res.statusCode, res.body).toBe(status);
        if (status >= 400) expect(rows()).toBe(before);
        else expect(rows()).toBeGreaterThan(before);
      });
    }
  }

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = rows();
    const share = await report(id, account('controller'), 120);
    expect(share.statusCode).toBe(400);
    expect(firstField(share)).toBe('value');
    const noEvidence = await post(`/api/indicators/${id}/readings`, account('controller'), {
      ...reading(50),
      evidence: {},
      expectedRevision: await revision(id),
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(firstField(noEvidence)).toBe('evidence.url');
    const noValue = await supersede(id, 1, account('controller'), { kind: 'correction', reason: 'Falsch' });
    expect(noValue.statusCode).toBe(400);
    expect(firstField(noValue)).toBe('replacement');
    expect((await post('/api/submissions/abc/release', account('reviewer'), { expectedRevision: 0 })).statusCode).toBe(
      400,
    );
    expect(
      (await post('/api/submissions/99999/release', account('reviewer'), { expectedRevision: 0 })).statusCode,
    ).toBe(404);
    expect(rows()).toBe(before);
  });

  it('answers a stale revision with 409, for the submission and for the decision', async () => {
    const stale = await revision(id);
    const sid = await pending();
    const before = rows();
    const res = await post(`/api/indicators/${id}/readings`, account('reviewer'), {
      ...reading(70),
      expectedRevision: stale,
    });
    expect(res.statusCode).toBe(409);
    expect(
      (await post(`/api/submissions/${sid}/release`, account('reviewer'), { expectedRevision: stale })).statusCode,
    ).toBe(409);
    expect(rows()).toBe(before);
  });
});

describe('a reporting round counts readings', () => {
  it('a reading of an indicator measuring the goal: pending until released, then reported', async () => {
    const id = 'gewerbegebiete-glasfaser'; // measures v1-14, the MWIDE's, reported by the MHKBD today
    const opened = await post('/api/rounds', account('admin'), {
      name: 'Messwerte im Quartal',
      version: '1.0',
      opensOn: todayInBerlin(),
      dueOn: todayInBerlin(),
      ressorts: ['MHKBD'],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const roundId = opened.json<RoundDetail>().id;
    const v114 = async () => {
      const round = await get<RoundDetail>(`/api/rounds/${roundId}`);
      const row = round.ressorts.find((r) => r.ressort === 'MHKBD');
      return row?.goals.find((g) => g.goalId === 'v1-14');
    };
    expect(await v114()).toMatchObject({ state: 'missing', reportedAt: null });
    const res = await report(id, account('controller'), 48);
    expect(res.statusCode, res.body).toBe(202);
    expect(await v114()).toMatchObject({ state: 'pending', reportedAt: null });
    const released = await release(submitted(res).id, id, account('reviewer'));
    expect(released.statusCode, released.body).toBe(200);
    expect(await v114()).toMatchObject({ state: 'reported', reportedAt: submitted(released).decidedAt });
  });

  it('a returned reading leaves the goal missing', async () => {
    const id = 'ti-praxen'; // measures v1-18, the MAGS's
    const opened = await post('/api/rounds', account('admin'), {
      name: 'Messwerte der Gesundheit',
      version: '1.0',
      opensOn: todayInBerlin(),
      dueOn: todayInBerlin(),
      ressorts: ['MAGS'],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const state = async () => {
      const round = await get<RoundDetail>(`/api/rounds/${opened.json<RoundDetail>().id}`);
      return round.ressorts[0]?.goals.find((g) => g.goalId === 'v1-18')?.state;
    };
    expect(await state()).toBe('missing');
    // The administration reports and another administration returns it (nobody decides their own).
    const ada2 = await createAccount(t, { email: 'bea@nrw.de', name: 'Bea', role: 'admin', ressorts: [] });
    const res = await report(id, account('admin'), 100);
    expect(res.statusCode, res.body).toBe(202);
    expect(await state()).toBe('pending');
    const returned = await post(`/api/submissions/${submitted(res).id}/return`, ada2, {
      reason: 'Anzahl der Praxen fehlt im Beleg',
      expectedRevision: await revision(id),
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await state()).toBe('missing');
  });
});

describe('the API description', () => {
  it('names the 202 answer of the reading routes and describes the release routes', async () => {
    type Operation = { summary?: string; responses: Record<string, unknown>; parameters?: { name: string }[] };
    type Spec = { paths: Record<string, Record<string, Operation | undefined> | undefined> };
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json<Spec>();
    const operation = (path: string, method: string) => spec.paths[path]?.[method];
    for (const path of ['/api/indicators/{id}/readings', '/api/indicators/{id}/readings/{readingId}/supersede']) {
      expect(Object.keys(operation(path, 'post')?.responses ?? {})).toEqual(
        expect.arrayContaining(['201', '202', '409']),
      );
      expect(operation(path, 'post')?.summary).toMatch(/Freigabe/);
    }
    expect(operation('/api/submissions/{id}/release', 'post')?.summary).toMatch(/freigeben/);
    expect(operation('/api/submissions', 'get')?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['state', 'goal', 'indicator']),
    );
  });
});
