import { describe, expect, it } from 'vitest';
import { loadConfig, mailSettings } from '../src/config.ts';
import { parseMailbox } from '../src/mail/mailbox.ts';
import { renderMail, type MailContent } from '../src/mail/render.ts';
import { absoluteUrl } from '../src/lib/links.ts';
import { describeFailure, isPermanentFailure } from '../src/mail/transport.ts';

const ORIGIN = 'https://zielmonitor.landtag.nrw.example';

const content: MailContent = {
  subject: 'Bericht wartet auf Freigabe',
  title: 'Ein Bericht <MHKBD> wartet auf Ihre Freigabe',
  paragraphs: ['Guten Tag,', 'Notiz des Controllings: "Glasfaser & 5G" <script>alert(1)</script>\nzweite Zeile'],
  links: [
    { label: 'Bericht ansehen', path: '/ziele/v2-07?bericht=12&ansicht=freigabe' },
    { label: 'Alle offenen Freigaben', path: '/freigaben' },
  ],
  reason: 'Sie erhalten diese E-Mail, weil Sie für das MHKBD Berichte freigeben.',
};

describe('renderMail', () => {
  it('renders text and HTML from the same content, escaped, with absolute links under the public origin', () => {
    const mail = renderMail(ORIGIN, content);
    expect(mail.subject).toBe('Bericht wartet auf Freigabe');
    expect(mail.text).toBe(
      [
        'Ein Bericht <MHKBD> wartet auf Ihre Freigabe',
        '='.repeat(44),
        '',
        'Guten Tag,',
        '',
        'Notiz des Controllings: "Glasfaser & 5G" <script>alert(1)</script>\nzweite Zeile',
        '',
        'Bericht ansehen:',
        `${ORIGIN}/ziele/v2-07?bericht=12&ansicht=freigabe`,
        '',
        'Alle offenen Freigaben:',
        `${ORIGIN}/freigaben`,
        '',
        '-'.repeat(40),
        'Sie erhalten diese E-Mail, weil Sie für das MHKBD Berichte freigeben.',
        '',
        'Zielmonitor – Ziele der Digitalstrategie NRW',
        `${ORIGIN}/`,
        '',
      ].join('\n'),
    );
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain('<h1 style="font-size:22px;margin:0 0 16px">Ein Bericht &lt;MHKBD&gt; wartet');
    expect(mail.html).toContain(
      'Notiz des Controllings: &quot;Glasfaser &amp; 5G&quot; &lt;script&gt;alert(1)&lt;/script&gt;<br>zweite Zeile',
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(`<a href="${ORIGIN}/ziele/v2-07?bericht=12&amp;ansicht=freigabe"`);
    expect(mail.html).toContain(`<a href="${ORIGIN}/freigaben" style="color:#005ca9">Alle offenen Freigaben</a>`);
    expect(mail.html).toContain('weil Sie für das MHKBD Berichte freigeben.');
    expect(mail.html).not.toContain('Abmelden');
    expect(mail.headers).toEqual({});
  });

  it('adds a footer link and the one-click List-Unsubscribe headers for a subscription', () => {
    const mail = renderMail(ORIGIN, { ...content, unsubscribePath: '/abmelden?token=Zx_9' });
    expect(mail.text).toContain(`Abmelden: ${ORIGIN}/abmelden?token=Zx_9\n`);
    expect(mail.html).toContain(`<a href="${ORIGIN}/abmelden?token=Zx_9" style="color:#005ca9">Abmelden</a>`);
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${ORIGIN}/abmelden?token=Zx_9>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('builds links only under the configured origin (lib/links.ts)', () => {
    expect(absoluteUrl(ORIGIN, '/ziele')).toBe(`${ORIGIN}/ziele`);
    for (const path of ['//evil.example/ziele', 'https://evil.example/', 'ziele', '']) {
      expect(() => absoluteUrl(ORIGIN, path)).toThrow(/path from the root/);
    }
  });
});

describe('mail configuration', () => {
  const from = 'Zielmonitor <zielmonitor@landtag.nrw.example>';

  it('is off without SMTP_URL, also when it is set empty', () => {
    expect(mailSettings(loadConfig({}))).toBeNull();
    expect(mailSettings(loadConfig({ SMTP_URL: '', MAIL_FROM: '' }))).toBeNull();
    const smtpUrl = 'smtps://zielmonitor:geheim@mail.landtag.nrw.example:465';
    expect(mailSettings(loadConfig({ SMTP_URL: smtpUrl, MAIL_FROM: from }))).toEqual({ smtpUrl, from });
  });

  it('refuses to start with SMTP_URL but no MAIL_FROM, or with values that are not what they should be', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://u:streng-geheim@mail.example:587' })).toThrow(
      /MAIL_FROM: fehlt: mit SMTP_URL muss auch die Absenderadresse MAIL_FROM gesetzt sein/,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://u:streng-geheim@mail.example:587' })).not.toThrow(/streng-geheim/);
    expect(() => loadConfig({ SMTP_URL: 'https://mail.example', MAIL_FROM: from })).toThrow(
      /SMTP_URL: muss eine Adresse wie smtp:/,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'Zielmonitor' })).toThrow(
      /MAIL_FROM: muss eine Absenderadresse sein/,
    );
  });

  it('reads MAIL_FROM as one mailbox', () => {
    expect(parseMailbox(from)).toEqual({ name: 'Zielmonitor', address: 'zielmonitor@landtag.nrw.example' });
    expect(parseMailbox('"Landtag NRW, Zielmonitor" <zm@landtag.nrw.example>')).toEqual({
      name: 'Landtag NRW, Zielmonitor',
      address: 'zm@landtag.nrw.example',
    });
    expect(parseMailbox('zm@landtag.nrw.example')).toEqual({ name: null, address: 'zm@landtag.nrw.example' });
    expect(parseMailbox('Zielmonitor <zm@landtag.nrw.example>\r\nBcc: x@example.org')).toBeNull();
    expect(parseMailbox('a@b.example, c@d.example')).toBeNull();
  });
});

describe('SMTP failures', () => {
  const smtpUrl = 'smtp://zielmonitor:p%40ss%2Fw0rd@mail.example:587';

  it('are stored without the password, as written or decoded', () => {
    const err = Object.assign(new Error('Invalid login: 535 user zielmonitor p@ss/w0rd p%40ss%2Fw0rd refused'), {
      code: 'EAUTH',
      responseCode: 535,
    });
    expect(describeFailure(err, smtpUrl)).toBe('EAUTH: Invalid login: 535 user zielmonitor *** *** refused');
  });

  it('count as permanent only when the server refused the recipients or the message with 5xx', () => {
    const failure = (code: string, responseCode?: number) => Object.assign(new Error('x'), { code, responseCode });
    expect(isPermanentFailure(failure('EENVELOPE', 550))).toBe(true);
    expect(isPermanentFailure(failure('EMESSAGE', 554))).toBe(true);
    expect(isPermanentFailure(failure('EENVELOPE', 451))).toBe(false);
    expect(isPermanentFailure(failure('EAUTH', 535))).toBe(false);
    expect(isPermanentFailure(failure('ECONNECTION'))).toBe(false);
    expect(isPermanentFailure('not an error')).toBe(false);
  });
});
