import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalDetail, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { AuditResponse } from '@zielmonitor/shared/schemas/audit';
import type {
  CorrectionRequestCreated,
  CorrectionRequestStats,
  CorrectionRequestsResponse,
} from '@zielmonitor/shared/schemas/correction-request';
import type { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import type { StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';
import { createAccount, createTestApp, sameOrigin, type Account, type TestApp } from './helper.ts';

/** "Fehler melden" without an account, through to its answer; the limits on a public write. */
let t: TestApp;
let ctrlA: Account; // MHKBD: responsible today for MWIDE's goals
let ctrlB: Account; // StK
let spd: Account;
let admin: Account;
let goalA = '';
let address = 1;

const count = (sql = 'SELECT count(*) FROM correction_requests') => Number(t.app.db.prepare(sql).pluck().get());
/** Each visitor its own network address, so the per-address limit is tested where it is meant to be. */
const submit = (
  payload: object,
  remoteAddress = `198.51.100.${address++}`,
  headers: Record<string, string> = sameOrigin,
) => t.app.inject({ method: 'POST', url: '/api/correction-requests', headers, payload, remoteAddress });
const good = () => ({
  subject: { kind: 'goal', id: goalA },
  description: 'Der Status „erreicht“ stimmt nicht: laut Landtagsdrucksache ist das Vorhaben verschoben.',
  evidenceUrl: 'https://www.landtag.nrw.de/drucksache',
});
const as = (who: Account | null, url: string, payload?: object) =>
  t.app.inject({
    method: payload ? 'POST' : 'GET',
    url,
    headers: { ...sameOrigin, ...(who && { cookie: who.cookie }) },
    ...(payload && { payload }),
  });

beforeAll(async () => {
  t = await createTestApp({ reviewRequired: false });
  [ctrlA, ctrlB, spd, admin] = await Promise.all([
    createAccount(t, { email: 'a@mhkbd.nrw.de', name: 'Anna A', role: 'controller', ressorts: ['MHKBD'] }),
    createAccount(t, { email: 'b@stk.nrw.de', name: 'Bernd B', role: 'controller', ressorts: ['StK'] }),
    createAccount(t, {
      email: 'spd@landtag.example',
      name: 'Sara S',
      role: 'assessor',
      ressorts: [],
      organisation: 'SPD-Fraktion',
    }),
    createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] }),
  ]);
  goalA =
    (await t.app.inject({ url: '/api/goals?version=1.0&ressort=MWIDE&limit=1' })).json<GoalsResponse>().items[0]?.id ??
    '';
}, 120_000);
afterAll(() => t.close());

describe('a correction request from an anonymous visitor', () => {
  let requestId = 0;

  it('is stored as open, counted publicly for the Ressort responsible, and audited without who sent it', async () => {
    const res = await submit(good());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<CorrectionRequestCreated>();
    expect(created.answerByMail).toBe(false);
    requestId = created.id;
    expect(requestId).toBeGreaterThan(0);
    const stats = (await t.app.inject({ url: '/api/correction-requests/stats' })).json<CorrectionRequestStats>();
    expect(stats.ressorts).toContainEqual({ ressort: 'MHKBD', open: 1, accepted: 0, declined: 0 });
    expect(stats.total).toEqual({ open: 1, accepted: 0, declined: 0 });
    const audit = (await as(admin, '/api/audit?action=request.create')).json<AuditResponse>();
    expect(audit.items[0]).toMatchObject({ actionLabel: 'Fehler gemeldet (Öffentlichkeit)', ip: null });
  });

  it('reaches the queue of the Ressort and the administration only', async () => {
    expect((await as(null, '/api/correction-requests')).statusCode).toBe(401);
    expect((await as(spd, '/api/correction-requests')).statusCode).toBe(403);
    const other = await as(ctrlB, '/api/correction-requests');
    expect(other.json<CorrectionRequestsResponse>().items, other.body).toEqual([]);
    const mine = (await as(ctrlA, '/api/correction-requests?state=open')).json<CorrectionRequestsResponse>().items;
    expect(mine).toEqual([
      expect.objectContaining({
        id: requestId,
        state: 'open',
        canAnswer: true,
        answerByMail: false,
      }),
    ]);
    expect(mine[0]?.ressorts).toContain('MHKBD');
    expect((await as(admin, '/api/correction-requests')).json<CorrectionRequestsResponse>().items).toHaveLength(1);
  });

  it('refuses bad answers with 400 naming the field, and another Ressort with 403, changing nothing', async () => {
    const url = `/api/correction-requests/${requestId}/answer`;
    expect((await as(ctrlB, url, { outcome: 'declined', answer: 'Nicht zuständig, bitte anderswo' })).statusCode).toBe(
      403,
    );
    expect((await as(spd, url, { outcome: 'declined', answer: 'Nicht zuständig, bitte anderswo' })).statusCode).toBe(
      403,
    );
    for (const [body, field] of [
      [{ outcome: 'declined', answer: 'nein' }, 'answer'],
      [{ outcome: 'maybe', answer: 'Geprüft und berichtigt.' }, 'outcome'],
      [{ outcome: 'accepted', answer: '', link: { kind: 'status_event', id: 1 } }, 'link'],
    ] as const) {
      const res = await as(ctrlA, url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorResponse>().error.issues?.map((i) => i.field)).toContain(field);
    }
    expect(count("SELECT count(*) FROM correction_requests WHERE state = 'open'")).toBe(1);
  });

  it('is closed as accepted with the correction it led to, once', async () => {
    const detail = (await t.app.inject({ url: `/api/goals/${goalA}` })).json<GoalDetail>();
    const fixed = await as(ctrlA, `/api/goals/${goalA}/status`, {
      status: 'in_progress',
      effectiveDate: '2021-12-01',
      note: 'Nach Hinweis aus der Öffentlichkeit: verschoben',
      evidence: { reference: 'Drs. 17/999' },
      expectedRevision: detail.revision,
    });
    expect(fixed.statusCode, fixed.body).toBe(201);
    const link = { kind: 'status_event', id: fixed.json<StatusUpdateResponse>().event.id };
    const url = `/api/correction-requests/${requestId}/answer`;
    const answered = await as(ctrlA, url, { outcome: 'accepted', answer: 'Danke, berichtigt.', link });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      state: 'accepted',
      link: { ...link, path: `/ziele/${goalA}#meldung-${link.id}` },
    });
    const again = await as(admin, url, { outcome: 'declined', answer: 'Doch nicht, bitte erneut prüfen' });
    expect(again.statusCode).toBe(409);
    const stats = (await t.app.inject({ url: '/api/correction-requests/stats' })).json<CorrectionRequestStats>();
    expect(stats.ressorts).toContainEqual({ ressort: 'MHKBD', open: 0, accepted: 1, declined: 0 });
  });
});

describe('limits on the public form', () => {
  it.each([
    [{ description: 'kurz' }, 'description'],
    [{ evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl'],
    [{ subject: { kind: 'goal', id: 'v9-99' } }, 'subject.id'],
    [{ subject: { kind: 'status_event', id: 999_999 } }, 'subject.id'],
    [{ email: 'keine-adresse' }, 'email'],
    [{ website: 'http://spam.example' }, 'website'],
    [{ description: `${good().description}<script>`, extra: 1 }, 'extra'],
  ])('refuses %j with 400 naming %s, storing nothing', async (override, field) => {
    const before = count();
    const res = await submit({ ...good(), ...override });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorResponse>().error.issues?.map((i) => i.field)).toContain(field);
    expect(count()).toBe(before);
  });

  it('refuses an address for an answer where mail is not set up', async () => {
    const res = await submit({ ...good(), email: 'leser@example.org' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorResponse>().error.issues?.[0]?.field).toBe('email');
  });

  it('refuses a request from another site (no Origin) with 403', async () => {
    const res = await submit(good(), '198.51.100.200', {});
    expect(res.statusCode).toBe(403);
  });

  it('takes 5 requests an hour from one address, then answers 429 with Retry-After, storing nothing', async () => {
    const before = count();
    for (let i = 0; i < 5; i++) expect((await submit(good(), '203.0.113.9')).statusCode).toBe(201);
    const refused = await submit(good(), '203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.json<ErrorResponse>().error.code).toBe('RATE_LIMITED');
    expect(count()).toBe(before + 5);
    expect((await submit(good(), '203.0.113.10')).statusCode).toBe(201);
  });
});
