import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { monthsBefore } from '@zielmonitor/shared/indicators/trajectory';
import type { GoalDetail } from '@zielmonitor/shared/schemas/goal';
import type { IndicatorDetail } from '@zielmonitor/shared/schemas/indicator';
import type { ReadingResponse } from '@zielmonitor/shared/schemas/indicator-write';
import {
  createAccount,
  createTestApp,
  sameOrigin,
  type Account,
  type TestApp,
  issueFields,
  errorOf,
  textContaining,
} from './helper.ts';

let t: TestApp;
let mwide: Account;
let stk: Account;
let admin: Account;

beforeAll(async () => {
  t = await createTestApp({ reviewRequired: false }); // readings enter the record at once (201); release: reading-release.test.ts
  [mwide, stk, admin] = await Promise.all([
    createAccount(t, { email: 'k@mhkbd.nrw.de', name: 'Kim K', role: 'controller', ressorts: ['MHKBD'] }),
    createAccount(t, { email: 's@stk.nrw.de', name: 'Sam S', role: 'controller', ressorts: ['StK'] }),
    createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] }),
  ]);
  // scrypt at N=2^17 per account and login: slow by design, slower on a busy machine.
}, 60_000);
afterAll(() => t.close());

const detail = async (id: string, query = '') =>
  (await t.app.inject({ url: `/api/indicators/${id}${query}` })).json<IndicatorDetail>();
const count = (sql: string) => Number(t.app.db.prepare(sql).pluck().get());
const post = async (
  url: string,
  cookie: string | null,
  payload: unknown,
  headers: Record<string, string> = sameOrigin,
) =>
  t.app.inject({ method: 'POST', url, headers: { ...headers, ...(cookie && { cookie }) }, payload: payload as object });
const reading = async (id: string, body: Record<string, unknown> = {}) => ({
  value: 80,
  date: todayInBerlin(),
  note: 'Stand laut Breitbandbüro',
  evidence: { reference: 'Vorlage 18/123' },
  expectedRevision: (await detail(id)).revision,
  ...body,
});
const report = async (id: string, cookie: string | null, body: Record<string, unknown> = {}, headers = sameOrigin) =>
  post(`/api/indicators/${id}/readings`, cookie, await reading(id, body), headers);

describe('authorization matrix for the indicator write routes', () => {
  // schulen-gigabit measures v1-13 (MWIDE; today its successor for digital affairs, MHKBD, reports), ti-praxen v1-18 (MAGS).
  const cases: [string, () => Promise<{ statusCode: number }>[], number[]][] = [
    [
      'a reading for an indicator of MWIDE',
      () => [report('schulen-gigabit', null), report('schulen-gigabit', stk.cookie)],
      [401, 403],
    ],
    ['a reading for an indicator of MAGS', () => [report('ti-praxen', mwide.cookie)], [403]],
    [
      'creating an indicator',
      () => [post('/api/indicators', null, {}), post('/api/indicators', mwide.cookie, {})],
      [401, 403],
    ],
    [
      'editing an indicator',
      () => [
        t.app.inject({ method: 'PUT', url: '/api/indicators/flaeche-5g', headers: sameOrigin, payload: {} }),
        t.app.inject({
          method: 'PUT',
          url: '/api/indicators/flaeche-5g',
          headers: { ...sameOrigin, cookie: stk.cookie },
          payload: {},
        }),
      ],
      [401, 403],
    ],
    [
      'importing readings',
      () => [
        post('/api/import/indicator-readings', null, 'x', { ...sameOrigin, 'content-type': 'text/csv' }),
        post('/api/import/indicator-readings', mwide.cookie, 'x', { ...sameOrigin, 'content-type': 'text/csv' }),
      ],
      [401, 403],
    ],
  ];
  it.each(cases)('refuses %s to those who may not, and writes nothing', async (_name, calls, expected) => {
    const before = count('SELECT count(*) FROM indicator_readings') + count('SELECT count(*) FROM indicators');
    const answers = await Promise.all(calls());
    expect(answers.map((a) => a.statusCode)).toEqual(expected);
    expect(count('SELECT count(*) FROM indicator_readings') + count('SELECT count(*) FROM indicators')).toBe(before);
  });

  it('refuses a write from another site (Origin) with 403, before looking at the session', async () => {
    const res = await report('schulen-gigabit', mwide.cookie, {}, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('CROSS_ORIGIN');
  });
});

describe('reporting a reading', () => {
  it('lets a controller report for an indicator of their Ressorts, changes the rating, and audits it', async () => {
    const before = await detail('schulen-gigabit');
    expect(before.rating.official).toMatchObject({ state: 'not_assessable', reason: 'stale' });
    expect(before.canReport).toBe(false);
    const audits = count('SELECT count(*) FROM audit_log');
    // Last month: a month counts from its last day, so the current one may not be over yet.
    const lastMonth = monthsBefore(todayInBerlin(), 1).slice(0, 7);
    const res = await report('schulen-gigabit', mwide.cookie, { value: 93.5, date: lastMonth });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<ReadingResponse>();
    expect(body.revision).toBe(before.revision + 1);
    expect(body.reading).toMatchObject({
      value: 93.5,
      track: 'official',
      reporter: 'Kim K (MHKBD)',
      datePrecision: 'month',
    });
    // Target (100 % by the end of 2022) in the past: the path stands at 100 %.
    expect(body.reading.rating).toMatchObject({ state: 'behind', planned: 100, aheadBy: -6.5 });
    const after = await detail('schulen-gigabit');
    expect(after.rating.official).toMatchObject({ state: 'behind', reading: { value: 93.5 } });
    expect(count('SELECT count(*) FROM audit_log')).toBe(audits + 1);
    // REVIEW_REQUIRED=false: nothing waits for release, the reading is nobody's release.
    expect(count('SELECT count(*) FROM submissions')).toBe(0);
    expect(after.review).toEqual({ pending: 0, submissions: [] });
    expect(
      count(`SELECT count(*) FROM indicator_readings WHERE id = ${body.reading.id} AND released_by_user_id IS NULL`),
    ).toBe(1);
    // The goal's Terminlage follows: v1-13 is past its due date either way.
    expect((await t.app.inject({ url: '/api/goals/v1-13' })).json<GoalDetail>().schedule?.official.state).toBe(
      'deadline_passed',
    );
  });

  it('lets an admin report for every indicator', async () => {
    expect((await report('flaeche-5g', admin.cookie, { value: 91 })).statusCode).toBe(201);
  });

  it('answers 409 when someone else wrote meanwhile, and writes nothing', async () => {
    const stale = (await detail('haushalte-gigabit')).revision;
    expect((await report('haushalte-gigabit', mwide.cookie, { expectedRevision: stale })).statusCode).toBe(201);
    const n = count('SELECT count(*) FROM indicator_readings');
    const res = await report('haushalte-gigabit', mwide.cookie, { expectedRevision: stale });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('CONFLICT');
    expect(count('SELECT count(*) FROM indicator_readings')).toBe(n);
  });

  it('refuses a month that is not over yet', async () => {
    const next = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 7);
    const res = await report('schulen-gigabit', mwide.cookie, { date: next });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.[0]).toMatchObject({
      field: 'date',
      message: textContaining('noch nicht vorbei'),
    });
  });

  it.each([
    ['value', { value: 'viel' }],
    ['value', { value: 140 }],
    ['date', { date: '2099' }],
    ['date', { date: '2021-02-30' }],
    ['evidence.url', { evidence: {} }],
    ['evidence.url', { evidence: { url: 'javascript:alert(1)' } }],
    ['qualifier', { qualifier: 'ungefähr' }],
    ['track', { track: 'government' }],
  ])('answers a bad %s with 400 naming it, and writes nothing', async (field, body) => {
    const n = count('SELECT count(*) FROM indicator_readings');
    const res = await report('schulen-glasfaser', mwide.cookie, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(issueFields(res)).toContain(field);
    expect(count('SELECT count(*) FROM indicator_readings')).toBe(n);
  });

  it('answers a count that is not a whole number with 400', async () => {
    const res = await report('wsp-dienstleistungen', mwide.cookie, { value: 70.5 });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.[0]).toMatchObject({ field: 'value' });
  });

  it('answers an unknown indicator with 404', async () => {
    const res = await post('/api/indicators/gibt-es-nicht/readings', admin.cookie, {
      value: 1,
      date: '2021',
      note: '',
      evidence: { reference: 'x' },
      expectedRevision: 0,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('correcting and withdrawing a reading', () => {
  const supersede = async (readingId: number, cookie: string, body: Record<string, unknown>) =>
    post(`/api/indicators/schulen-gigabit/readings/${readingId}/supersede`, cookie, {
      expectedRevision: (await detail('schulen-gigabit')).revision,
      ...body,
    });

  it('a correction replaces the value from now on; views known before still show the old one', async () => {
    const own = (await report('schulen-gigabit', mwide.cookie, { value: 50 })).json<ReadingResponse>().reading.id;
    const knownBefore = new Date().toISOString();
    const res = await supersede(own, mwide.cookie, {
      kind: 'correction',
      reason: 'Tippfehler: 95 statt 50',
      replacement: { value: 95, date: todayInBerlin(), note: '', evidence: { reference: 'Vorlage 18/123' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const now = await detail('schulen-gigabit');
    expect(now.rating.official.reading?.value).toBe(95);
    const old = now.readings.find((r) => r.id === own);
    expect(old?.superseded).toMatchObject({ kind: 'correction', reason: 'Tippfehler: 95 statt 50', by: 'Kim K' });
    // A view as known before the correction still counts the old value.
    const then = t.app.repos.indicators.latest('schulen-gigabit', 'official', {
      asOf: '9999-12-31',
      knownAt: knownBefore,
    });
    expect(then?.value).toBe(50);
  });

  it('a withdrawal removes a reading from the rating; a second supersession is refused', async () => {
    const own = (await report('schulen-gigabit', mwide.cookie, { value: 99 })).json<ReadingResponse>().reading.id;
    expect((await supersede(own, mwide.cookie, { kind: 'withdrawal', reason: 'Falsche Kennzahl' })).statusCode).toBe(
      201,
    );
    expect((await detail('schulen-gigabit')).rating.official.reading?.value).toBe(95);
    const again = await supersede(own, mwide.cookie, { kind: 'withdrawal', reason: 'nochmal' });
    expect(again.statusCode).toBe(409);
  });

  it('lets only an admin supersede an independent reading, and needs a reason', async () => {
    const independent = (await detail('schulen-gigabit')).readings.find((r) => r.track === 'independent');
    if (!independent) throw new Error('schulen-gigabit has no independent reading');
    expect(
      (await supersede(independent.id, mwide.cookie, { kind: 'withdrawal', reason: 'passt nicht' })).statusCode,
    ).toBe(403);
    const noReason = await supersede(independent.id, admin.cookie, { kind: 'withdrawal', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(issueFields(noReason)[0]).toBe('reason');
    expect(
      (await supersede(independent.id, admin.cookie, { kind: 'withdrawal', reason: 'Quelle zählt Gebäude' }))
        .statusCode,
    ).toBe(201);
  });
});

describe('admins create and edit indicators', () => {
  const definition = {
    name: 'Funklöcher ohne 4G',
    measure: 'Zahl der Funklöcher ohne 4G-Versorgung.',
    unit: 'count',
    unitSingular: 'Funkloch',
    unitPlural: 'Funklöcher',
    direction: 'lower_is_better',
    goals: [{ goalId: 'v1-16', basis: 'Ziel: alle Funklöcher bis 2021 schließen' }],
    targets: [
      { kind: 'baseline', value: 2000, date: '2019', sourceId: 'S38' },
      { kind: 'target', value: 0, date: '2021', sourceId: 'S38' },
    ],
  };

  it('creates an indicator with goals and target points, and it is rated lower-is-better', async () => {
    const res = await post('/api/indicators', admin.cookie, { id: 'funkloecher-4g', ...definition });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id: 'funkloecher-4g', direction: 'lower_is_better', revision: 0 });
    expect(res.json<IndicatorDetail>().path.map((p) => p.date)).toEqual(['2019-12-31', '2021-12-31']);
    const reported = await report('funkloecher-4g', admin.cookie, { value: 500, date: '2020-12' });
    // Half-way (366 of 731 days) the path is at about 1,000: 500 is ahead.
    expect(reported.json<ReadingResponse>().reading.rating.state).toBe('on_track');
    expect((await post('/api/indicators', admin.cookie, { id: 'funkloecher-4g', ...definition })).statusCode).toBe(409);
  });

  it('refuses a definition that does not hold, naming every field at fault', async () => {
    const res = await post('/api/indicators', admin.cookie, {
      id: 'kaputt',
      ...definition,
      goals: [{ goalId: 'v9-99' }],
      targets: [
        { kind: 'baseline', value: 1, date: '2020', sourceId: 'S38' },
        { kind: 'baseline', value: 2, date: '2021', sourceId: 'S999' },
        { kind: 'interim', value: 3, date: '2019', evidence: {} },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(issueFields(res)).toEqual(
      expect.arrayContaining(['goals.0.goalId', 'targets.1.sourceId', 'targets.2.sourceId', 'targets']),
    );
    expect(count("SELECT count(*) FROM indicators WHERE id = 'kaputt'")).toBe(0);
  });

  it('edits an indicator with the revision it was based on; a stale one gets 409', async () => {
    const current = await detail('funkloecher-4g');
    const edit = (expectedRevision: number) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/indicators/funkloecher-4g',
        headers: { ...sameOrigin, cookie: admin.cookie },
        payload: { ...definition, name: 'Funklöcher (4G)', expectedRevision },
      });
    const res = await edit(current.revision);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Funklöcher (4G)', revision: current.revision + 1 });
    expect(res.json<IndicatorDetail>().readings).toHaveLength(1);
    expect((await edit(current.revision)).statusCode).toBe(409);
  });
});
