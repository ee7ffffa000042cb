import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmResponse } from '@zielmonitor/shared/schemas/subscription';
import type { CorrectionRequestCreated } from '@zielmonitor/shared/schemas/correction-request';
import type { GoalDetail, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import type { ErrorResponse } from '@zielmonitor/shared/schemas/error';
import type { StatusUpdateResponse } from '@zielmonitor/shared/schemas/status-update';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { queueOverdueRounds, runVoicesJobs } from '../src/services/voices-jobs.ts';
import { createAccount, createTestApp, type Account, type TestApp } from './helper.ts';
import { MAIL_FROM, mailOf, ORIGIN, queuedMailCount, queuedMailLeaks } from './mail-fixtures.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../scripts/lib/smtp-test-server.ts';

/**
 * Subscriptions end to end through a real SMTP server: double opt-in, a notice per change, the
 * one-click unsubscribe of RFC 8058 that deletes the address; correction answers by mail.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let spd: Account;
let ctrlA: Account;
let admin: Account;
let goalA = '';
const READER = 'leserin@example.org';
const headers = { origin: ORIGIN };
let address = 1;

const post = (url: string, who: Account | null, payload: object, remoteAddress = `192.0.2.${address++}`) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, ...(who && { cookie: who.cookie }) },
    payload,
    remoteAddress,
  });
const deliver = async (): Promise<ReceivedMail[]> => {
  const before = smtp.received.length;
  await mailOf(t.app).sendDue(new Date());
  return smtp.received.slice(before);
};
const to = (mails: ReceivedMail[], email: string) => mails.filter((m) => m.envelopeTo.includes(email));
const revision = async () => (await t.app.inject({ url: `/api/goals/${goalA}` })).json<GoalDetail>().revision;
const stored = (sql: string, ...params: unknown[]) =>
  t.app.db
    .prepare(sql)
    .pluck()
    .get(...params);
const linkIn = (mail: ReceivedMail, pattern: RegExp) => {
  const match = (mail.parsed.text ?? '').match(pattern);
  if (!match?.[1]) throw new Error(`no link ${pattern} in: ${mail.parsed.text}`);
  return match[1];
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    mail: { smtpUrl: smtp.url, from: MAIL_FROM },
    publicOrigin: ORIGIN,
    reviewRequired: false,
  });
  [spd, ctrlA, admin] = await Promise.all([
    createAccount(
      t,
      {
        email: 'spd@landtag.example',
        name: 'Sara S',
        role: 'assessor',
        ressorts: [],
        organisation: 'SPD-Fraktion im Landtag NRW',
      },
      ORIGIN,
    ),
    createAccount(t, { email: 'a@mhkbd.nrw.de', name: 'Anna A', role: 'controller', ressorts: ['MHKBD'] }, ORIGIN),
    createAccount(t, { email: 'admin@nrw.de', name: 'Ada Admin', role: 'admin', ressorts: [] }, ORIGIN),
  ]);
  goalA =
    (await t.app.inject({ url: '/api/goals?version=1.0&ressort=MWIDE&limit=1' })).json<GoalsResponse>().items[0]?.id ??
    '';
}, 120_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('a subscription to a goal', () => {
  let unsubscribeUrl = '';

  it('sends a confirmation link and nothing else until it is followed', async () => {
    const res = await post('/api/subscriptions', null, { email: READER, scope: 'goal', scopeId: goalA });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ confirmationHours: 48 });
    const [confirmation, ...rest] = to(await deliver(), READER);
    expect(rest).toEqual([]);
    expect(confirmation?.parsed.subject).toBe('Zielmonitor: Bitte bestätigen Sie Ihr Abonnement');
    const token = linkIn(confirmation as ReceivedMail, /\/abo\/bestaetigen#([A-Za-z0-9_-]{43})/);
    // Unconfirmed: an assessment now reaches nobody.
    const early = await post(`/api/goals/${goalA}/status`, spd, {
      status: 'planned',
      effectiveDate: '2021-10-01',
      note: 'Laut Haushaltsplan nicht vor 2023',
      evidence: { reference: 'Drs. 17/1000' },
      expectedRevision: await revision(),
      track: 'independent',
    });
    expect(early.statusCode, early.body).toBe(201);
    expect(to(await deliver(), READER)).toEqual([]);
    const confirmed = await post('/api/subscriptions/confirm', null, { token });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<ConfirmResponse>().subscription).toMatchObject({
      scope: 'goal',
      scopeId: goalA,
      frequency: 'immediate',
    });
    expect((await post('/api/subscriptions/confirm', null, { token })).statusCode).toBe(404);
  });

  it('tells the subscriber of an assessment and of the reply to it, each with a one-click unsubscribe', async () => {
    const assessed = await post(`/api/goals/${goalA}/status`, spd, {
      status: 'missed',
      effectiveDate: '2021-11-01',
      note: 'Die Frist ist verstrichen, das Portal fehlt',
      evidence: { url: 'https://www.landtag.nrw.de/plenarprotokoll' },
      expectedRevision: await revision(),
      track: 'independent',
    });
    expect(assessed.statusCode, assessed.body).toBe(201);
    const [first] = to(await deliver(), READER);
    expect(first?.parsed.subject).toBe(`Zielmonitor: Neue unabhängige Einschätzung zu Ziel ${goalA}`);
    expect(first?.parsed.text).toContain('eingetragen von SPD-Fraktion im Landtag NRW');
    const replied = await post(
      `/api/goals/${goalA}/status/${assessed.json<StatusUpdateResponse>().event.id}/replies`,
      ctrlA,
      {
        text: 'Das Portal ist seit März in Betrieb; die Einschätzung beruht auf einem alten Stand.',
        evidence: { url: 'https://www.mhkbd.nrw/portal' },
      },
    );
    expect(replied.statusCode, replied.body).toBe(201);
    const [second] = to(await deliver(), READER);
    expect(second?.parsed.subject).toContain('Stellungnahme von Ressort MHKBD');
    expect(second?.parsed.text).toContain('Das Portal ist seit März in Betrieb');
    // Unfolded (RFC 5322 § 2.2.3): a long header may arrive on two lines.
    const lines = new Map((second?.parsed.headerLines ?? []).map((h) => [h.key, h.line.replace(/\r\n(?=[ \t])/g, '')]));
    expect(lines.get('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const match = String(lines.get('list-unsubscribe')).match(/<(https:\/\/[^>]+\/abo\/abmelden\/[A-Za-z0-9_-]{43})>/);
    expect(match?.[1]).toBeDefined();
    unsubscribeUrl = match?.[1] ?? '';
    expect(second?.parsed.text).toContain(unsubscribeUrl);
  });

  it('ends with one click from the mail program (no Origin, a form body) and deletes the address', async () => {
    const path = new URL(unsubscribeUrl).pathname;
    const res = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Abgemeldet');
    expect(stored('SELECT count(*) FROM subscriptions WHERE email = ?', READER)).toBe(0);
    expect(stored("SELECT count(*) FROM mail_queue WHERE recipients LIKE '%leserin@%'")).toBe(0);
    const audit = t.app.db.prepare("SELECT before_json FROM audit_log WHERE action = 'subscription.end'").pluck().all();
    expect(audit.join()).not.toContain(READER);
    const later = await post(`/api/goals/${goalA}/status`, ctrlA, {
      status: 'in_progress',
      effectiveDate: '2021-11-15',
      note: 'Portal in Betrieb',
      evidence: { reference: 'Drs. 17/2000' },
      expectedRevision: await revision(),
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(to(await deliver(), READER)).toEqual([]);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: path,
          payload: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).body,
    ).toBe('Dieses Abonnement besteht nicht mehr.');
  });
});

describe('limits on subscribing', () => {
  it.each([
    [{ email: 'keine-adresse' }, 'email'],
    [{ scopeId: 'v9-99' }, 'scopeId'],
    [{ scope: 'planet' }, 'scope'],
    [{ website: 'https://spam.example' }, 'website'],
  ])('refuses %j with 400 naming %s, storing nothing', async (override, field) => {
    const before = stored('SELECT count(*) FROM subscriptions');
    const res = await post('/api/subscriptions', null, {
      email: 'x@example.org',
      scope: 'goal',
      scopeId: goalA,
      ...override,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorResponse>().error.issues?.map((i) => i.field)).toContain(field);
    expect(stored('SELECT count(*) FROM subscriptions')).toBe(before);
  });

  it('sends one mailbox at most 3 confirmation links a day, and one address at most 10 requests an hour', async () => {
    const ask = (email: string, scopeId: string, ip: string) =>
      post('/api/subscriptions', null, { email, scope: 'ressort', scopeId, frequency: 'daily' }, ip);
    for (const code of ['MHKBD', 'StK', 'MKW'])
      expect((await ask('ziel@example.org', code, '192.0.2.200')).statusCode).toBe(202);
    const flooded = await ask('ziel@example.org', 'MAGS', '192.0.2.201');
    expect(flooded.statusCode).toBe(429);
    for (let i = 3; i < 10; i++) expect((await ask(`n${i}@example.org`, 'MKW', '192.0.2.200')).statusCode).toBe(202);
    expect((await ask('n10@example.org', 'MKW', '192.0.2.200')).statusCode).toBe(429);
  });

  it('gathers a daily subscription into one digest the next morning, sent once', async () => {
    const email = 'taeglich@example.org';
    expect(
      (await post('/api/subscriptions', null, { email, scope: 'goal', scopeId: goalA, frequency: 'daily' })).statusCode,
    ).toBe(202);
    const [confirmation] = to(await deliver(), email);
    const token = linkIn(confirmation as ReceivedMail, /\/abo\/bestaetigen#([A-Za-z0-9_-]{43})/);
    expect((await post('/api/subscriptions/confirm', null, { token })).statusCode).toBe(200);
    const change = await post(`/api/goals/${goalA}/status`, ctrlA, {
      status: 'achieved',
      effectiveDate: '2021-11-20',
      note: 'Alle Verfahren digital',
      evidence: { reference: 'Drs. 17/2100' },
      expectedRevision: await revision(),
    });
    expect(change.statusCode, change.body).toBe(201);
    expect(to(await deliver(), email)).toEqual([]);
    // 08:00 in Berlin tomorrow (07:00 UTC in winter, 06:00 in summer: both after the digest time).
    const morning = new Date(
      Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1, 7),
    );
    const ctx = { db: t.app.db, repos: t.app.repos, mail: mailOf(t.app), origin: ORIGIN };
    expect(runVoicesJobs(ctx, morning).digests).toBe(1);
    expect(runVoicesJobs(ctx, morning).digests).toBe(0);
    await mailOf(t.app).sendDue(morning);
    const digests = to(smtp.received, email).filter((m) =>
      m.parsed.subject?.includes('seit der letzten Zusammenfassung'),
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]?.parsed.subject).toBe('Zielmonitor: 1 Änderung seit der letzten Zusammenfassung');
    expect(digests[0]?.parsed.text).toContain(`Neue Meldung der Landesregierung zu Ziel ${goalA}`);
  });
});

describe('a reporting round turning overdue', () => {
  it('is told once to the subscribers of a Ressort with goals still missing', async () => {
    const email = 'runde@example.org';
    expect((await post('/api/subscriptions', null, { email, scope: 'ressort', scopeId: 'MHKBD' })).statusCode).toBe(
      202,
    );
    const [confirmation] = to(await deliver(), email);
    const token = linkIn(confirmation as ReceivedMail, /\/abo\/bestaetigen#([A-Za-z0-9_-]{43})/);
    expect((await post('/api/subscriptions/confirm', null, { token })).statusCode).toBe(200);
    const dueOn = todayInBerlin(new Date(Date.now() + 86_400_000));
    const round = await post('/api/rounds', admin, {
      name: 'Bericht zur Ausschusssitzung',
      version: '1.0',
      dueOn,
      ressorts: ['MHKBD'],
    });
    expect(round.statusCode, round.body).toBe(201);
    const later = new Date(Date.now() + 3 * 86_400_000);
    const ctx = { db: t.app.db, repos: t.app.repos, mail: mailOf(t.app), origin: ORIGIN };
    expect(queueOverdueRounds(ctx, later)).toBeGreaterThanOrEqual(1);
    expect(queueOverdueRounds(ctx, later)).toBe(0);
    await mailOf(t.app).sendDue(later);
    const notices = to(smtp.received, email).filter((m) => m.parsed.subject?.includes('überfällig'));
    expect(notices.map((m) => m.parsed.subject)).toEqual([
      'Zielmonitor: Berichtsrunde „Bericht zur Ausschusssitzung“ überfällig',
    ]);
    expect(notices[0]?.parsed.text).toContain('fehlt noch ein freigegebener Bericht');
  });
});

describe('the answer to a correction request by mail', () => {
  it('reaches the requester, and the address is deleted with it', async () => {
    const sent = await post('/api/correction-requests', null, {
      subject: { kind: 'goal', id: goalA },
      description: 'Die Einschätzung nennt ein falsches Datum für die Freischaltung.',
      email: 'hinweis@example.org',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json<CorrectionRequestCreated>().answerByMail).toBe(true);
    const id = sent.json<CorrectionRequestCreated>().id;
    const answered = await post(`/api/correction-requests/${id}/answer`, ctrlA, {
      outcome: 'declined',
      answer: 'Das Datum stimmt laut Pressemitteilung vom März.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(stored('SELECT email FROM correction_requests WHERE id = ?', id)).toBeNull();
    const [mail] = to(await deliver(), 'hinweis@example.org');
    expect(mail?.parsed.subject).toContain('Antwort auf Ihren Hinweis');
    expect(mail?.parsed.text).toContain('Begründung: Das Datum stimmt laut Pressemitteilung vom März.');
  });
});

describe('without mail configured', () => {
  it('hides subscriptions: /api/about says so and subscribing answers 404', async () => {
    const plain = await createTestApp({ reviewRequired: false });
    try {
      expect((await plain.app.inject({ url: '/api/about' })).json<{ mailConfigured: boolean }>().mailConfigured).toBe(
        false,
      );
      const res = await plain.app.inject({
        method: 'POST',
        url: '/api/subscriptions',
        headers: { origin: 'http://localhost:80' },
        payload: { email: READER, scope: 'goal', scopeId: goalA },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorResponse>().error.code).toBe('MAIL_NOT_CONFIGURED');
    } finally {
      await plain.close();
    }
  });
});

describe('the mails of subscriptions, rounds and correction requests', () => {
  it('every mail it queued reads as published German (glossary, no enum value, snake_case or placeholder)', () => {
    expect(queuedMailCount(t.app)).toBeGreaterThan(0);
    expect(queuedMailLeaks(t.app)).toEqual([]);
  });
});
