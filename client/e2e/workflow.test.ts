import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthsBefore } from '@zielmonitor/shared/indicators/trajectory';
import { todayInBerlin } from '@zielmonitor/shared/time/berlin';
import { formatDate } from '@zielmonitor/shared/time/format';
import { addUser } from './accounts.ts';
import { axeViolations, browserAvailable, loginAs, openPage, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();
const PASSWORD = 'Vier-Augen-sehen-mehr-als-zwei';

describe.skipIf(!run)('the ministries’ reporting workflow in headless Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    // As in production: reports wait for a second person's release.
    h = await startHarness();
    await addUser(h.databasePath, { email: 'ada@nrw.de', name: 'Ada Admin', role: 'admin', password: PASSWORD });
    await addUser(h.databasePath, {
      email: 'kim@mhkbd.nrw.de',
      name: 'Kim Kontrolle',
      role: 'controller',
      ressorts: 'MHKBD',
      password: PASSWORD,
    });
    await addUser(h.databasePath, {
      email: 'rita@mhkbd.nrw.de',
      name: 'Rita Prüfung',
      role: 'reviewer',
      ressorts: 'MHKBD',
      password: PASSWORD,
    });
  });
  afterAll(async () => {
    await h.close();
  });
  const api = async <T>(path: string): Promise<T> => (await fetch(`${h.server.url}${path}`)).json() as Promise<T>;

  it('round → report → release: the round shows the Ressort complete, public figures change only after release', async () => {
    const admin = await openPage(h, '/anmelden');
    await loginAs(h, admin.page, 'ada@nrw.de', PASSWORD);
    await admin.page.goto(`${h.server.url}/runden`);
    await admin.page.getByLabel(/Name, z\. B\./).fill('Bericht zur Ausschusssitzung 12/2026');
    await admin.page.locator('form').getByLabel('Strategieversion').selectOption('2.0');
    await admin.page.getByLabel('Meldungen zählen ab').fill('2026-11-01');
    await admin.page.getByLabel('Fällig am').fill('2099-12-31');
    await admin.page.getByRole('checkbox', { name: /MHKBD/ }).check();
    await admin.page.getByRole('button', { name: 'Berichtsrunde eröffnen' }).click();
    await admin.page.waitForURL(/\/runden\/\d+$/);
    const roundUrl = admin.page.url();
    const table = admin.page.getByTestId('round-table');
    await table.waitFor();
    const mhkbdRow = table.locator('tbody tr', { hasText: 'MHKBD' });
    const missingBefore = Number(await mhkbdRow.locator('td').nth(2).textContent());
    expect(missingBefore).toBeGreaterThan(0);
    expect(await axeViolations(admin.page), 'round page').toEqual([]);

    // The controller reports every goal of the round: it waits for release.
    const round = (
      await api<{ ressorts: { ressort: string; goals: { goalId: string }[] }[] }>(
        `/api/rounds/${roundUrl.split('/').at(-1)}`,
      )
    ).ressorts.find((r) => r.ressort === 'MHKBD');
    const goals = round?.goals.map((g) => g.goalId) ?? [];
    expect(goals.length).toBe(missingBefore);
    const statsBefore = await api<unknown>('/api/stats/ressorts?version=2.0');
    const kim = await openPage(h, '/anmelden');
    await loginAs(h, kim.page, 'kim@mhkbd.nrw.de', PASSWORD);
    for (const goal of goals) {
      await kim.page.goto(`${h.server.url}/ziele/${goal}/melden`);
      await kim.page.getByLabel('Neuer Status').selectOption('in_progress');
      await kim.page.getByLabel(/Begründung/).fill('Stand laut Quartalsbericht');
      await kim.page.getByRole('button', { name: 'Meldung absenden' }).click();
      await kim.page.waitForURL(/eingereicht=\d+/);
      await kim.page.getByText('Eingereicht. Ihre Meldung wird öffentlich').waitFor();
    }
    expect(await api<unknown>('/api/stats/ressorts?version=2.0')).toEqual(statsBefore);
    const visitor = await openPage(h, `/ziele/${goals[0] ?? ''}`);
    await visitor.page.getByTestId('pending').getByText('1 Meldung wartet auf Freigabe').waitFor();
    expect(await visitor.page.getByTestId('pending').getByRole('button').count()).toBe(0);
    await admin.page.goto(roundUrl);
    expect(Number(await mhkbdRow.locator('td').nth(1).textContent())).toBe(missingBefore); // pending

    // The reviewer releases them; nobody could release their own.
    const rita = await openPage(h, '/anmelden');
    await loginAs(h, rita.page, 'rita@mhkbd.nrw.de', PASSWORD);
    await rita.page.goto(`${h.server.url}/freigaben`);
    const pending = rita.page.getByTestId('pending-submissions');
    await pending.waitFor();
    expect(await axeViolations(rita.page), 'releases page').toEqual([]);
    for (let i = 0; i < goals.length; i++) {
      await pending.getByRole('button', { name: 'Freigeben' }).first().click();
      await rita.page.waitForFunction(
        (left) => document.querySelectorAll('[data-testid=pending-submissions] button').length <= left,
        (goals.length - i - 1) * 2,
      );
    }
    await rita.page.getByText('Zurzeit wartet keine Meldung und kein Messwert Ihrer Ressorts auf Freigabe.').waitFor();
    expect(await api<unknown>('/api/stats/ressorts?version=2.0')).not.toEqual(statsBefore);

    await admin.page.goto(roundUrl);
    await mhkbdRow.getByText('vollständig').waitFor();
    await admin.page.getByRole('button', { name: 'Runde abschließen und einfrieren' }).click();
    await admin.page
      .getByText(/abgeschlossen am/)
      .first()
      .waitFor();
  });

  it('reading → release: the indicator page says it waits and keeps the old rating until a reviewer releases it', async () => {
    const kim = await openPage(h, '/anmelden');
    await loginAs(h, kim.page, 'kim@mhkbd.nrw.de', PASSWORD);
    await kim.page.goto(`${h.server.url}/kennzahlen/schulen-gigabit/melden`);
    // Last month: a month counts from its last day, so the current one may not be over yet.
    const month = monthsBefore(todayInBerlin(), 1).slice(0, 7);
    const inWords = new RegExp(`93\\s%\\sim ${formatDate(month, 'de')}`);
    await kim.page.getByLabel(/^Wert/).fill('93');
    await kim.page.getByLabel(/^Stichtag/).fill(month);
    await kim.page.getByLabel('Beleg: Drucksache oder Aktenzeichen').fill('Vorlage 18/999');
    await kim.page.getByRole('button', { name: 'Messwert speichern' }).click();
    await kim.page.waitForURL(/\/kennzahlen\/schulen-gigabit\?eingereicht=\d+/);
    await kim.page.getByText('Eingereicht. Ihr Messwert wird öffentlich').waitFor();
    // The one who reported sees what waits, and cannot release it.
    const kimPending = kim.page.getByTestId('pending');
    await kimPending.getByText(inWords).waitFor();
    expect(await kimPending.getByRole('button', { name: 'Freigeben' }).count()).toBe(0);

    // The public sees that a reading waits, and the rating as it was.
    const visitor = await openPage(h, '/kennzahlen/schulen-gigabit');
    const official = visitor.page.locator('[data-testid=indicator-rating] [data-track=official]');
    await visitor.page.getByTestId('pending').getByText('1 Messwert wartet auf Freigabe').waitFor();
    expect(await official.textContent()).toContain('nicht bewertbar');
    expect(await visitor.page.getByTestId('pending').getByRole('button').count()).toBe(0);
    expect(await visitor.page.getByTestId('pending').textContent()).not.toMatch(inWords);
    expect(await axeViolations(visitor.page), 'indicator page with a pending reading').toEqual([]);

    // The reviewer finds it among the releases, in words, and releases it.
    const rita = await openPage(h, '/anmelden');
    await loginAs(h, rita.page, 'rita@mhkbd.nrw.de', PASSWORD);
    await rita.page.goto(`${h.server.url}/freigaben`);
    const item = rita.page.getByTestId('pending-submissions').locator('li', { hasText: 'Kennzahl' });
    await item.getByText(inWords).waitFor();
    expect(await item.textContent()).toContain('Messwert');
    expect(await axeViolations(rita.page), 'releases page with a reading').toEqual([]);
    await item.getByRole('button', { name: 'Freigeben' }).click();
    await rita.page.getByText('Zurzeit wartet keine Meldung und kein Messwert Ihrer Ressorts auf Freigabe.').waitFor();

    // Released: the rating changes, nothing waits any more.
    await visitor.page.reload();
    await official.getByText('hinter dem Plan').first().waitFor();
    expect(await official.textContent()).toMatch(/93\s%/);
    expect(await visitor.page.getByTestId('pending').count()).toBe(0);
  });

  it('reading → return: the one who reported reads the reason, and the reading never counts', async () => {
    const kim = await openPage(h, '/anmelden');
    await loginAs(h, kim.page, 'kim@mhkbd.nrw.de', PASSWORD);
    await kim.page.goto(`${h.server.url}/kennzahlen/haushalte-glasfaser/melden`);
    const month = monthsBefore(todayInBerlin(), 1).slice(0, 7);
    await kim.page.getByLabel(/^Wert/).fill('61');
    await kim.page.getByLabel(/^Stichtag/).fill(month);
    await kim.page.getByLabel('Beleg: Drucksache oder Aktenzeichen').fill('Vorlage 18/1001');
    await kim.page.getByRole('button', { name: 'Messwert speichern' }).click();
    await kim.page.waitForURL(/\/kennzahlen\/haushalte-glasfaser\?eingereicht=\d+/);
    await kim.page.getByTestId('pending').getByText('Von Ihnen eingereicht').waitFor();

    const rita = await openPage(h, '/anmelden');
    await loginAs(h, rita.page, 'rita@mhkbd.nrw.de', PASSWORD);
    await rita.page.goto(`${h.server.url}/freigaben`);
    const item = rita.page.getByTestId('pending-submissions').locator('li', { hasText: 'Kennzahl' });
    await item.getByText(/61\s%/).waitFor();
    await item.getByRole('button', { name: 'Zurückgeben' }).click();
    // Too short a reason is refused on the spot, naming the field.
    await item.getByLabel('Grund für die Rückgabe').fill('nein');
    await item.getByRole('button', { name: 'Mit diesem Grund zurückgeben' }).click();
    await item.locator('.field-error').waitFor();
    await item.getByLabel('Grund für die Rückgabe').fill('Beleg fehlt: welche Vorlage genau?');
    await item.getByRole('button', { name: 'Mit diesem Grund zurückgeben' }).click();
    await rita.page.getByText('Zurzeit wartet keine Meldung und kein Messwert Ihrer Ressorts auf Freigabe.').waitFor();

    await kim.page.goto(`${h.server.url}/freigaben`);
    const returned = kim.page.getByRole('region', { name: 'Zurückgegeben' });
    await returned.getByText('Grund der Rückgabe: Beleg fehlt: welche Vorlage genau?').waitFor();
    expect(await returned.textContent()).toMatch(/zurückgegeben von Rita Prüfung am/);
    expect(await returned.textContent()).toMatch(/61\s%/);
    const indicator = await api<{ review: { pending: number }; readings: { value: number }[] }>(
      '/api/indicators/haushalte-glasfaser',
    );
    expect(indicator.review.pending).toBe(0);
    expect(indicator.readings.map((r) => r.value)).not.toContain(61);
  });

  it('shows a controller of a dissolved Ressort why “Meine Ziele” is empty', async () => {
    await addUser(h.databasePath, {
      email: 'alt@mwide.nrw.de',
      name: 'Alf Alt',
      role: 'controller',
      ressorts: 'MWIDE',
      password: PASSWORD,
    });
    const { page } = await openPage(h, '/anmelden');
    await loginAs(h, page, 'alt@mwide.nrw.de', PASSWORD);
    await page.getByTestId('my-goals-empty').waitFor();
    expect(await page.getByTestId('dissolved-ressort').textContent()).toContain('MHKBD');
    expect(await axeViolations(page), 'my goals of a dissolved Ressort').toEqual([]);
  });
});
