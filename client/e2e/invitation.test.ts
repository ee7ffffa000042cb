import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSmtpServer, type TestSmtpServer } from '../../scripts/lib/smtp-test-server.ts';
import { addUser } from './accounts.ts';
import {
  allowBrowserErrors,
  appCode,
  axeViolations,
  browserAvailable,
  enrolApp,
  loginAs,
  openPage,
  reflows,
  startHarness,
  type Harness,
} from './harness.ts';

const run = browserAvailable();
const ADMIN_PASSWORD = 'Glasfaser-fuer-alle-Schulen-admin';
const KIM = 'kim.kaiser@mhkbd.nrw.de';
const KIM_PASSWORD = 'Lindenblüte über Münster';

/** The link in the newest mail to this address, once the server's mail loop delivered it. */
async function linkMailedTo(smtp: TestSmtpServer, to: string): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const mail = smtp.received.findLast((m) => m.envelopeTo.includes(to) && m.parsed.text?.includes('#'));
    const link = /https?:\/\/\S+\/passwort-setzen#[A-Za-z0-9_-]{43}/.exec(mail?.parsed.text ?? '')?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no link mailed to ${to}`);
}

describe.skipIf(!run)('an administration invites a controller (headless Chromium, real SMTP server)', () => {
  let h: Harness;
  let smtp: TestSmtpServer;
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    smtp = await startSmtpServer();
    // Reports enter the record at once here; the release by a second person has its own journey.
    h = await startHarness({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Zielmonitor <zielmonitor@landtag.nrw.example>', REVIEW_REQUIRED: 'false' },
    });
    await addUser(h.databasePath, {
      email: 'admin@nrw.de',
      name: 'Ada Admin',
      role: 'admin',
      password: ADMIN_PASSWORD,
    });
  });
  afterAll(async () => {
    await h.close();
    await smtp.close();
  });

  it('invites by mail; the controller sets a password, sets up the app from the link and reports a status', async () => {
    // Expected: the weak password (400) and the spent link (410), each answered on the page.
    allowBrowserErrors(/status of (400|410)/);
    const admin = await openPage(h, '/anmelden');
    await loginAs(h, admin.page, 'admin@nrw.de', ADMIN_PASSWORD);
    await admin.page.getByRole('link', { name: 'Konten' }).click();
    await admin.page.getByRole('heading', { name: 'Konto einladen' }).waitFor();
    await admin.page.getByLabel('Name', { exact: true }).fill('Kim Kaiser');
    await admin.page.getByLabel('E-Mail-Adresse').fill(KIM);
    await admin.page.getByLabel('Rolle').selectOption('controller');
    await admin.page.getByRole('checkbox', { name: /MHKBD/ }).check();
    await admin.page.getByRole('button', { name: 'Einladen' }).click();
    await admin.page.getByText(`Die Einladung ist per E-Mail an ${KIM} unterwegs`).waitFor();
    const row = admin.page.getByTestId(`user-${KIM}`);
    expect(await row.innerText()).toContain('eingeladen');
    expect(await axeViolations(admin.page), 'Konten').toEqual([]);
    await admin.page.setViewportSize({ width: 320, height: 800 });
    expect(await reflows(admin.page), 'Konten at 320 px').toBe(true);
    await admin.page.setViewportSize({ width: 1280, height: 900 });

    const link = await linkMailedTo(smtp, KIM);
    expect(link.startsWith(h.server.url)).toBe(true);
    const kim = await openPage(h, '/');
    await kim.page.goto(link);
    await kim.page.getByRole('heading', { name: 'Willkommen beim Zielmonitor' }).waitFor();
    expect(await kim.page.getByText('Kim Kaiser').count()).toBeGreaterThan(0);
    await kim.page.getByLabel('Neues Passwort', { exact: true }).fill('Sommer2026!!');
    await kim.page.getByLabel('Neues Passwort wiederholen').fill('Sommer2026!!');
    await kim.page.getByRole('button', { name: 'Passwort festlegen' }).click();
    // The same rules as everywhere: a common password is refused at its field.
    await kim.page.locator('#password-error').waitFor();
    expect(await axeViolations(kim.page), 'link page with an error').toEqual([]);
    await kim.page.getByLabel('Neues Passwort', { exact: true }).fill(KIM_PASSWORD);
    await kim.page.getByLabel('Neues Passwort wiederholen').fill(KIM_PASSWORD);
    await kim.page.getByRole('button', { name: 'Passwort festlegen' }).click();
    await kim.page.getByText('Ihr Passwort ist festgelegt').waitFor();

    // First login: the app is set up from the key under the QR code (codes computed with otpauth).
    await kim.page.goto(`${h.server.url}/anmelden`);
    await kim.page.getByLabel('E-Mail-Adresse').fill(KIM);
    await kim.page.getByLabel('Passwort').fill(KIM_PASSWORD);
    await kim.page.getByRole('button', { name: 'Anmelden' }).click();
    await kim.page.getByRole('heading', { name: 'Zweiten Faktor einrichten' }).waitFor();
    expect(await axeViolations(kim.page), 'enrolment').toEqual([]);
    recoveryCodes = await enrolApp(h, kim.page, KIM);
    expect(recoveryCodes).toHaveLength(10);
    await kim.page.waitForURL(/\/meine-ziele/);

    const goals = (await (await kim.page.request.get(`${h.server.url}/api/goals?reportable=true&limit=1`)).json()) as {
      items: { id: string }[];
    };
    const goal = goals.items[0]?.id ?? '';
    await kim.page.goto(`${h.server.url}/ziele/${goal}/melden`);
    await kim.page.getByLabel('Neuer Status').selectOption('in_progress');
    await kim.page.getByLabel(/Begründung/).fill('Ausschreibung läuft');
    await kim.page.getByRole('button', { name: 'Meldung absenden' }).click();
    await kim.page.getByText('Gespeichert.').waitFor();

    // The link is spent.
    await kim.page.goto(link);
    await kim.page.getByText('Dieser Link gilt nicht mehr').waitFor();
    await admin.page.reload();
    expect(await admin.page.getByTestId(`user-${KIM}`).innerText()).toMatch(/aktiv[\s\S]*1 App/);
  });

  it('signs in with a recovery code once, and with the app again later', async () => {
    // Expected: the refused recovery code (401), answered on the page.
    allowBrowserErrors(/status of 401/);
    const { page } = await openPage(h, '/anmelden');
    await secondStep(page, h);
    await page.getByRole('button', { name: 'Einen Wiederherstellungscode verwenden' }).click();
    await page.getByLabel('Wiederherstellungscode').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.waitForURL(/\/meine-ziele/);
    await page.getByRole('button', { name: 'Abmelden' }).click();

    await secondStep(page, h);
    await page.getByRole('button', { name: 'Einen Wiederherstellungscode verwenden' }).click();
    await page.getByLabel('Wiederherstellungscode').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByText('Dieser Wiederherstellungscode gilt nicht').waitFor();
    await page.getByRole('button', { name: 'Doch den Code der App verwenden' }).click();
    await page.getByLabel('Code aus der Authenticator-App').fill(await appCode(h.server.url, KIM));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.waitForURL(/\/meine-ziele/);
    await page.getByRole('link', { name: 'Mein Konto' }).click();
    await page.getByText('Noch 9 Wiederherstellungscodes übrig.').waitFor();
    expect(await axeViolations(page), 'Mein Konto').toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await reflows(page), 'Mein Konto at 320 px').toBe(true);
  });

  it('invites an independent assessor for an organisation: no Ressorts, the organisation in the list and the mail', async () => {
    const SARA = 'sara.s@spd.landtag.example';
    const ORGANISATION = 'SPD-Fraktion im Landtag NRW';
    const { page } = await openPage(h, '/anmelden');
    await loginAs(h, page, 'admin@nrw.de', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Konten' }).click();
    await page.getByRole('heading', { name: 'Konto einladen' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Sara S.');
    await page.getByLabel('E-Mail-Adresse').fill(SARA);
    const form = page.getByRole('form', { name: 'Konto einladen' });
    await form.getByLabel('Rolle').selectOption({ label: 'Unabhängige Einschätzung' });
    // An assessor writes for an organisation, never for a Ressort: the Ressorts give way to it.
    expect(await form.getByRole('checkbox', { name: /MHKBD/ }).count()).toBe(0);
    await form.getByRole('button', { name: 'Einladen' }).click();
    await form.getByText('Bitte den Namen der Organisation angeben').waitFor();
    expect(await axeViolations(page), 'invitation of an assessor with an error').toEqual([]);
    await form.getByLabel('Organisation').fill(ORGANISATION);
    await form.getByRole('button', { name: 'Einladen' }).click();
    await page.getByText(`Die Einladung ist per E-Mail an ${SARA} unterwegs`).waitFor();
    const row = await page.getByTestId(`user-${SARA}`).innerText();
    expect(row).toContain(`Unabhängige Einschätzung: ${ORGANISATION}`);
    expect(row).toContain('eingeladen');
    const link = await linkMailedTo(smtp, SARA);
    const mail = smtp.received.findLast((m) => m.envelopeTo.includes(SARA));
    expect(mail?.parsed.text?.replace(/\s+/g, ' ')).toContain(`Rolle: Unabhängige Einschätzung für ${ORGANISATION}`);
    expect(link.startsWith(h.server.url)).toBe(true);
  });
});

async function secondStep(page: Page, h: Harness) {
  await page.goto(`${h.server.url}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(KIM);
  await page.getByLabel('Passwort').fill(KIM_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { name: 'Zweiter Schritt der Anmeldung' }).waitFor();
}
