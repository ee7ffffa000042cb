import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate } from '@zielmonitor/shared/time/format';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../scripts/lib/smtp-test-server.ts';
import { addUser } from './accounts.ts';
import { axeViolations, browserAvailable, loginAs, openPage, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();
const PASSWORD = 'Unabhaengig-und-begruendet-2026';
const READER = 'leserin@example.org';
const SPD = 'SPD-Fraktion im Landtag NRW';

/** Independent voices in headless Chromium, with mail through a real SMTP server in this process. */
describe.skipIf(!run)('assessments, replies, subscriptions and "Fehler melden"', () => {
  let h: Harness;
  let smtp: TestSmtpServer;
  let goal = '';
  beforeAll(async () => {
    smtp = await startSmtpServer();
    h = await startHarness({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Zielmonitor <zielmonitor@example.org>', REVIEW_REQUIRED: 'false' },
    });
    await addUser(h.databasePath, {
      email: 'sara@spd.landtag.example',
      name: 'Sara Sommer',
      role: 'assessor',
      organisation: SPD,
      password: PASSWORD,
    });
    await addUser(h.databasePath, {
      email: 'kim@mhkbd.nrw.de',
      name: 'Kim Kontrolle',
      role: 'controller',
      ressorts: 'MHKBD',
      password: PASSWORD,
    });
    const goals = (await (await fetch(`${h.server.url}/api/goals?version=1.0&ressort=MWIDE&limit=1`)).json()) as {
      items: { id: string }[];
    };
    goal = goals.items[0]?.id ?? '';
  });
  afterAll(async () => {
    await h.close();
    await smtp.close();
  });

  const mailsTo = async (email: string, count: number): Promise<ReceivedMail[]> => {
    for (;;) {
      const mine = smtp.received.filter((m) => m.envelopeTo.includes(email));
      if (mine.length >= count) return mine;
      await smtp.waitFor(smtp.received.length + 1);
    }
  };
  const linkIn = (mail: ReceivedMail | undefined, pattern: RegExp): string => {
    const found = (mail?.parsed.text ?? '').match(pattern)?.[0];
    if (!found) throw new Error(`no link ${pattern} in ${mail?.parsed.text}`);
    return found;
  };
  const signedIn = async (email: string): Promise<{ page: Page }> => {
    const session = await openPage(h, '/anmelden');
    await loginAs(h, session.page, email, PASSWORD);
    return session;
  };

  it('an assessor files an assessment, a controller replies, a subscriber gets both mails and unsubscribes with one click', async () => {
    // A reader subscribes to the goal and confirms with the link from the mail.
    const reader = await openPage(h, `/ziele/${goal}`);
    await reader.page.getByText('Per E-Mail benachrichtigen').click();
    await reader.page.getByLabel('E-Mail-Adresse').fill(READER);
    await reader.page.getByRole('button', { name: 'Abonnieren' }).click();
    await reader.page.getByText('Fast geschafft').waitFor();
    expect(await axeViolations(reader.page), 'goal page with the subscription form').toEqual([]);
    const [confirmation] = await mailsTo(READER, 1);
    await reader.page.goto(linkIn(confirmation, /https?:\/\/\S+\/abo\/bestaetigen#[A-Za-z0-9_-]{43}/));
    await reader.page.getByText('Ihr Abonnement ist bestätigt').waitFor();

    // The assessor writes for the SPD group on the independent track.
    const sara = await signedIn('sara@spd.landtag.example');
    await sara.page.goto(`${h.server.url}/ziele/${goal}`);
    await sara.page.getByRole('link', { name: 'Unabhängige Einschätzung abgeben' }).click();
    await sara.page.getByText(`Sie schreiben für ${SPD}`).waitFor();
    await sara.page.getByLabel('Neuer Status').selectOption('missed');
    await sara.page.getByLabel(/Begründung/).fill('Die Frist ist verstrichen; das Portal fehlt bis heute.');
    await sara.page.getByLabel(/Beleg: Web-Adresse/).fill('https://www.landtag.nrw.de/plenarprotokoll');
    await sara.page.getByRole('button', { name: 'Meldung absenden' }).click();
    await sara.page.getByText('Ihre Einschätzung ist veröffentlicht.').waitFor();
    const independent = sara.page.getByTestId('independent-history');
    await independent.getByText(SPD).first().waitFor();

    // The Ressort responsible answers it with a Stellungnahme.
    const kim = await signedIn('kim@mhkbd.nrw.de');
    await kim.page.goto(`${h.server.url}/ziele/${goal}`);
    await kim.page
      .getByTestId('independent-history')
      .getByRole('link', { name: 'Stellungnahme abgeben' })
      .first()
      .click();
    await kim.page
      .getByLabel('Ihre Stellungnahme')
      .fill('Das Portal ist seit März in Betrieb; die Einschätzung beruht auf altem Stand.');
    await kim.page.getByLabel('Beleg: Web-Adresse', { exact: true }).fill('https://www.mhkbd.nrw/portal');
    expect(await axeViolations(kim.page), 'reply form').toEqual([]);
    await kim.page.getByRole('button', { name: 'Stellungnahme veröffentlichen' }).click();
    await kim.page.waitForURL(new RegExp(`/ziele/${goal}`));
    const replies = kim.page.getByTestId('independent-history').getByTestId('replies');
    await replies.getByText('Stellungnahme von Ressort MHKBD').first().waitFor();
    await replies.getByText('Das Portal ist seit März in Betrieb').first().waitFor();

    // The subscriber got both, and ends the subscription from the link in the mail.
    const mails = await mailsTo(READER, 3);
    const subjects = mails.map((m) => m.parsed.subject);
    expect(subjects).toContain(`Zielmonitor: Neue unabhängige Einschätzung zu Ziel ${goal}`);
    expect(subjects.some((s) => s?.startsWith('Zielmonitor: Stellungnahme von Ressort MHKBD'))).toBe(true);
    const unsubscribe = linkIn(mails.at(-1), /https?:\/\/\S+\/abo\/abmelden\/[A-Za-z0-9_-]{43}/);
    await reader.page.goto(unsubscribe);
    await reader.page.getByText('Abonnements für l…@example.org').waitFor();
    expect(await axeViolations(reader.page), 'unsubscribe page').toEqual([]);
    await reader.page.getByRole('button', { name: 'Abmelden', exact: true }).click();
    await reader.page.getByTestId('unsubscribed').waitFor();
    const token = unsubscribe.split('/').at(-1) ?? '';
    expect((await fetch(`${h.server.url}/api/subscriptions/unsubscribe/${token}`)).status).toBe(404);
  });

  it('an anonymous visitor reports an error, the Ressort declines it with a reason, and the visitor is told by mail', async () => {
    const visitor = await openPage(h, `/ziele/${goal}`);
    await visitor.page.getByRole('link', { name: 'Fehler melden' }).first().click();
    await visitor.page.getByTestId('report-subject').getByText(`Ziel ${goal}`).waitFor();
    await visitor.page.getByLabel('Was ist falsch?').fill('Das Datum der Freischaltung ist falsch angegeben.');
    await visitor.page.getByLabel(/E-Mail-Adresse für die Antwort/).fill('hinweis@example.org');
    expect(await axeViolations(visitor.page), 'report form').toEqual([]);
    await visitor.page.getByRole('button', { name: 'Hinweis senden' }).click();
    await visitor.page.getByTestId('report-sent').getByText('Sie erhalten die Antwort per E-Mail.').waitFor();

    const kim = await signedIn('kim@mhkbd.nrw.de');
    await kim.page.goto(`${h.server.url}/hinweise`);
    const queue = kim.page.getByTestId('request-queue');
    await queue.getByText('Das Datum der Freischaltung ist falsch angegeben.').waitFor();
    expect(await axeViolations(kim.page), 'request queue').toEqual([]);
    await queue.getByLabel('Antwort', { exact: true }).fill('Das Datum stimmt laut Pressemitteilung vom März.');
    await queue.getByRole('button', { name: 'Ablehnen' }).click();
    await kim.page.getByTestId('requests-answered').getByText('abgelehnt').first().waitFor();

    const [answer] = await mailsTo('hinweis@example.org', 1);
    expect(answer?.parsed.text).toContain('Begründung: Das Datum stimmt laut Pressemitteilung vom März.');
    const privacy = await openPage(h, '/');
    await privacy.page.getByRole('contentinfo').getByRole('link', { name: 'Datenschutzerklärung' }).click();
    await privacy.page.getByRole('heading', { name: 'Datenschutzerklärung', level: 1 }).waitFor();
    await privacy.page.getByText('Abmelden genügt').waitFor();
    expect(await axeViolations(privacy.page), 'privacy page').toEqual([]);
    const publicView = await openPage(h, '/hinweise');
    const stats = publicView.page.getByTestId('request-stats');
    await stats.locator('tfoot').getByText('1').first().waitFor();
  });
  it('an anonymous visitor reports an error on a figure of the overview, the Ressort carrying it on answers, and the visitor is told by mail', async () => {
    const stats = (await (await fetch(`${h.server.url}/api/stats/ressorts?version=2.0`)).json()) as {
      items: { ressort: string; achieved: number }[];
    };
    const achieved = stats.items.find((i) => i.ressort === 'MWIDE')?.achieved ?? -1;
    const words = `Anzahl erreichter Ziele des MWIDE, Digitalstrategie 2.0, Einschätzung der Landesregierung, gezählt: alle Ziele, Stand ${formatDate(todayInBerlin(), 'de')}: gemeldet ${achieved}`;

    // The per-Ressort table names each row's figure in its "Fehler melden"; the keyboard reaches it.
    const visitor = await openPage(h, '/?version=2.0');
    const report = visitor.page
      .getByTestId('ressort-table')
      .getByRole('link', { name: `Fehler bei „MWIDE: ${achieved} erreicht“ melden`, exact: true });
    await report.waitFor();
    expect(await axeViolations(visitor.page), 'overview with "Fehler melden" on its figures').toEqual([]);
    await report.focus();
    await visitor.page.keyboard.press('Enter');
    await visitor.page.getByTestId('report-subject').getByText(words).waitFor();
    await visitor.page.getByText('Zahlen eines Ressorts prüft das Ressort, das es heute fortführt').waitFor();
    await visitor.page
      .getByLabel('Was ist falsch?')
      .fill('Im MWIDE ist laut Landtagsdrucksache ein Ziel mehr erreicht.');
    await visitor.page.getByLabel(/E-Mail-Adresse für die Antwort/).fill('zahl@example.org');
    expect(await axeViolations(visitor.page), 'report form for a figure').toEqual([]);
    await visitor.page.getByRole('button', { name: 'Hinweis senden' }).click();
    await visitor.page.getByTestId('report-sent').getByText('Sie erhalten die Antwort per E-Mail.').waitFor();

    // MWIDE was dissolved: MHKBD carries it on, and its controller sees the figure with its citable link.
    const kim = await signedIn('kim@mhkbd.nrw.de');
    await kim.page.goto(`${h.server.url}/hinweise`);
    const queue = kim.page.getByTestId('request-queue');
    const item = queue.locator('li', { hasText: 'Im MWIDE ist laut Landtagsdrucksache' });
    const link = item.getByRole('link', { name: words });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/\?track=official&rule=all_goals&version=2\.0&asOf=\d{4}-\d{2}-\d{2}&knownAt=\d{4}-/);
    expect(await axeViolations(kim.page), 'queue with a figure').toEqual([]);
    await item
      .getByLabel('Antwort', { exact: true })
      .fill('Die Zahl stimmt: das Ziel ist laut Bericht noch in Umsetzung.');
    await item.getByRole('button', { name: 'Ablehnen' }).click();
    await kim.page
      .getByTestId('requests-answered')
      .locator('li', { hasText: 'Im MWIDE ist laut Landtagsdrucksache' })
      .getByText('abgelehnt')
      .waitFor();

    // The citable link opens the figure as the visitor saw it.
    const cited = await openPage(h, href);
    const row = cited.page.getByTestId('ressort-table').locator('tbody tr', { hasText: 'MWIDE' });
    await row.getByRole('link', { name: `Fehler bei „MWIDE: ${achieved} erreicht“ melden` }).waitFor();

    const [answer] = await mailsTo('zahl@example.org', 1);
    expect(answer?.parsed.subject).toBe(
      'Zielmonitor: Antwort auf Ihren Hinweis zu der Zahl „Anzahl erreichter Ziele des MWIDE“',
    );
    expect(answer?.parsed.text).toContain(words);
    expect(answer?.parsed.text).toContain('Begründung: Die Zahl stimmt');
    expect(answer?.parsed.text).toMatch(/https?:\/\/\S+\/\?track=official&rule=all_goals&version=2\.0&asOf=/);
  });
});
