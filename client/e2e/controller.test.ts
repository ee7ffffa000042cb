import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from './accounts.ts';
import {
  allowBrowserErrors,
  axeViolations,
  browserAvailable,
  loginAs,
  openPage,
  startHarness,
  type Harness,
} from './harness.ts';

const run = browserAvailable();
const PASSWORD = 'Glasfaser-fuer-alle-Schulen';

describe.skipIf(!run)('ministry controller journey in headless Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    // Reports here enter the record at once; the release by a second person has its own journey.
    h = await startHarness({ env: { REVIEW_REQUIRED: 'false' } });
    await addUser(h.databasePath, {
      email: 'kontrolle@mhkbd.nrw.de',
      name: 'Kim Kontrolle',
      role: 'controller',
      ressorts: 'MHKBD',
      password: PASSWORD,
    });
    await addUser(h.databasePath, {
      email: 'admin@nrw.de',
      name: 'Ada Admin',
      role: 'admin',
      password: `${PASSWORD}-admin`,
    });
  });
  afterAll(() => h.close());

  it('logs in, reports a status with evidence, sees it on the dashboard, and logs out', async () => {
    const { page } = await openPage(h, '/anmelden');
    await loginAs(h, page, 'kontrolle@mhkbd.nrw.de', PASSWORD);
    const rows = page.locator('[data-testid=my-goals] tbody tr');
    await rows.first().waitFor();
    // The MHKBD inherited the MWIDE's digital goals in 2022: "Meine Ziele" lists what the API lets it report on.
    const mine = (await (await page.request.get(`${h.server.url}/api/goals?reportable=true&limit=500`)).json()) as {
      total: number;
      items: { leadRessort: string | null }[];
    };
    expect(await rows.count()).toBe(mine.total);
    expect(mine.items.some((g) => g.leadRessort === 'MWIDE')).toBe(true);

    const before = (await (await fetch(`${h.server.url}/api/stats/ressorts?version=1.0`)).json()) as {
      items: { ressort: string; achieved: number }[];
    };
    expect(before.items.find((i) => i.ressort === 'MWIDE')?.achieved).toBe(0);

    await page.goto(`${h.server.url}/ziele/v1-13/melden`);
    await page.getByLabel('Neuer Status').selectOption('achieved');
    await page.getByLabel('Fortschritt in Prozent (freiwillig)').fill('100');
    await page.getByRole('button', { name: 'Meldung absenden' }).click();
    // The shared zod schema refuses a closing status without a reason, before anything is sent.
    const noteError = page.locator('#note-error');
    await noteError.waitFor();
    expect(await noteError.textContent()).toContain('Begründung nötig');
    expect(await page.getByLabel(/Begründung/).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page), 'status form showing errors').toEqual([]);

    await page.getByLabel(/Begründung/).fill('Alle Schulen angeschlossen <script>alert(1)</script>');
    await page.getByLabel('Beleg: Drucksache oder Aktenzeichen (freiwillig)').fill('Drs. 18/1234');
    await page.getByRole('button', { name: 'Meldung absenden' }).click();
    await page.waitForURL(/\/ziele\/v1-13\?gemeldet=\d+/);
    await page.getByText('Gespeichert.').waitFor();
    const official = page.getByTestId('official-history');
    await official.getByText('Alle Schulen angeschlossen <script>alert(1)</script>').waitFor();
    expect(await page.locator('script:has-text("alert(1)")').count()).toBe(0);

    await page.goto(`${h.server.url}/`);
    await page.getByTestId('zero-goal-panel').waitFor();
    expect(await page.getByTestId('zero-goal-panel').locator('li strong').allTextContents()).not.toContain('MWIDE');
    expect(
      await page
        .locator('[data-testid=ressort-table] tbody tr', { hasText: 'MWIDE' })
        .locator('td')
        .nth(1)
        .textContent(),
    ).toBe('1');

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('link', { name: 'Anmelden' }).waitFor();
    await page.goto(`${h.server.url}/meine-ziele`);
    await page.getByText('Bitte melden Sie sich an').waitFor();
  });

  it('explains a conflict in plain German and shows the newer state', async () => {
    const { page } = await openPage(h, '/anmelden');
    await loginAs(h, page, 'kontrolle@mhkbd.nrw.de', PASSWORD);
    await page.goto(`${h.server.url}/ziele/v1-14/melden`);
    await page.getByLabel('Neuer Status').waitFor();

    // Meanwhile the admin reports on the same goal from another browser.
    const admin = await h.browser.newContext();
    const adminPage = await admin.newPage();
    await loginAs(h, adminPage, 'admin@nrw.de', `${PASSWORD}-admin`);
    await adminPage.goto(`${h.server.url}/ziele/v1-14/melden`);
    await adminPage.getByLabel('Neuer Status').selectOption('partially_achieved');
    await adminPage.getByLabel(/Begründung/).fill('Zwischenstand der Administration');
    await adminPage.getByRole('button', { name: 'Meldung absenden' }).click();
    await adminPage.waitForURL(/gemeldet=\d+/);
    await admin.close();

    await page.getByLabel('Neuer Status').selectOption('in_progress');
    await page.getByLabel(/Begründung/).fill('Meine Meldung');
    // The stale report is refused with 409; the browser logs the failed request.
    allowBrowserErrors(/status of 409/);
    await page.getByRole('button', { name: 'Meldung absenden' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Inzwischen gibt es einen neueren Stand');
    expect(await conflict.textContent()).toContain('Ada Admin (Administration) meldete „teilweise erreicht“');
    expect(await page.getByLabel(/Begründung/).inputValue()).toBe('Meine Meldung');
    // The form now shows the newer state as the current one, not the state it was opened with.
    await page.getByTestId('current-status').filter({ hasText: 'teilweise erreicht' }).waitFor();
    expect(await axeViolations(page), 'conflict message').toEqual([]);
    await page.getByRole('button', { name: 'Meine Meldung trotzdem absenden' }).click();
    await page.waitForURL(/\/ziele\/v1-14\?gemeldet=\d+/);
  });

  it('shows an admin the import dry run with row and column messages, accessibly', async () => {
    const { page } = await openPage(h, '/anmelden');
    await loginAs(h, page, 'admin@nrw.de', `${PASSWORD}-admin`);
    const csv = await (await fetch(`${h.server.url}/api/export/goals.csv?version=2.0`)).text();
    const broken = csv.replace('\r\nv2-01;2.0;', '\r\nv2-01;9.9;');
    await page.goto(`${h.server.url}/import`);
    await page
      .getByLabel('CSV-Datei (Spalten wie im Export)')
      .setInputFiles({ name: 'ziele.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.getByRole('button', { name: 'Probelauf' }).click();
    const result = page.getByTestId('import-result');
    await result.getByText('Abgelehnte Angaben').waitFor();
    expect(await result.textContent()).toContain('Version');
    expect(await page.getByRole('button', { name: 'Jetzt importieren' }).isDisabled()).toBe(true);
    expect(await axeViolations(page), 'import dry run').toEqual([]);
  });
});
