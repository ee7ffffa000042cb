import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addUser } from './accounts.ts';
import { axeViolations, browserAvailable, loginAs, openPage, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();
const PASSWORD = 'Eine-Zahl-ist-ein-Eintrag';

/** The headline figures as shown: label → value. */
const figures = async (page: Page) => {
  const panel = page.getByTestId('headline-figures');
  await panel.waitFor();
  const labels = await panel.locator('dt').allTextContents();
  const values = await panel.locator('dd:not(.figure-report)').allTextContents();
  return Object.fromEntries(labels.map((label, i) => [label, values[i]]));
};

describe.skipIf(!run)('a record people can quote, in headless Chromium', () => {
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
      password: `${PASSWORD}!`,
    });
  });
  afterAll(async () => {
    await h.close();
  });
  const api = async <T>(path: string): Promise<T> => (await fetch(`${h.server.url}${path}`)).json() as Promise<T>;
  const mwideAchieved = async () =>
    (await api<{ items: { ressort: string; achieved: number }[] }>('/api/stats/ressorts?version=1.0')).items.find(
      (i) => i.ressort === 'MWIDE',
    )?.achieved;

  it('corrects a wrong report: the wrong status disappears everywhere and the history shows the correction', async () => {
    const { page } = await openPage(h, '/anmelden');
    await loginAs(h, page, 'kontrolle@mhkbd.nrw.de', PASSWORD);
    // The wrong report: "erreicht", where the ministry's paper said only "in Umsetzung".
    await page.goto(`${h.server.url}/ziele/v1-16/melden`);
    await page.getByLabel('Neuer Status').selectOption('achieved');
    await page.getByLabel(/Begründung/).fill('Laut Vorlage abgeschlossen');
    await page.getByRole('button', { name: 'Meldung absenden' }).click();
    await page.waitForURL(/\/ziele\/v1-16\?gemeldet=\d+/);
    await page.getByText('Gespeichert. Aktueller Stand dieses Ziels: „erreicht“').waitFor();
    expect(await mwideAchieved()).toBe(1);

    const official = page.getByTestId('official-history');
    await official.getByRole('link', { name: 'Berichtigen' }).first().click();
    await page.waitForURL(/\/meldungen\/\d+\/berichtigen/);
    await page.getByTestId('report-to-correct').getByText('Laut Vorlage abgeschlossen').waitFor();
    await page.getByLabel('Neuer Status').selectOption('in_progress');
    await page.getByLabel(/Begründung \/ Anmerkung/).fill('Zweites Modul noch offen');
    await page.getByRole('button', { name: 'Berichtigung speichern' }).click();
    // Without a reason, nothing is sent.
    await page.locator('#reason-error').waitFor();
    expect(await axeViolations(page), 'correction form with errors').toEqual([]);
    await page
      .getByLabel('Grund der Berichtigung oder Rücknahme')
      .fill('Falsch übertragen: die Vorlage meldet nur Teilabschluss');
    await page.getByRole('button', { name: 'Berichtigung speichern' }).click();
    await page.waitForURL(/\/ziele\/v1-16\?gemeldet=\d+/);
    await page.getByText('Aktueller Stand dieses Ziels: „in Umsetzung“').waitFor();

    const superseded = official.locator('li.superseded');
    expect(await superseded.count()).toBe(1);
    expect(await superseded.textContent()).toContain('Berichtigt am');
    expect(await superseded.textContent()).toContain('von Kim Kontrolle (MHKBD)');
    expect(await superseded.textContent()).toContain('Grund: Falsch übertragen');
    expect(await official.locator('li').first().textContent()).toContain('Berichtigung');
    expect(await axeViolations(page), 'goal page with a corrected report').toEqual([]);
    expect(await mwideAchieved()).toBe(0);

    await page.goto(`${h.server.url}/aenderungen?version=1.0&since=2026-01-01`);
    const table = page.getByTestId('changes-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').first().textContent()).toContain('Berichtigung');
    expect(await table.textContent()).toContain('Falsch übertragen');
  });

  it('keeps a citable link on the same figures after a back-dated report, and says that they changed since', async () => {
    const { page } = await openPage(h, '/?version=2.0&asOf=2022-06-30');
    const before = await figures(page);
    await page.getByTestId('view-stamp').locator('summary').click();
    const link = await page.locator('.cite-link').inputValue();
    expect(link).toMatch(/asOf=2022-06-30/);
    expect(link).toMatch(/knownAt=/);
    expect(await axeViolations(page), 'overview with the citation panel open').toEqual([]);

    // Later, an administrator enters a report for an earlier day.
    const goals = await api<{ items: { id: string; status: string }[] }>('/api/goals?version=2.0&asOf=2022-06-30');
    const target = goals.items.find((g) => g.status !== 'achieved');
    if (!target) throw new Error('seed has no open 2.0 goal');
    const admin = await h.browser.newContext();
    const adminPage = await admin.newPage();
    await loginAs(h, adminPage, 'admin@nrw.de', `${PASSWORD}!`);
    const detail = (await (await adminPage.request.get(`${h.server.url}/api/goals/${target.id}`)).json()) as {
      revision: number;
    };
    const backdated = await adminPage.request.post(`${h.server.url}/api/goals/${target.id}/status`, {
      headers: { origin: h.server.url },
      data: {
        status: 'achieved',
        effectiveDate: '2022-06-01',
        note: 'Nachtrag aus dem Archiv',
        evidence: {},
        expectedRevision: detail.revision,
      },
    });
    expect(backdated.status()).toBe(201);
    await admin.close();

    await page.goto(link);
    expect(await figures(page)).toEqual(before);
    const changed = page.getByTestId('changed-since');
    await changed.getByText('für 1 Ziel gilt zu diesem Datum heute ein anderer Stand').waitFor();
    await changed.getByRole('link', { name: 'Mit heutigem Kenntnisstand ansehen' }).click();
    await page.waitForURL((url) => !url.searchParams.has('knownAt') && url.searchParams.get('asOf') === '2022-06-30');
    const today = await figures(page);
    expect(Number(today.erreicht)).toBe(Number(before.erreicht) + 1);
  });

  it('lets a visitor freeze 2.0 as of 30.06.2022, and the snapshot opens later in 2.0 with the same figures', async () => {
    const { page } = await openPage(h, '/?version=2.0&asOf=2022-06-30&track=independent');
    const before = await figures(page);
    await page.getByTestId('view-stamp').locator('summary').click();
    await page.getByRole('button', { name: 'Diese Ansicht einfrieren' }).click();
    await page.waitForURL(/snapshot=/);
    const url = page.url();
    expect(new URL(url).searchParams.get('version')).toBe('2.0');
    expect(new URL(url).searchParams.get('track')).toBe('independent');

    const later = await openPage(h, new URL(url).pathname + new URL(url).search);
    expect(await figures(later.page)).toEqual(before);
    const stamp = later.page.getByTestId('view-stamp');
    expect(await stamp.textContent()).toContain('Digitalstrategie 2.0');
    expect(await stamp.textContent()).toContain('unabhängige Einschätzungen');
    expect(await stamp.textContent()).toContain('Prüfsumme (SHA-256)');
    expect(await later.page.getByRole('combobox', { name: 'Strategieversion' }).inputValue()).toBe('2.0');
  });

  it('draws no conclusion from an empty basis', async () => {
    const { page } = await openPage(h, '/?version=1.0&rule=short_term');
    const note = page.getByTestId('basis-note');
    await note.waitFor();
    expect(await note.textContent()).toContain('keine belegten Ziele');
    const zero = page.getByTestId('zero-goal-panel');
    expect(await zero.textContent()).toContain('keine Aussage darüber');
    expect(await zero.textContent()).not.toContain('mindestens ein erreichtes Ziel');
    expect(await page.getByLabel('Zählweise').locator('option:checked').textContent()).toBe(
      'kurzfristige Ziele (0 belegte Ziele)',
    );
    expect(await page.locator('main').textContent()).not.toMatch(/Höchste Erfüllungsquote/);
  });
});
