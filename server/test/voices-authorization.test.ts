import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResponse } from '@zielmonitor/shared/schemas/audit';
import type { ChangesResponse } from '@zielmonitor/shared/schemas/changes';
import type { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import type { GoalDetail, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { IndicatorDetail } from '@zielmonitor/shared/schemas/indicator';
import type { StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp } from './helper.ts';

/**
 * Who writes on which track and who answers whom: assessors (for their organisation) on the
 * independent track, the Ressorts on the government's, replies once per organisation or Ressort.
 */
let t: TestApp;
let spd: Account; // assessor, SPD-Fraktion
let gruene: Account; // assessor, Grüne
let ctrlA: Account; // MHKBD: today responsible for the MWIDE goal A
let ctrlB: Account; // StK
let admin: Account;
let goalA = '';

const SPD = 'SPD-Fraktion im Landtag NRW';
const count = (table: string) => Number(t.app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
const revisionOf = async (id: string) => (await t.app.inject({ url: `/api/goals/${id}` })).json<GoalDetail>().revision;
const post = (url: string, who: Account | null, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { ...sameOrigin, ...(who && { cookie: who.cookie }) }, payload });
const report = async (who: Account | null, track: 'official' | 'independent', body: object = {}) =>
  post(`/api/goals/${goalA}/status`, who, {
    status: 'in_progress',
    effectiveDate: '2021-11-30',
    note: 'Laut Meilensteinbericht und Ausschussprotokoll',
    evidence: { reference: 'Drs. 17/14917' },
    expectedRevision: await revisionOf(goalA),
    track,
    ...body,
  });
const readingBody = async (track: 'official' | 'independent') => ({
  value: 80,
  date: todayInBerlin(),
  note: 'Stand laut eigener Auswertung der Förderbescheide',
  evidence: { url: 'https://example.org/auswertung' },
  expectedRevision: (await t.app.inject({ url: '/api/indicators/schulen-gigabit' })).json<IndicatorDetail>().revision,
  track,
});
const replyBody = (text = 'Die Meldung verschweigt, dass die Förderung erst 2023 bewilligt wurde.') => ({
  text,
  evidence: { reference: 'Drs. 18/2345' },
});
const replyTo = (eventId: number, who: Account | null, body: object = replyBody()) =>
  post(`/api/goals/${goalA}/status/${eventId}/replies`, who, body);

beforeAll(async () => {
  t = await createTestApp({ reviewRequired: false });
  [spd, gruene, ctrlA, ctrlB, admin] = await Promise.all([
    createAccount(t, {
      email: 'spd@landtag.example',
      name: 'Sara S',
      role: 'assessor',
      ressorts: [],
      organisation: SPD,
    }),
    createAccount(t, {
      email: 'gruene@landtag.example',
      name: 'Greta G',
      role: 'assessor',
      ressorts: [],
      organisation: 'Grüne Landtagsfraktion',
    }),
    createAccount(t, { email: 'a@mhkbd.nrw.de', name: 'Anna A', role: 'controller', ressorts: ['MHKBD'] }),
    createAccount(t, { email: 'b@stk.nrw.de', name: 'Bernd B', role: 'controller', ressorts: ['StK'] }),
    createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] }),
  ]);
  goalA =
    (await t.app.inject({ url: '/api/goals?version=1.0&ressort=MWIDE&limit=1' })).json<GoalsResponse>().items[0]?.id ??
    '';
}, 120_000);
afterAll(() => t.close());

describe('the two tracks', () => {
  it.each([
    ['independent', null, 401],
    ['independent', 'ctrlA', 403],
    ['independent', 'ctrlB', 403],
    ['independent', 'admin', 403],
    ['official', 'spd', 403],
    ['independent', 'spd', 201],
    ['official', 'ctrlA', 201],
  ] as const)('a %s report by %s → %i, and only a 201 writes', async (track, who, status) => {
    const actor = { spd, ctrlA, ctrlB, admin }[who ?? 'spd'];
    const before = count('status_events');
    const res = await report(who === null ? null : actor, track);
    expect(res.statusCode, res.body).toBe(status);
    expect(count('status_events')).toBe(before + (status === 201 ? 1 : 0));
    if (status === 201 && track === 'independent') {
      expect(res.json<StatusUpdateResponse>().event).toMatchObject({ track: 'independent', reporter: SPD });
    }
  });

  it('refuses an assessment without reasons or evidence, naming the fields', async () => {
    const before = count('status_events');
    const res = await report(spd, 'independent', { note: '', evidence: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorResponse>().error.issues?.map((i) => i.field)).toEqual(['note', 'evidence.url']);
    expect(count('status_events')).toBe(before);
  });

  it.each([
    ['independent', 'spd', 201],
    ['independent', 'ctrlA', 403],
    ['independent', 'admin', 403],
    ['official', 'spd', 403],
  ] as const)('an %s reading by %s → %i', async (track, who, status) => {
    const before = count('indicator_readings');
    const actor = { spd, ctrlA, admin }[who];
    const res = await post('/api/indicators/schulen-gigabit/readings', actor, await readingBody(track));
    expect(res.statusCode, res.body).toBe(status);
    expect(count('indicator_readings')).toBe(before + (status === 201 ? 1 : 0));
  });

  it('lets the organisation that wrote an assessment correct it, and nobody else but the administration', async () => {
    const id = (await report(spd, 'independent', { effectiveDate: '2021-12-01' })).json<StatusUpdateResponse>().event
      .id;
    const correction = async (who: Account) =>
      post(`/api/goals/${goalA}/status/${id}/correction`, who, {
        status: 'planned',
        effectiveDate: '2021-12-01',
        note: 'Nach Rückfrage im Ausschuss nur geplant',
        evidence: { reference: 'APr 17/1500' },
        reason: 'Falsch übertragen: laut Protokoll nur geplant',
        expectedRevision: await revisionOf(goalA),
      });
    expect((await correction(gruene)).statusCode).toBe(403);
    expect((await correction(ctrlA)).statusCode).toBe(403);
    const corrected = await correction(spd);
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json<StatusUpdateResponse>().event).toMatchObject({
      track: 'independent',
      reporter: SPD,
      status: 'planned',
    });
  });
});

describe('replies (Stellungnahmen)', () => {
  let official = 0;
  let independent = 0;
  beforeAll(async () => {
    official = (await report(ctrlA, 'official', { effectiveDate: '2022-01-10' })).json<StatusUpdateResponse>().event.id;
    independent = (await report(spd, 'independent', { effectiveDate: '2022-01-10' })).json<StatusUpdateResponse>().event
      .id;
  });

  it('lets each side answer the other once, and nobody else', async () => {
    const cases: [number, Account | null, number, string?][] = [
      [official, null, 401],
      [official, ctrlA, 403],
      [official, admin, 403],
      [official, spd, 201],
      [official, spd, 409, 'ALREADY_REPLIED'],
      [official, gruene, 201],
      [independent, spd, 403],
      [independent, ctrlB, 403],
      [independent, admin, 403],
      [independent, ctrlA, 201],
      [independent, ctrlA, 409, 'ALREADY_REPLIED'],
    ];
    for (const [event, who, status, code] of cases) {
      const before = count('replies');
      const res = await replyTo(event, who);
      expect(res.statusCode, `${who?.email ?? 'anonymous'} on ${event}: ${res.body}`).toBe(status);
      if (code) expect(res.json<ErrorResponse>().error.code).toBe(code);
      expect(count('replies')).toBe(before + (status === 201 ? 1 : 0));
    }
  });

  it('never changes a figure: status, revision and history stay as they were', async () => {
    const fresh = (await report(ctrlA, 'official', { effectiveDate: '2022-01-20' })).json<StatusUpdateResponse>().event
      .id;
    const before = (await t.app.inject({ url: `/api/goals/${goalA}` })).json<GoalDetail>();
    expect((await replyTo(fresh, spd)).statusCode).toBe(201);
    const detail = (await t.app.inject({ url: `/api/goals/${goalA}` })).json<GoalDetail>();
    expect(detail.status).toBe(before.status);
    expect(detail.revision).toBe(before.revision);
    expect(detail.history).toEqual(before.history);
    const replies = detail.replies.filter((r: { target: { id: number } }) => r.target.id === official);
    expect(replies.map((r: { author: { name: string } }) => r.author.name)).toEqual([SPD, 'Grüne Landtagsfraktion']);
    expect(detail.replies.find((r: { target: { id: number } }) => r.target.id === independent)).toMatchObject({
      author: { kind: 'ressort', name: 'MHKBD' },
      text: replyBody().text,
      evidence: { reference: 'Drs. 18/2345', url: null },
    });
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const fresh = (await report(ctrlA, 'official', { effectiveDate: '2022-02-01' })).json<StatusUpdateResponse>().event
      .id;
    for (const [body, field] of [
      [{ ...replyBody('zu kurz'), evidence: { reference: 'Drs. 1' } }, 'text'],
      [{ text: replyBody().text, evidence: {} }, 'evidence.url'],
      [{ text: replyBody().text, evidence: { url: 'javascript:alert(1)' } }, 'evidence.url'],
      [{ ...replyBody(), extra: 1 }, 'extra'],
      [replyBody('Lang '.repeat(401)), 'text'],
    ] as const) {
      const before = count('replies');
      const res = await replyTo(fresh, gruene, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<ErrorResponse>().error.issues?.map((i) => i.field)).toContain(field);
      expect(count('replies')).toBe(before);
    }
    expect((await replyTo(999_999, gruene)).statusCode).toBe(404);
  });

  it('lets only the author organisation or Ressort withdraw a reply, once', async () => {
    const detail = (await t.app.inject({ url: `/api/goals/${goalA}` })).json<GoalDetail>();
    const mine = detail.replies.find((r) => r.author.name === SPD)?.id ?? 0;
    const withdraw = (who: Account) =>
      post(`/api/replies/${mine}/supersede`, who, { kind: 'withdrawal', reason: 'Sachstand inzwischen überholt' });
    expect((await withdraw(gruene)).statusCode).toBe(403);
    expect((await withdraw(ctrlA)).statusCode).toBe(403);
    expect((await withdraw(spd)).statusCode).toBe(201);
    expect((await withdraw(spd)).statusCode).toBe(409);
    const after = (await t.app.inject({ url: `/api/goals/${goalA}` })).json<GoalDetail>();
    expect(after.replies.find((r) => r.id === mine)?.supersededBy).toMatchObject({
      kind: 'withdrawal',
      reason: 'Sachstand inzwischen überholt',
    });
  });

  it('shows replies in the changes list and its CSV, and audits them in words', async () => {
    const changes = (
      await t.app.inject({ url: '/api/changes?since=2022-01-01&until=2022-01-31&version=1.0' })
    ).json<ChangesResponse>();
    expect(changes.replies.some((r: { target: { id: number } }) => r.target.id === official)).toBe(true);
    const csv = (await t.app.inject({ url: '/api/export/changes.csv?since=2022-01-01&until=2022-01-31&version=1.0' }))
      .body;
    expect(csv).toContain('Stellungnahmen');
    expect(csv).toContain(`Grüne Landtagsfraktion: ${replyBody().text}`);
    const audit = (
      await t.app.inject({ url: '/api/audit?action=reply.create', headers: { cookie: admin.cookie } })
    ).json<AuditResponse>();
    const entry = audit.items.find((e) => e.actor === 'gruene@landtag.example');
    expect(entry?.actionLabel).toBe('Stellungnahme abgegeben');
    expect(entry?.changes).toEqual(
      expect.arrayContaining([
        { label: 'Für', before: null, after: 'Grüne Landtagsfraktion' },
        { label: 'Stellungnahme', before: null, after: replyBody().text },
      ]),
    );
  });

  it('answers readings too: the other side once, shown beside the reading', async () => {
    const indicator = (await t.app.inject({ url: '/api/indicators/schulen-gigabit' })).json<IndicatorDetail>();
    const current = (track: string) =>
      indicator.readings.find((r) => r.track === track && r.superseded === null)?.id ?? 0;
    const [officialReading, independentReading] = [current('official'), current('independent')];
    const replyToReading = (id: number, who: Account) =>
      post(`/api/indicators/schulen-gigabit/readings/${id}/replies`, who, replyBody());
    expect((await replyToReading(officialReading, ctrlA)).statusCode).toBe(403);
    expect((await replyToReading(officialReading, spd)).statusCode).toBe(201);
    expect((await replyToReading(officialReading, spd)).statusCode).toBe(409);
    expect((await replyToReading(independentReading, spd)).statusCode).toBe(403);
    expect((await replyToReading(independentReading, ctrlA)).statusCode).toBe(201);
    expect(
      (await post(`/api/indicators/flaeche-5g/readings/${officialReading}/replies`, gruene, replyBody())).statusCode,
    ).toBe(404);
    const after = (
      await t.app.inject({ url: '/api/indicators/schulen-gigabit', headers: { cookie: spd.cookie } })
    ).json<IndicatorDetail>();
    expect(after.replies.map((r) => r.target.id).sort((a, b) => a - b)).toEqual(
      [officialReading, independentReading].sort((a, b) => a - b),
    );
    expect(after.repliableReadingIds).not.toContain(officialReading);
  });

  it('tells the dashboard what each user may answer', async () => {
    const as = async (who: Account) =>
      (await t.app.inject({ url: `/api/goals/${goalA}`, headers: { cookie: who.cookie } })).json<GoalDetail>()
        .permissions;
    expect((await as(gruene)).repliableEventIds).not.toContain(official);
    expect((await as(ctrlA)).repliableEventIds).not.toContain(independent);
    expect((await as(spd)).canAssess).toBe(true);
    expect((await as(ctrlA)).canAssess).toBe(false);
  });
});
