import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helper.ts';
import { enqueue, MAIL_FROM, mailOf, minutesAfter, reminder } from './mail-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../scripts/lib/smtp-test-server.ts';

const t0 = new Date('2026-12-05T08:00:00.000Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ t: TestApp; smtp: TestSmtpServer }> {
  const smtp = await startSmtpServer();
  cleanups.push(smtp.close);
  const t = await createTestApp({ seed: false, mail: { smtpUrl: smtp.url, from: MAIL_FROM } });
  cleanups.push(t.close);
  return { t, smtp };
}

describe('enqueueing', () => {
  it('turns the same dedupe key into one mail, also after it was sent', async () => {
    const { t, smtp } = await setUp();
    const first = enqueue(t.app, reminder('round:12:reminder-1d:user:5'), t0);
    const again = { ...reminder('round:12:reminder-1d:user:5'), subject: 'Noch einmal' };
    expect(enqueue(t.app, again, t0)).toEqual({ id: first.id, created: false });
    expect(await mailOf(t.app).sendDue(t0)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(enqueue(t.app, again, minutesAfter(t0, 5))).toEqual({ id: first.id, created: false });
    expect(await mailOf(t.app).sendDue(minutesAfter(t0, 5))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received.map((m) => m.parsed.subject)).toEqual([
      'Erinnerung: Bericht zur Ausschusssitzung 12/2026 fällig am 12.12.2026',
    ]);
  });

  it('commits with the caller’s transaction and refuses to run outside one', async () => {
    const { t } = await setUp();
    const mail = mailOf(t.app);
    expect(() => mail.enqueue(t.app, reminder('outside'), t0)).toThrow(/inside the transaction/);
    const releaseThatFails = t.app.db.transaction(() => {
      mail.enqueue(t.app, reminder('rolled-back'), t0);
      throw new Error('Freigabe gescheitert');
    });
    expect(releaseThatFails).toThrow('Freigabe gescheitert');
    expect(t.app.repos.mailQueue.list('pending')).toEqual([]);
    expect(await mail.sendDue(t0)).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('refuses a malformed message as a programming error and queues nothing', async () => {
    const { t } = await setUp();
    const base = reminder('malformed');
    const broken = [
      { ...base, to: [] },
      { ...base, to: ['keine-adresse'] },
      { ...base, subject: 'Betreff\r\nBcc: alle@example.org' },
      { ...base, headers: { From: 'Jemand <jemand@example.org>' } },
      { ...base, headers: { 'List-Unsubscribe': '<https://x.example>\r\nBcc: alle@example.org' } },
      { ...base, dedupeKey: '' },
    ];
    for (const mail of broken) expect(() => enqueue(t.app, mail, t0)).toThrow(/malformed mail/);
    expect(t.app.repos.mailQueue.list('pending')).toEqual([]);
  });

  it('sends in the background once the loop runs; stopping waits for the try under way', async () => {
    const { t, smtp } = await setUp();
    const mail = mailOf(t.app);
    mail.start();
    const { id } = enqueue(t.app, reminder('background'));
    const [arrived] = await smtp.waitFor(1);
    expect(arrived?.envelopeTo).toEqual(['kim.kaiser@mhkbd.nrw.example']);
    // The server has the message; recording it as sent may still be under way: stop waits for it.
    await mail.stop();
    expect(t.app.repos.mailQueue.get(id)).toMatchObject({ state: 'sent', attempts: 1 });
  });
});

describe('retention', () => {
  it('erases addresses and texts of settled mails after the retention period but keeps them deduplicated', async () => {
    const { t } = await setUp();
    const sent = enqueue(t.app, reminder('old'), t0);
    await mailOf(t.app).sendDue(t0);
    const pending = enqueue(t.app, reminder('new'), minutesAfter(t0, 60));
    const queue = t.app.repos.mailQueue;
    expect(queue.redactSettledBefore(t0, minutesAfter(t0, 1))).toBe(0);
    const later = minutesAfter(t0, 31 * 24 * 60);
    expect(queue.redactSettledBefore(minutesAfter(t0, 1), later)).toBe(1);
    expect(queue.get(sent.id)).toMatchObject({
      state: 'sent',
      recipients: [],
      subject: '',
      text: '',
      html: '',
      headers: {},
      redactedAt: later.toISOString(),
    });
    expect(queue.get(pending.id)?.recipients).toEqual(['kim.kaiser@mhkbd.nrw.example']);
    expect(enqueue(t.app, reminder('old'), later)).toEqual({ id: sent.id, created: false });
  });
});

describe('mail not configured', () => {
  it('has no way to enqueue and tells the dashboard, which hides mail features', async () => {
    const off = await createTestApp({ seed: false });
    cleanups.push(off.close);
    expect(off.app.mail).toEqual({ configured: false });
    const about = await off.app.inject({ method: 'GET', url: '/api/about' });
    expect(about.json()).toEqual({ feedbackEmail: null, operator: null, reviewRequired: true, mailConfigured: false });

    const { t } = await setUp();
    const on = await t.app.inject({ method: 'GET', url: '/api/about' });
    expect(on.json()).toEqual({ feedbackEmail: null, operator: null, reviewRequired: true, mailConfigured: true });
  });
});
