import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/server-process.ts';
import {
  allowBrowserErrors,
  axeViolations,
  browserAvailable,
  openPage,
  startHarness,
  storedForOffline,
  type Harness,
} from './harness.ts';

const run = browserAvailable();
const OVERVIEW = 'Wie weit sind die Ziele der Digitalstrategie?';
// Failed requests while offline are the point of these journeys; anything else is an error.
const OFFLINE_FAILURES = /ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to load resource/;

describe.skipIf(!run)('offline, after one visit', () => {
  let h: Harness;
  // A copy of the build the server serves: the update journey puts a new release into it.
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-dist-'));
    fs.cpSync(path.join(repoRoot, 'client', 'dist'), dist, { recursive: true });
    h = await startHarness({ env: { CLIENT_DIST: dist } });
  });
  afterAll(async () => {
    await h.close();
    if (dist) fs.rmSync(dist, { recursive: true, force: true });
  });

  it('shows what was stored with "offline – Stand vom …", says at once what is not, and keeps navigation', async () => {
    allowBrowserErrors(OFFLINE_FAILURES);
    const { page } = await openPage(h, '/?version=1.0', { serviceWorkers: 'allow' });
    await page.getByRole('heading', { level: 1, name: OVERVIEW }).waitFor();
    await expect.poll(() => page.evaluate(storedForOffline, ['/api/stats/ressorts']), { timeout: 30_000 }).toBe(true);
    await page.getByRole('link', { name: 'Ziele', exact: true }).click();
    await page.getByRole('link', { name: /Alle Schulen bis Ende 2022/ }).click();
    await page.getByRole('heading', { level: 1, name: /v1-13/ }).waitFor();
    const goalUrl = page.url();
    expect(await page.getByTestId('offline-banner').textContent()).toBe('');

    await page.context().setOffline(true);
    // Every route's shell loads offline; the overview shows its stored data with the time it was stored.
    await page.goto(`${h.server.url}/?version=1.0`);
    await page.getByRole('heading', { level: 1, name: OVERVIEW }).waitFor();
    const banner = page.getByTestId('offline-banner');
    await banner
      .filter({ hasText: /^offline – Stand vom \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr: Der Server ist nicht erreichbar/ })
      .waitFor();
    await page.getByTestId('view-stamp').waitFor();
    // The chart is drawn when it scrolls into view, from the stored code: no spinner stays beyond 3 s.
    await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByText('Daten werden geladen').count(), { timeout: 3000 }).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // A goal not opened before: said within 3 s, the header and its navigation stay.
    await page.goto(`${h.server.url}/ziele/v1-01`);
    await page.getByTestId('offline-no-data').waitFor({ timeout: 3000 });
    expect(await page.getByTestId('offline-no-data').textContent()).toContain('Sie sind offline');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Überblick' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The goal opened before shows what was stored; in-app navigation works too.
    await page.goto(goalUrl);
    await page.getByRole('heading', { level: 1, name: /v1-13/ }).waitFor();
    await banner.filter({ hasText: /^offline – Stand vom/ }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Verlauf' }).click();
    await page.getByTestId('offline-no-data').waitFor({ timeout: 3000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Überblick' }).click();
    await page.getByRole('heading', { level: 1, name: OVERVIEW }).waitFor();

    // Back online, the notice goes and the data is the server's again.
    await page.context().setOffline(false);
    await page.getByRole('navigation').getByRole('link', { name: 'Ziele', exact: true }).click();
    await page.getByRole('link', { name: /Alle Schulen bis Ende 2022/ }).waitFor();
    await expect.poll(() => banner.textContent()).toBe('');
  });

  it('the very first visit: what it read before the worker controlled the page is there offline', async () => {
    allowBrowserErrors(OFFLINE_FAILURES);
    // A fresh browser context: no worker, no caches — the goal page is the first page ever opened.
    const { page } = await openPage(h, '/ziele/v1-13?version=1.0', { serviceWorkers: 'allow' });
    expect(await page.evaluate(() => navigator.serviceWorker.controller === null)).toBe(true);
    await page.getByRole('heading', { level: 1, name: /v1-13/ }).waitFor();
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    // The worker takes the page over (clients.claim) and stores the answers the page had read already.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(storedForOffline, ['/api/goals/v1-13']), { timeout: 30_000 }).toBe(true);

    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: title ?? '' }).waitFor();
    await page
      .getByTestId('offline-banner')
      .filter({ hasText: /^offline – Stand vom \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/ })
      .waitFor();
    expect(await page.getByText('Alle Schulen bis Ende 2022', { exact: false }).count()).toBeGreaterThan(0);
    // A view the first visit did not read says so, and the navigation leads back.
    await page.getByRole('navigation').getByRole('link', { name: 'Verlauf' }).click();
    await page.getByTestId('offline-no-data').waitFor({ timeout: 3000 });
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: title ?? '' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a new release: the worker of each build has its own caches, offers "Neue Version – neu laden" and deletes the old', async () => {
    allowBrowserErrors(OFFLINE_FAILURES);
    const { page } = await openPage(h, '/', { serviceWorkers: 'allow' });
    await page.getByRole('heading', { level: 1, name: OVERVIEW }).waitFor();
    await expect.poll(() => page.evaluate(storedForOffline, ['/api/stats/ressorts']), { timeout: 30_000 }).toBe(true);
    const before = await page.evaluate(() => caches.keys());
    const build = /zielmonitor-shell-(\w+)/.exec(before.join(' '))?.[1];
    expect(build).toMatch(/^[0-9a-f]{12}$/);

    // The next release: a worker with another build id (its compressed copies go, so this one is sent).
    const sw = path.join(dist, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(`'${build}'`, "'0a1b2c3d4e5f'"));
    for (const copy of ['sw.js.br', 'sw.js.gz']) fs.rmSync(path.join(dist, copy), { force: true });

    // The browser looks for a new worker on every visit; the page stays on its release until asked.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: OVERVIEW }).waitFor();
    const prompt = page.locator('#update-prompt');
    await prompt.filter({ hasText: 'Neue Version – neu laden' }).waitFor();
    expect(await page.evaluate(() => caches.keys())).toContain(`zielmonitor-shell-${build}`);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'neu laden' }).click()]);
    await page.getByRole('heading', { level: 1, name: OVERVIEW }).waitFor();
    await expect
      .poll(() => page.evaluate(() => caches.keys().then((keys) => keys.sort().join(' '))))
      .toBe('zielmonitor-data-0a1b2c3d4e5f zielmonitor-shell-0a1b2c3d4e5f');
    expect(await prompt.count()).toBe(0);
  });
});
