import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowBrowserErrors, browserAvailable, openPage, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();

describe.skipIf(!run)('session mode in headless Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('is driven by keys, jumps to a typed Ressort, shows its data date and survives the network dropping', async () => {
    const { page } = await openPage(h, '/sitzung?version=1.0&asOf=2021-12-02', { serviceWorkers: 'allow' });
    await page.getByRole('heading', { level: 1, name: 'Wie weit sind die Ziele der Digitalstrategie?' }).waitFor();
    expect(await page.getByTestId('session-date').textContent()).toContain('02.12.2021');
    expect(await page.locator('header.app-header').count()).toBe(0);

    await page.keyboard.press('PageDown');
    await page.getByRole('heading', { level: 1, name: 'Kennzahlen' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 1, name: 'Ressorts ohne erreichtes Ziel' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('heading', { level: 1, name: 'Kennzahlen' }).waitFor();

    // Requests made while offline fail, and the browser says so.
    allowBrowserErrors(/ERR_INTERNET_DISCONNECTED/);
    await page.context().setOffline(true);
    await page.getByText('offline – Daten bleiben stehen').waitFor();
    await page.keyboard.type('mwide');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^MWIDE – Ministerium für Wirtschaft/ }).waitFor();
    await page.keyboard.type('v1-13');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /v1-13/ }).waitFor();

    // After one visit the service worker serves the app and its data, even on reload without network.
    await page.context().setOffline(false);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Wie weit sind die Ziele der Digitalstrategie?' }).waitFor();
    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Wie weit sind die Ziele der Digitalstrategie?' }).waitFor();
    await page.keyboard.press('PageDown');
    await page.getByRole('heading', { level: 1, name: 'Kennzahlen' }).waitFor();
  });
});
