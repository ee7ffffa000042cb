import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, RETRY_DELAYS_MINUTES } from '../src/mail/sender.ts';
import { createTestApp, type TestApp, textContaining } from './helper.ts';
import { allowLoggedErrors } from './loud-failures.ts';
import { enqueue, MAIL_FROM, mailOf, minutesAfter, ORIGIN, reminder } from './mail-fixtures.ts';
import { SMTP_PASSWORD, startSmtpServer, type TestSmtpServer } from '../../scripts/lib/smtp-test-server.ts';

const t0 = new Date('2026-12-05T08:00:00.000Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An app whose SMTP_URL is `urlFor(smtp)`, the test server's own by default. */
async function setUp(urlFor = (smtp: TestSmtpServer) => smtp.url): Promise<{ t: TestApp; smtp: TestSmtpServer }> {
  const smtp = await startSmtpServer();
  cleanups.push(smtp.close);
  const t = await createTestApp({ seed: false, mail: { smtpUrl: urlFor(smtp), from: MAIL_FROM } });
  cleanups.push(t.close);
  return { t, smtp };
}

describe('mail queue and sender', () => {
  it('delivers a queued message with both parts, sender, recipient, subject and headers', async () => {
    const { t, smtp } = await setUp();
    const mail = reminder('round:12:reminder-7d:user:5');
    mail.headers = {
      'List-Unsubscribe': `<${ORIGIN}/abmelden?token=abc>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
    const { id, created } = enqueue(t.app, mail, t0);
    expect(created).toBe(true);
    expect(t.app.repos.mailQueue.get(id)).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: t0.toISOString(),
    });

    expect(await mailOf(t.app).sendDue(t0)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [arrived] = smtp.received;
    const stored = t.app.repos.mailQueue.get(id);
    expect(arrived?.envelopeTo).toEqual(['kim.kaiser@mhkbd.nrw.example']);
    const parsed = arrived?.parsed;
    expect(parsed?.from?.value).toEqual([{ name: 'Zielmonitor', address: 'zielmonitor@landtag.nrw.example' }]);
    expect(parsed?.to).toMatchObject({ value: [{ address: 'kim.kaiser@mhkbd.nrw.example', name: '' }] });
    expect(parsed?.subject).toBe('Erinnerung: Bericht zur Ausschusssitzung 12/2026 fällig am 12.12.2026');
    expect(parsed?.text).toContain('Für 3 Ziele Ihres Ressorts liegt noch kein freigegebener Bericht vor.');
    expect(parsed?.text).toContain(`Zur Berichtsrunde:\n${ORIGIN}/runden/12`);
    expect(parsed?.html).toContain(`<a href="${ORIGIN}/runden/12" style="color:#005ca9">Zur Berichtsrunde</a>`);
    expect(parsed?.html).toContain('Ausschusssitzung 12/2026 fällig');
    // Unfolded (RFC 5322 § 2.2.3): a long header may arrive on two lines.
    const headerLines = new Map(parsed?.headerLines.map((h) => [h.key, h.line.replace(/\r\n(?=[ \t])/g, '')]));
    expect(headerLines.get('list-unsubscribe')).toBe(`List-Unsubscribe: <${ORIGIN}/abmelden?token=abc>`);
    expect(headerLines.get('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(parsed?.messageId).toBe(stored?.messageId);
    expect(stored?.messageId).toMatch(/^<[0-9a-f-]{36}@landtag\.nrw\.example>$/);
    expect(parsed?.date?.toISOString()).toBe(t0.toISOString());
    expect(stored).toMatchObject({ state: 'sent', attempts: 1, sentAt: t0.toISOString(), nextAttemptAt: null });
    expect(await mailOf(t.app).sendDue(minutesAfter(t0, 600))).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('retries a temporary refusal with backoff and delivers once the server accepts', async () => {
    const { t, smtp } = await setUp();
    let tries = 0;
    smtp.refuseRecipient = () => (++tries <= 2 ? { code: 451, message: '4.3.0 Bitte später erneut versuchen' } : null);
    const { id } = enqueue(t.app, reminder('retry'), t0);
    const mail = mailOf(t.app);

    expect(await mail.sendDue(t0)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(t.app.repos.mailQueue.get(id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: minutesAfter(t0, 1).toISOString(),
      lastError: textContaining('451'),
    });
    expect(await mail.sendDue(minutesAfter(t0, 0.9))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await mail.sendDue(minutesAfter(t0, 1))).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(t.app.repos.mailQueue.get(id)?.nextAttemptAt).toBe(minutesAfter(t0, 6).toISOString());
    expect(await mail.sendDue(minutesAfter(t0, 5.9))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await mail.sendDue(minutesAfter(t0, 6))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(t.app.repos.mailQueue.get(id)).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('retries while the mail server is down and delivers when it is back', async () => {
    const down = await startSmtpServer();
    const port = down.port;
    await down.close();
    const { t } = await setUp(() => down.url);
    const { id } = enqueue(t.app, reminder('down'), t0);

    expect(await mailOf(t.app).sendDue(t0)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(t.app.repos.mailQueue.get(id)?.lastError).toMatch(/ECONNREFUSED/);

    const back = await startSmtpServer(port);
    cleanups.unshift(back.close); // after the app, which closes its pooled connection

    expect(await mailOf(t.app).sendDue(minutesAfter(t0, 1))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(back.received).toHaveLength(1);
  });

  it('gives up after the last try and keeps the message as failed; a 5xx for the recipient fails at once', async () => {
    const { t, smtp } = await setUp();
    // Each message that fails for good is logged at error level: that is what an operator must see.
    allowLoggedErrors(/mail failed for good/);
    smtp.refuseRecipient = (address) =>
      address.startsWith('niemand@')
        ? { code: 550, message: '5.1.1 Postfach unbekannt' }
        : { code: 421, message: '4.7.0 Zu viele Verbindungen' };
    const mail = mailOf(t.app);
    const unknown = enqueue(t.app, reminder('unknown', ['niemand@mhkbd.nrw.example']), t0);
    expect(await mail.sendDue(t0)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(t.app.repos.mailQueue.get(unknown.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(t.app.repos.mailQueue.get(unknown.id)?.lastError).toContain('550 5.1.1 Postfach unbekannt');

    const busy = enqueue(t.app, reminder('busy'), t0);
    let at = t0;
    for (const delay of RETRY_DELAYS_MINUTES) {
      expect(await mail.sendDue(at)).toEqual({ sent: 0, retried: 1, failed: 0 });
      at = minutesAfter(at, delay);
      expect(t.app.repos.mailQueue.get(busy.id)?.nextAttemptAt).toBe(at.toISOString());
    }
    expect(await mail.sendDue(at)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(t.app.repos.mailQueue.get(busy.id)).toMatchObject({
      state: 'failed',
      attempts: MAX_ATTEMPTS,
      failedAt: at.toISOString(),
    });
    expect(await mail.sendDue(minutesAfter(at, 10_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(t.app.repos.mailQueue.list('failed').map((m) => m.dedupeKey)).toEqual(['unknown', 'busy']);
    expect(smtp.received).toHaveLength(0);
  });

  it('keeps the SMTP password out of the stored error', async () => {
    const { t, smtp } = await setUp((smtp) => smtp.url.replace(encodeURIComponent(SMTP_PASSWORD), 'Falsch-Passwort-7'));
    const { id } = enqueue(t.app, reminder('auth'), t0);
    expect(await mailOf(t.app).sendDue(t0)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const error = t.app.repos.mailQueue.get(id)?.lastError ?? '';
    expect(error).toContain('535');
    expect(error).not.toContain('Falsch-Passwort-7');
    expect(smtp.received).toHaveLength(0);
  });
});
