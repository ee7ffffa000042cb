import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CorrectionRequest,
  CorrectionRequestCreated,
  CorrectionRequestStats,
  CorrectionRequestsResponse,
} from '@zielmonitor/shared/schemas/correction-request';
import type { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import type { GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { RessortStatsResponse } from '@zielmonitor/shared/schemas/stats';
import type { StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../scripts/lib/smtp-test-server.ts';
import { createAccount, createTestApp, type Account, type TestApp } from './helper.ts';
import { MAIL_FROM, mailOf, ORIGIN } from './mail-fixtures.ts';

/**
 * "Fehler melden" on a figure of the overview: the figure is a record of its basis, counted again by
 * the server, routed to the Ressorts that carry its Ressort on (MWIDE's: MHKBD and MWIKE) or, for the
 * whole version, to the administration; answered by mail with its citable link.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let mhkbd: Account; // carries MWIDE on since 29.06.2022
let mkw: Account; // another Ressort
let spd: Account;
let admin: Account;
let stats: RessortStatsResponse;
let address = 1;

const headers = { origin: ORIGIN };
const submit = (payload: object, remoteAddress = `192.0.2.${address++}`) =>
  t.app.inject({ method: 'POST', url: '/api/correction-requests', headers, payload, remoteAddress });
const as = (who: Account | null, url: string, payload?: object) =>
  t.app.inject({
    method: payload ? 'POST' : 'GET',
    url,
    headers: { ...headers, ...(who && { cookie: who.cookie }) },
    ...(payload && { payload }),
  });
const count = (table = 'correction_requests') =>
  Number(t.app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
const mwide = () => stats.items.find((i) => i.ressort === 'MWIDE');
/** The figure "achieved goals of MWIDE" as the overview of 2.0 showed it on 30.06.2022. */
const figure = (override: object = {}) => ({
  kind: 'figure',
  measure: 'status',
  status: 'achieved',
  ressort: 'MWIDE',
  version: '2.0',
  track: 'official',
  rule: 'all_goals',
  asOf: '2022-06-30',
  knownAt: stats.at.recordedUntil,
  value: mwide()?.achieved ?? -1,
  ...override,
});
const request = (subject: object, email?: string) => ({
  subject,
  description: 'Die Zahl stimmt nicht: ein Ziel ist laut Drucksache längst erreicht.',
  evidenceUrl: 'https://www.landtag.nrw.de/drucksache',
  ...(email && { email }),
});
const queueOf = async (who: Account) =>
  (await as(who, '/api/correction-requests')).json<CorrectionRequestsResponse>().items;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    mail: { smtpUrl: smtp.url, from: MAIL_FROM },
    publicOrigin: ORIGIN,
    reviewRequired: false,
  });
  [mhkbd, mkw, spd, admin] = await Promise.all([
    createAccount(t, { email: 'a@mhkbd.nrw.de', name: 'Anna A', role: 'controller', ressorts: ['MHKBD'] }, ORIGIN),
    createAccount(t, { email: 'k@mkw.nrw.de', name: 'Karl K', role: 'controller', ressorts: ['MKW'] }, ORIGIN),
    createAccount(
      t,
      { email: 'spd@landtag.example', name: 'Sara S', role: 'assessor', ressorts: [], organisation: 'SPD-Fraktion' },
      ORIGIN,
    ),
    createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] }, ORIGIN),
  ]);
  stats = (await t.app.inject({ url: '/api/stats/ressorts?version=2.0&asOf=2022-06-30' })).json();
  expect(mwide(), 'the seed has MWIDE goals in 2.0').toBeDefined();
}, 120_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('a correction request about a per-Ressort figure', () => {
  let id = 0;

  it('is stored with its basis, the value seen and the value counted, routed to the Ressorts carrying MWIDE on', async () => {
    const res = await submit(request(figure(), 'leser@example.org'));
    expect(res.statusCode, res.body).toBe(201);
    id = res.json<CorrectionRequestCreated>().id;
    const row = t.app.db
      .prepare(
        `SELECT f.measure, f.status, f.ressort_code, f.version_key, f.track, f.rule, f.as_of, f.value_seen, f.value_computed
         FROM correction_requests c JOIN request_figures f ON f.id = c.figure_id WHERE c.id = ?`,
      )
      .get(id);
    expect(row).toEqual({
      measure: 'status',
      status: 'achieved',
      ressort_code: 'MWIDE',
      version_key: '2.0',
      track: 'official',
      rule: 'all_goals',
      as_of: '2022-06-30',
      value_seen: mwide()?.achieved,
      value_computed: mwide()?.achieved,
    });
    const counts = (await t.app.inject({ url: '/api/correction-requests/stats' })).json<CorrectionRequestStats>();
    expect(counts.ressorts).toEqual([
      { ressort: 'MHKBD', open: 1, accepted: 0, declined: 0 },
      { ressort: 'MWIKE', open: 1, accepted: 0, declined: 0 },
    ]);
    expect(counts.total).toEqual({ open: 1, accepted: 0, declined: 0 });
  });

  it('shows the figure in words with its citable link to the Ressort and the administration, to nobody else', async () => {
    expect((await as(null, '/api/correction-requests')).statusCode).toBe(401);
    expect((await as(spd, '/api/correction-requests')).statusCode).toBe(403);
    expect(await queueOf(mkw)).toEqual([]);
    const [mine] = await queueOf(mhkbd);
    const achieved = mwide()?.achieved ?? -1;
    expect(mine).toMatchObject({
      id,
      canAnswer: true,
      answerByMail: true,
      ressorts: ['MHKBD', 'MWIKE'],
      subject: {
        kind: 'figure',
        goalId: null,
        indicatorId: null,
        label: `Anzahl erreichter Ziele des MWIDE, Digitalstrategie 2.0, Einschätzung der Landesregierung, gezählt: alle Ziele, Stand 30.06.2022: gemeldet ${achieved}`,
        path: `/?track=official&rule=all_goals&version=2.0&asOf=2022-06-30&knownAt=${encodeURIComponent(stats.at.recordedUntil)}`,
        figure: { measure: 'status', status: 'achieved', ressort: 'MWIDE', value: achieved, computedValue: achieved },
      },
    } satisfies Partial<Record<keyof CorrectionRequest, unknown>>);
    // The link opens the same figure.
    const url = mine?.subject.path.replace('/?', '/api/stats/ressorts?') ?? '';
    const again = (await t.app.inject({ url })).json<RessortStatsResponse>();
    expect(again.items.find((i) => i.ressort === 'MWIDE')?.achieved).toBe(achieved);
    expect(await queueOf(admin)).toHaveLength(1);
  });

  it('cannot be answered by another Ressort; the Ressort answers it once and the requester gets the answer by mail', async () => {
    const url = `/api/correction-requests/${id}/answer`;
    const decline = { outcome: 'declined', answer: 'Die Zahl stimmt: Ziel v2-01 ist laut Bericht nicht erreicht.' };
    expect((await as(mkw, url, decline)).statusCode).toBe(403);
    expect((await as(spd, url, decline)).statusCode).toBe(403);
    // A figure is corrected by a report on a goal it counts, not by a reading.
    const reading = await as(mhkbd, url, { outcome: 'accepted', answer: '', link: { kind: 'reading', id: 1 } });
    expect(reading.statusCode, reading.body).toBe(400);
    expect(reading.json<ErrorResponse>().error.issues?.[0]?.field).toBe('link');
    const answered = await as(mhkbd, url, decline);
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await as(admin, url, decline)).statusCode).toBe(409);
    const before = smtp.received.length;
    await mailOf(t.app).sendDue(new Date());
    const mails: ReceivedMail[] = smtp.received.slice(before).filter((m) => m.envelopeTo.includes('leser@example.org'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.parsed.subject).toBe(
      'Zielmonitor: Antwort auf Ihren Hinweis zu der Zahl „Anzahl erreichter Ziele des MWIDE“',
    );
    const text = mails[0]?.parsed.text ?? '';
    expect(text).toContain('Anzahl erreichter Ziele des MWIDE, Digitalstrategie 2.0');
    expect(text).toContain('Begründung: Die Zahl stimmt');
    expect(text).toContain(`${ORIGIN}/?track=official&rule=all_goals&version=2.0&asOf=2022-06-30&knownAt=`);
    expect(t.app.db.prepare('SELECT email FROM correction_requests WHERE id = ?').pluck().get(id)).toBeNull();
  });

  it('accepted, links a later report on a goal the figure counts, and refuses one on another Ressort', async () => {
    const created = await submit(request(figure()));
    const next = created.json<CorrectionRequestCreated>().id;
    const goals = (await t.app.inject({ url: '/api/goals?version=2.0&ressort=MWIDE&limit=1' })).json<GoalsResponse>();
    const other = (await t.app.inject({ url: '/api/goals?version=2.0&ressort=MKW&limit=1' })).json<GoalsResponse>();
    const report = async (goal: string, who: Account) => {
      const detail = (await t.app.inject({ url: `/api/goals/${goal}` })).json<{ revision: number }>();
      const res = await as(who, `/api/goals/${goal}/status`, {
        status: 'achieved',
        effectiveDate: '2022-06-01',
        note: 'Nach Hinweis aus der Öffentlichkeit berichtigt',
        evidence: { reference: 'Drs. 18/1' },
        expectedRevision: detail.revision,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<StatusUpdateResponse>().event.id;
    };
    const onMkw = await report(other.items[0]?.id ?? '', admin);
    const onMwide = await report(goals.items[0]?.id ?? '', mhkbd);
    const url = `/api/correction-requests/${next}/answer`;
    const wrong = await as(mhkbd, url, { outcome: 'accepted', answer: '', link: { kind: 'status_event', id: onMkw } });
    expect(wrong.statusCode, wrong.body).toBe(400);
    const right = await as(mhkbd, url, {
      outcome: 'accepted',
      answer: '',
      link: { kind: 'status_event', id: onMwide },
    });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json<CorrectionRequest>().link?.path).toBe(`/ziele/${goals.items[0]?.id}#meldung-${onMwide}`);
  });
});

describe('a correction request about a figure of the whole version', () => {
  it('goes to the administration only and counts as without a Ressort', async () => {
    const before = (await t.app.inject({ url: '/api/correction-requests/stats' })).json<CorrectionRequestStats>();
    const res = await submit(request(figure({ ressort: null, value: 2 })));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<CorrectionRequestCreated>().id;
    expect((await queueOf(mhkbd)).map((r) => r.id)).not.toContain(id);
    const [item] = (await queueOf(admin)).filter((r) => r.id === id);
    expect(item?.ressorts).toEqual([]);
    expect(item?.subject.label).toMatch(/^Anzahl erreichter Ziele, Digitalstrategie 2\.0, .*: gemeldet 2/);
    const after = (await t.app.inject({ url: '/api/correction-requests/stats' })).json<CorrectionRequestStats>();
    expect(after.withoutRessort.open).toBe(before.withoutRessort.open + 1);
    expect(after.ressorts).toEqual(before.ressorts);
  });
});

describe('the public form refuses a figure that is not one', () => {
  it.each([
    [{ ressort: 'XYZ' }, 'subject.ressort'],
    [{ version: '9.9' }, 'subject.version'],
    [{ status: undefined }, 'subject.status'],
    [{ measure: 'declared' }, 'subject.ressort'],
    [{ measure: 'rate', status: undefined, value: 3 }, 'subject.value'],
    [{ value: 2.5 }, 'subject.value'],
    [{ value: -1 }, 'subject.value'],
    [{ asOf: '2022-02-30' }, 'subject.asOf'],
    [{ knownAt: 'gestern' }, 'subject.knownAt'],
    [{ track: 'amtlich' }, 'subject.track'],
    [{ rule: 'most' }, 'subject.rule'],
    [{ goal: 'v2-01' }, 'subject.goal'],
  ])('%j: 400 naming %s, storing nothing', async (override, field) => {
    const before = [count(), count('request_figures')];
    const res = await submit(request(figure(override)));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorResponse>().error.issues?.map((i) => i.field)).toContain(field);
    expect([count(), count('request_figures')]).toEqual(before);
  });

  it('takes 5 requests an hour from one address, figures included', async () => {
    const before = count();
    for (let i = 0; i < 5; i++) expect((await submit(request(figure()), '203.0.113.77')).statusCode).toBe(201);
    const refused = await submit(request(figure()), '203.0.113.77');
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorResponse>().error.code).toBe('RATE_LIMITED');
    expect(count()).toBe(before + 5);
  });

  it('keeps a figure as recorded: never changed, never deleted', () => {
    expect(() => t.app.db.exec('UPDATE request_figures SET value_seen = 99')).toThrow(/never changes/);
    expect(() => t.app.db.exec('DELETE FROM request_figures')).toThrow(/kept/);
  });
});
