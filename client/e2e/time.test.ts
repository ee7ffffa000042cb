import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from './accounts.ts';
import { browserAvailable, loginAs, openPage, startHarness, type Harness } from './harness.ts';

const run = browserAvailable();

describe.skipIf(!run)('change over time in headless Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await addUser(h.databasePath, {
      email: 'admin@nrw.de',
      name: 'Ada Admin',
      role: 'admin',
      password: 'Zeitreise-durch-die-Ziele',
    });
  });
  afterAll(() => h.close());

  it('charts the timeline with a text summary and shows the changes since a chosen date', async () => {
    const { page } = await openPage(h, '/verlauf?version=1.0');
    await page.getByTestId('timeline-chart').locator('svg').first().waitFor();
    const caption = await page.getByTestId('timeline-chart').locator('figcaption').textContent();
    expect(caption).toMatch(/Zahl der erreichten Ziele/);
    expect(caption).not.toMatch(/von (\d+) auf \1\b/);
    await page.goto(`${h.server.url}/aenderungen?version=1.0&since=2021-11-01&until=2021-12-31`);
    const api = (await (
      await fetch(`${h.server.url}/api/changes?version=1.0&since=2021-11-01&until=2021-12-31`)
    ).json()) as { items: unknown[] };
    await page.getByTestId('changes-table').waitFor();
    expect(await page.locator('[data-testid=changes-table] tbody tr').count()).toBe(api.items.length);
  });

  it('moves every view to the as-of date and freezes a snapshot with its hash', async () => {
    const { page } = await openPage(h, '/?version=1.0&asOf=2020-12-31');
    await page.getByTestId('point-in-time').filter({ hasText: '31.12.2020' }).waitFor();
    await page.getByRole('link', { name: 'Ziele', exact: true }).click();
    await page.waitForURL(/asOf=2020-12-31/);

    await loginAs(h, page, 'admin@nrw.de', 'Zeitreise-durch-die-Ziele');
    await page.goto(`${h.server.url}/aenderungen`);
    await page.getByLabel(/Name \(freiwillig\)/).fill('Ausschusssitzung 02.12.2021');
    await page.locator('form').getByRole('button', { name: 'Diese Ansicht einfrieren' }).click();
    await page.waitForURL(/snapshot=ausschusssitzung-02-12-2021-/);
    const banner = page.getByTestId('point-in-time');
    await banner.filter({ hasText: 'Ausschusssitzung 02.12.2021' }).waitFor();
    const id = new URL(page.url()).searchParams.get('snapshot') ?? '';
    const snapshot = (await (await fetch(`${h.server.url}/api/snapshots/${id}`)).json()) as { contentHash: string };
    expect(await banner.textContent()).toContain(snapshot.contentHash);
  });
});
