import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { monthsBefore } from '@zielmonitor/shared/indicators/trajectory';
import { addUser } from './accounts.ts';
import { axeViolations, browserAvailable, loginAs, openPage, reflows, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();
const PASSWORD = 'Gigabit-fuer-jede-Schule';
const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

describe.skipIf(!run)('indicators in headless Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    // Readings enter the record at once here; their release is a journey in workflow.test.ts.
    h = await startHarness({ env: { REVIEW_REQUIRED: 'false' } });
    await addUser(h.databasePath, {
      email: 'breitband@mhkbd.nrw.de',
      name: 'Bea Breitband',
      role: 'controller',
      ressorts: 'MHKBD', // MWIDE's successor for digital affairs reports today
      password: PASSWORD,
    });
  });
  afterAll(async () => {
    await h.close();
  });

  const officialCell = (page: import('playwright-core').Page, id: string) =>
    page.locator(`[data-testid=indicators-panel] tr[data-indicator="${id}"] td[data-track=official]`);

  it('a controller reports a reading, the indicator page shows it against the path, the overview rating changes', async () => {
    const { page } = await openPage(h, '/');
    await officialCell(page, 'schulen-gigabit').waitFor();
    expect(await officialCell(page, 'schulen-gigabit').locator('.rating').textContent()).toBe('nicht bewertbar');

    await loginAs(h, page, 'breitband@mhkbd.nrw.de', PASSWORD);
    await page.goto(`${h.server.url}/kennzahlen/schulen-gigabit`);
    await page.getByTestId('indicator-chart').locator('svg').first().waitFor();
    // By keyboard: the report link is reachable and opens the form.
    const link = page.getByRole('link', { name: 'Messwert melden' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel(/^Wert/).waitFor();
    expect(await axeViolations(page), 'reading form').toEqual([]);

    // A value without evidence is refused in the form, by the server's own schema.
    // Last month: a month counts from its last day, so the current one may not be over yet.
    const month = monthsBefore(todayInBerlin(), 1).slice(0, 7);
    await page.getByLabel(/^Wert/).fill('93');
    await page.getByLabel(/^Stichtag/).fill(month);
    await page.getByRole('button', { name: 'Messwert speichern' }).click();
    await page.locator('#evidenceUrl-error').waitFor();
    expect(await page.getByLabel('Beleg: Web-Adresse').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Beleg: Drucksache oder Aktenzeichen').fill('Vorlage 18/999');
    await page.getByLabel('Anmerkung').fill('Breitbandbüro, Stand Monatsende');
    await page.getByRole('button', { name: 'Messwert speichern' }).press('Enter');
    await page.waitForURL(/\/kennzahlen\/schulen-gigabit\?gemeldet=1/);
    await page.getByText('Gespeichert. Der neue Wert ist bewertet.').waitFor();

    const official = page.locator('[data-testid=indicator-rating] [data-track=official]');
    await official.getByText('hinter dem Plan').first().waitFor();
    const monthName = `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
    expect(await official.textContent()).toContain(
      `93\u00a0% statt der geplanten 100\u00a0% im ${monthName} – 7 Prozentpunkte hinter dem Plan`,
    );
    const newest = page.locator('[data-testid=readings-table] tbody tr').first();
    expect(await newest.textContent()).toContain('Bea Breitband (MHKBD)');
    await page.getByTestId('indicator-chart').locator('svg').first().waitFor();
    expect(await axeViolations(page), 'indicator page after the report').toEqual([]);

    await page.goto(`${h.server.url}/`);
    await officialCell(page, 'schulen-gigabit').locator('.rating').waitFor();
    expect(await officialCell(page, 'schulen-gigabit').locator('.rating').textContent()).toBe('hinter dem Plan');
  });

  it('shows contradicting figures side by side, as known at a date, and prints with chart and sources', async () => {
    const { page } = await openPage(h, '/kennzahlen/schulen-glasfaser?asOf=2022-12-31');
    await page.getByTestId('indicator-chart').locator('svg').first().waitFor();
    const rows = page.locator('[data-testid=readings-table] tbody tr');
    const text = (await rows.allTextContents()).join('\n');
    expect(text).toContain('58 % der Schulen ohne Glasfaser');
    expect(text).toContain('vor dem Gebäude');
    expect(await page.getByTestId('point-in-time').textContent()).toContain('31.12.2022');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('indicator-chart').locator('svg').first().isVisible()).toBe(true);
    expect(await page.locator('.app-header nav').isVisible()).toBe(false);
    expect(await page.locator('#source-N10').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the Terminlage beside the status and the goal’s indicators; the Ressort page lists them', async () => {
    const { page } = await openPage(h, '/ziele/v1-13?asOf=2022-06-30');
    const schedule = page.getByTestId('schedule');
    await schedule.waitFor();
    expect(await schedule.locator('[data-track=official]').textContent()).toContain('im Zeitplan');
    expect(await schedule.locator('[data-track=independent]').textContent()).toContain('verzögert');
    await page.locator('[data-testid=goal-indicators] tbody tr').first().waitFor();
    const listed = await page.locator('[data-testid=goal-indicators] tbody tr').count();
    expect(listed).toBe(3);
    await page.goto(`${h.server.url}/ressorts/MAGS`);
    await page.locator('[data-testid=ressort-indicators] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid=ressort-indicators] tbody th a').allTextContents()).toEqual([
      'Arzt- und Zahnarztpraxen an der Telematikinfrastruktur',
      'Krankenhäuser an der Telematikinfrastruktur',
      'Apotheken an der Telematikinfrastruktur',
    ]);
    expect(await reflows(page)).toBe(true);
  });

  it('has an indicator slide in session mode', async () => {
    const { page } = await openPage(h, '/sitzung?version=1.0&asOf=2022-06-30');
    await page.getByRole('heading', { level: 1, name: 'Wie weit sind die Ziele der Digitalstrategie?' }).waitFor();
    // The handout for print holds every slide; the one on screen is the visible one.
    const slide = page.locator('[data-testid="indicator-slide"]:visible').first();
    for (let i = 0; i < 60; i++) {
      if ((await slide.count()) > 0) break;
      await page.keyboard.press('ArrowRight');
    }
    await slide.getByRole('heading', { name: 'Kennzahlen gegen den Plan' }).waitFor();
    expect(await slide.textContent()).toContain('Schulen mit Gigabit-Anschluss');
  });
});
