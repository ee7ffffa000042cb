import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthsBefore } from '@zielmonitor/shared/indicators/trajectory';
import type { IndicatorDetail } from '@zielmonitor/shared/schemas/indicator';
import type { SubmissionResponse } from '@zielmonitor/shared/schemas/submission';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate } from '@zielmonitor/shared/time/format';
import type { GoalDetail } from '@zielmonitor/shared/schemas/goal';
import type { RoundDetail } from '@zielmonitor/shared/schemas/round';
import { queueReminders, reminderStage } from '../src/services/reminders.ts';
import { createAccount, createTestApp, type Account, type TestApp } from './helper.ts';
import { MAIL_FROM, mailOf, ORIGIN, queuedMailCount, queuedMailLeaks } from './mail-fixtures.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../scripts/lib/smtp-test-server.ts';

const DAY = 86_400_000;
const daysLater = (n: number) => new Date(Date.now() + n * DAY);
const headers = { origin: ORIGIN };

describe('which reminder a round is due', () => {
  it.each([
    [8, null],
    [7, 7],
    [2, 7],
    [1, 1],
    [0, 1],
    [-1, null],
  ])('%i days before the due date: %s', (days, stage) => {
    expect(
      reminderStage('2026-12-10', new Date(Date.parse('2026-12-10') - days * DAY).toISOString().slice(0, 10)),
    ).toBe(stage);
  });
});

describe('reminder mails through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let admin: Account;
  let kim: Account; // controller, MHKBD
  let mara: Account; // controller, MKW
  let rita: Account; // reviewer, MHKBD
  let roundId: number;
  const dueOn = todayInBerlin(daysLater(7));

  const post = (url: string, who: Account, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { ...headers, cookie: who.cookie }, payload });
  const queue = (now: Date) =>
    queueReminders(
      { db: t.app.db, repos: t.app.repos, mail: mailOf(t.app), origin: ORIGIN, reviewRequired: true },
      now,
    );
  const deliver = async (now: Date): Promise<ReceivedMail[]> => {
    const before = smtp.received.length;
    await mailOf(t.app).sendDue(now);
    return smtp.received.slice(before);
  };
  const to = (mails: ReceivedMail[], email: string) => mails.filter((m) => m.envelopeTo.includes(email));
  const missingOf = async (ressort: string): Promise<string[]> => {
    const round = (await t.app.inject({ url: `/api/rounds/${roundId}` })).json<RoundDetail>();
    const row = round.ressorts.find((r) => r.ressort === ressort);
    if (!row) throw new Error(`the round has no row for ${ressort}`);
    return row.goals.filter((g) => g.state === 'missing').map((g) => g.goalId);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      mail: { smtpUrl: smtp.url, from: MAIL_FROM },
      publicOrigin: ORIGIN,
      reviewRequired: true,
    });
    [admin, kim, mara, rita] = await Promise.all([
      createAccount(t, { email: 'ada@nrw.example', name: 'Ada Admin', role: 'admin', ressorts: [] }, ORIGIN),
      createAccount(
        t,
        { email: 'kim@mhkbd.nrw.example', name: 'Kim Kaiser', role: 'controller', ressorts: ['MHKBD'] },
        ORIGIN,
      ),
      createAccount(
        t,
        { email: 'mara@mkw.nrw.example', name: 'Mara Meier', role: 'controller', ressorts: ['MKW'] },
        ORIGIN,
      ),
      createAccount(
        t,
        { email: 'rita@mhkbd.nrw.example', name: 'Rita Roth', role: 'reviewer', ressorts: ['MHKBD'] },
        ORIGIN,
      ),
    ]);
    // A controller of the dissolved MWIDE reports no more, so is reminded of nothing either.
    t.app.repos.users.create(
      { email: 'alt@mwide.nrw.example', name: 'Ehemals', role: 'controller', ressorts: ['MWIDE'], passwordHash: 'x' },
      new Date().toISOString(),
    );
    // A controller whose account was disabled is reminded of nothing.
    t.app.repos.users.create(
      { email: 'alt@mhkbd.nrw.example', name: 'Alt', role: 'controller', ressorts: ['MHKBD'], passwordHash: 'x' },
      new Date().toISOString(),
    );
    const old = t.app.repos.users.findByEmail('alt@mhkbd.nrw.example');
    if (old) t.app.repos.users.disable(old.id, new Date().toISOString());
    const opened = await post('/api/rounds', admin, {
      name: 'Bericht zur Ausschusssitzung',
      version: '2.0',
      dueOn,
      ressorts: ['MHKBD', 'MKW'],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = opened.json<RoundDetail>().id;
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('a week before the due date, reminds each controller of the goals of their Ressort still missing — once', async () => {
    // Only Kim (MHKBD) and Mara (MKW): not the disabled account, not the controller of the dissolved MWIDE.
    const now = new Date();
    expect(queue(now)).toEqual({ rounds: 2, reviews: 0 });
    expect(queue(now)).toEqual({ rounds: 0, reviews: 0 });
    const mails = await deliver(now);
    expect(mails.map((m) => m.envelopeTo).sort()).toEqual([[mara.email], [kim.email]].sort());

    const [mail] = to(mails, kim.email);
    const missing = await missingOf('MHKBD');
    expect(missing.length).toBeGreaterThan(0);
    expect(mail?.parsed.subject).toBe(
      `Erinnerung: Berichtsrunde „Bericht zur Ausschusssitzung“ fällig am ${formatDate(dueOn, 'de')}`,
    );
    const text = mail?.parsed.text ?? '';
    expect(text).toContain('Guten Tag Kim Kaiser,');
    expect(text).toContain(`Zu ${missing.length === 1 ? '1 Ziel' : `${missing.length} Zielen`} Ihres Ressorts`);
    // Exactly the goals the round page shows as missing for the MHKBD, each once.
    expect([...text.matchAll(/^• (v2-\d+):/gm)].map((m) => m[1])).toEqual(missing);
    expect(text).toContain(`${ORIGIN}/runden/${roundId}`);
    expect(mail?.parsed.html).toContain(`href="${ORIGIN}/meine-ziele"`);
    expect(mail?.parsed.html).toContain('lang="de"');
    expect(text).not.toMatch(/undefined|null|\$\{/);
  });

  it('the day before, reminds again of what is still missing, and tells the reviewer what waits for release', async () => {
    const [goal] = await missingOf('MHKBD');
    const detail = (await t.app.inject({ url: `/api/goals/${goal}` })).json<GoalDetail>();
    const submitted = await post(`/api/goals/${goal}/status`, kim, {
      status: 'in_progress',
      effectiveDate: todayInBerlin(),
      note: 'Ausschreibung läuft',
      evidence: { reference: 'Vorlage 18/999' },
      expectedRevision: detail.revision,
    });
    expect(submitted.statusCode, submitted.body).toBe(202);

    const dayBefore = daysLater(6);
    expect(queue(dayBefore)).toEqual({ rounds: 2, reviews: 1 });
    const mails = await deliver(dayBefore);
    const [kimMail] = to(mails, kim.email);
    expect(kimMail?.parsed.subject).toBe('Erinnerung: Berichtsrunde „Bericht zur Ausschusssitzung“ fällig morgen');
    // The submitted goal waits for release: it is no longer missing, so no longer in the reminder.
    expect(kimMail?.parsed.text).not.toContain(`• ${goal}:`);

    const [ritaMail] = to(mails, rita.email);
    expect(ritaMail?.parsed.subject).toBe('Zielmonitor: 1 Meldung wartet auf Ihre Freigabe');
    expect(ritaMail?.parsed.text).toContain(
      `• ${goal}: ${detail.title} – Meldung von Kim Kaiser (MHKBD), eingereicht am`,
    );
    expect(ritaMail?.parsed.text).toContain(`${ORIGIN}/freigaben`);
    // The one who submitted and the administration (a reviewer of the MHKBD exists) get no such mail.
    expect(to(mails, admin.email)).toEqual([]);
    expect(to(mails, 'alt@mhkbd.nrw.example')).toEqual([]);
  });

  it('tells the reviewer of readings that wait for release, with value and month in words', async () => {
    const indicator = (await t.app.inject({ url: '/api/indicators/schulen-gigabit' })).json<IndicatorDetail>();
    const month = monthsBefore(todayInBerlin(), 1).slice(0, 7);
    const submitted = await post('/api/indicators/schulen-gigabit/readings', kim, {
      value: 93.5,
      date: month,
      note: '',
      evidence: { reference: 'Vorlage 18/1000' },
      expectedRevision: indicator.revision,
    });
    expect(submitted.statusCode, submitted.body).toBe(202);
    const day = daysLater(5);
    expect(queue(day).reviews).toBe(1);
    const [ritaMail] = to(await deliver(day), rita.email);
    expect(ritaMail?.parsed.subject).toBe('Zielmonitor: 1 Meldung und 1 Messwert warten auf Ihre Freigabe');
    expect(ritaMail?.parsed.text).toContain(
      `• Kennzahl „${indicator.name}“ – Messwert: 93,5\u00a0% im ${formatDate(month, 'de')} von Kim Kaiser (MHKBD), eingereicht am`,
    );
    // Released, it waits no more: the next test's digest is about status reports only.
    const released = await post(
      `/api/submissions/${submitted.json<SubmissionResponse>().submission.id}/release`,
      rita,
      {
        expectedRevision: indicator.revision + 1,
      },
    );
    expect(released.statusCode, released.body).toBe(200);
  });

  it('asks the administration where no reviewer of the Ressort is active', async () => {
    const [goal] = await missingOf('MKW');
    const detail = (await t.app.inject({ url: `/api/goals/${goal}` })).json<GoalDetail>();
    const submitted = await post(`/api/goals/${goal}/status`, mara, {
      status: 'planned',
      effectiveDate: todayInBerlin(),
      note: 'Konzept in Abstimmung',
      evidence: { reference: 'Kabinettvorlage' },
      expectedRevision: detail.revision,
    });
    expect(submitted.statusCode, submitted.body).toBe(202);
    const nextDay = daysLater(7);
    // The MHKBD's only reviewer leaves: now nobody but the administration may release.
    const ritaId = t.app.repos.users.findByEmail(rita.email)?.id ?? 0;
    t.app.repos.users.disable(ritaId, new Date().toISOString());
    expect(queue(nextDay)).toEqual({ rounds: 0, reviews: 1 });
    const mails = await deliver(nextDay);
    expect(mails.map((m) => m.envelopeTo)).toEqual([[admin.email]]);
    const text = mails[0]?.parsed.text ?? '';
    expect(text).toContain('2 Meldungen warten auf Freigabe');
    expect(text).toContain(`• ${goal}:`);
    expect(text).toContain('Meldung von Mara Meier (MKW)');
    expect(text).toContain('niemand zur Freigabe eingetragen');
  });

  it('sends nothing for a round past its due date or closed', async () => {
    const later = daysLater(9);
    expect(queue(later).rounds).toBe(0);
    expect((await post(`/api/rounds/${roundId}/close`, admin, {})).statusCode).toBe(200);
    expect(queue(daysLater(6)).rounds).toBe(0);
  });

  it('are queued by the running server once it listens', async () => {
    const reopened = await post('/api/rounds', admin, {
      name: 'Quartalsbericht',
      version: '2.0',
      dueOn: todayInBerlin(daysLater(3)),
      ressorts: ['MHKBD'],
    });
    expect(reopened.statusCode, reopened.body).toBe(201);
    const before = t.app.repos.mailQueue.list('pending').length;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const queued = t.app.repos.mailQueue.list('pending').slice(before);
    expect(queued.map((m) => m.dedupeKey)).toContain(
      `round:${reopened.json<RoundDetail>().id}:reminder-7d:user:${t.app.repos.users.findByEmail(kim.email)?.id}`,
    );
  });
  it('every mail it queued reads as published German (glossary, no enum value, snake_case or placeholder)', () => {
    expect(queuedMailCount(t.app)).toBeGreaterThan(0);
    expect(queuedMailLeaks(t.app)).toEqual([]);
  });
});
