import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionResponse } from '@zielmonitor/shared/schemas/submission';
import type { GoalDetail, GoalsResponse } from '@zielmonitor/shared/schemas/goal';
import { createAccount, createTestApp, type Account, type TestApp } from './helper.ts';
import { MAIL_FROM, mailOf, ORIGIN, queuedMailCount, queuedMailLeaks } from './mail-fixtures.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../scripts/lib/smtp-test-server.ts';

/** With the four-eyes rule: subscribers hear of a government report when it is released, not before. */
let smtp: TestSmtpServer;
let t: TestApp;
let kim: Account; // controller MHKBD
let rita: Account; // reviewer MHKBD
let goalA = '';
const READER = 'freigabe@example.org';

const post = (url: string, who: Account | null, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { origin: ORIGIN, ...(who && { cookie: who.cookie }) }, payload });
const deliver = async (): Promise<ReceivedMail[]> => {
  const before = smtp.received.length;
  await mailOf(t.app).sendDue(new Date());
  return smtp.received.slice(before).filter((m) => m.envelopeTo.includes(READER));
};
const revision = async () => (await t.app.inject({ url: `/api/goals/${goalA}` })).json<GoalDetail>().revision;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ mail: { smtpUrl: smtp.url, from: MAIL_FROM }, publicOrigin: ORIGIN, reviewRequired: true });
  [kim, rita] = await Promise.all([
    createAccount(t, { email: 'kim@mhkbd.nrw.de', name: 'Kim K', role: 'controller', ressorts: ['MHKBD'] }, ORIGIN),
    createAccount(t, { email: 'rita@mhkbd.nrw.de', name: 'Rita R', role: 'reviewer', ressorts: ['MHKBD'] }, ORIGIN),
  ]);
  goalA =
    (await t.app.inject({ url: '/api/goals?version=1.0&ressort=MWIDE&limit=1' })).json<GoalsResponse>().items[0]?.id ??
    '';
}, 120_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('a subscription and the four-eyes rule', () => {
  it('tells nothing of a submitted report, and tells of it once it is released', async () => {
    expect((await post('/api/subscriptions', null, { email: READER, scope: 'goal', scopeId: goalA })).statusCode).toBe(
      202,
    );
    const [confirmation] = await deliver();
    const token = (confirmation?.parsed.text ?? '').match(/\/abo\/bestaetigen#([A-Za-z0-9_-]{43})/)?.[1] ?? '';
    expect((await post('/api/subscriptions/confirm', null, { token })).statusCode).toBe(200);

    const submitted = await post(`/api/goals/${goalA}/status`, kim, {
      status: 'achieved',
      effectiveDate: '2021-11-30',
      note: 'Alle Verfahren digital',
      evidence: { reference: 'Drs. 17/3000' },
      expectedRevision: await revision(),
    });
    expect(submitted.statusCode, submitted.body).toBe(202);
    expect(await deliver()).toEqual([]);

    const id = submitted.json<SubmissionResponse>().submission.id;
    const released = await post(`/api/submissions/${id}/release`, rita, { expectedRevision: await revision() });
    expect(released.statusCode, released.body).toBe(200);
    const mails = await deliver();
    expect(mails.map((m) => m.parsed.subject)).toEqual([
      `Zielmonitor: Neue Meldung der Landesregierung zu Ziel ${goalA}`,
    ]);
    expect(mails[0]?.parsed.text).toContain('Status: erreicht');
  });
  it('every mail it queued reads as published German (glossary, no enum value, snake_case or placeholder)', () => {
    expect(queuedMailCount(t.app)).toBeGreaterThan(0);
    expect(queuedMailLeaks(t.app)).toEqual([]);
  });
});
